import { importBundle, tenantBundle, TestApi } from '../helpers/api';
import { DEMO_PLAN } from '../helpers/plan';
import { expectAccessible } from '../helpers/browser';
import { WebApp } from '../helpers/web-app';

const plan2026 = DEMO_PLAN;
const NBSP = '\u00a0';

/** The förbundschef works on the verksamhetsplan in the browser: changes a line, confirms a goal, saves. */
describe('verksamhetsplan in a real browser', () => {
  let web: WebApp;
  let api: TestApi;

  beforeAll(async () => {
    web = await WebApp.start();
    api = web.api;
    const org = (await importBundle(api, tenantBundle('planwebb', 'Samordningsförbundet Planwebben'))).id;
    const chef = await api.login('forbundschef@planwebb.example');
    await api.ok('mutation($o: ID!){ startPlan(organisationId: $o, year: 2026){ id } }', { o: org }, chef);
    await api.ok(
      'mutation($o: ID!, $p: JSON!){ savePlan(organisationId: $o, year: 2026, version: 1, plan: $p){ id } }',
      { o: org, p: plan2026 },
      chef,
    );
  });
  afterAll(() => web?.close());

  it('shows the budget and checks, refuses a bad amount, and saves a changed line with a confirmed goal', async () => {
    const page = await web.as('forbundschef@planwebb.example');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Verksamhetsplan' })
      .click();
    await page.getByLabel('År').selectOption('2026');
    await page.getByText('1 kontroller är inte godkända.').waitFor();
    const budget = page.getByRole('table', { name: 'Budget, kronor' });
    expect(await budget.getByRole('row', { name: /Ej budgeterat/ }).textContent()).toContain(`884${NBSP}000`);

    const line = page.getByLabel('800 Administration 2026');
    await line.fill('tolv');
    await page.getByText('Skriv ett belopp i kronor').waitFor();
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await page.getByText('Några belopp är inte ifyllda rätt').waitFor();

    await line.fill('1 300 000');
    await page.getByRole('checkbox', { name: /Jag bekräftar ändringen/ }).check();
    await expectAccessible(page, 'verksamhetsplan');
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await page.getByText('Planen är sparad.').waitFor();
    await page.getByText('Alla kontroller stämmer.').waitFor();
    expect(await budget.getByRole('row', { name: /Ej budgeterat/ }).textContent()).toContain(`784${NBSP}000`);
    // Målområden and mätpunkter are written here too, and kept.
    await page.getByRole('button', { name: 'Lägg till ett målområde' }).click();
    await page.getByLabel('Målområde 3', { exact: true }).fill('Samverkan kring unga');
    await page.getByRole('button', { name: 'Lägg till en mätpunkt för Stegen Kristinehamn' }).click();
    await page
      .getByLabel('Mätpunkt 1', { exact: true })
      .fill('Minst 40 % går vidare till arbete eller studier.');
    expect(await page.getByText('2025: budget').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await page.getByText('Planen är sparad.').waitFor();
    const [saved] = await api.ds.query(
      "SELECT data FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'planwebb'",
    );
    expect(saved.data.malomraden.map((m: { title: string }) => m.title)).toContain('Samverkan kring unga');
    expect(saved.data.insatser).toEqual([
      {
        key: 'stegen',
        matpunkter: [{ key: 'matpunkt_1', text: 'Minst 40 % går vidare till arbete eller studier.' }],
      },
    ]);
    const [row] = await api.ds.query(
      "SELECT data->'lines'->'800'->>'2026' AS v FROM plan p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'planwebb'",
    );
    expect(row.v).toBe('1300000');
  });
});
