import { seedFixture, tenantBundle, TestApi } from '../helpers/api';
import { expectAccessible } from '../helpers/browser';
import { WebApp } from '../helpers/web-app';

/**
 * Issue 18.2 in Debian's Chromium: the kansli ends the ordförande's mandate and makes another ledamot ordförande
 * from April (two at a time is refused in words); the förbundschef sends the annual report with the board's
 * decision date and it goes to the board sitting that day; an ersättare steps in for a ledamot with a reason.
 */
const SLUG = 'webbstyrelse';
const mail = (local: string) => `${local}@${SLUG}.example`;
const ORG = 'Samordningsförbundet Webbstyrelse';
const nameOf = (who: string) => `${who} (${ORG})`;

describe('web: the kansli keeps the board; the board of the decision date signs', () => {
  let web: WebApp;
  let api: TestApi;
  let org: string;

  beforeAll(async () => {
    web = await WebApp.start({ worker: true });
    api = web.api;
    org = await seedFixture(api, tenantBundle(SLUG, ORG));
  });
  afterAll(() => web?.close());

  it('ends a mandate and names a new ordförande; two at a time is refused', async () => {
    const page = await web.as(mail('kansli'));
    await page.goto('/administration/styrelse');
    await page.getByRole('heading', { level: 1, name: 'Styrelse och revisorer' }).waitFor();
    await page.getByRole('button', { name: `Ändra mandatet för ${nameOf('Ledamot 1 (AF)')}` }).click();
    await page.getByLabel('Till (sista dag, tomt: tills vidare)').fill('2026-03-31');
    await page.getByLabel('Kön (för könsfördelningen i rapporterna)').selectOption('KVINNA');
    await page.getByRole('button', { name: 'Spara ändringen' }).click();
    await page.getByText('Mandatet är ändrat.').waitFor();

    await page.getByRole('button', { name: `Ändra mandatet för ${nameOf('Ledamot 3 (HAMMARO)')}` }).click();
    await page.getByLabel('Titel', { exact: true }).selectOption('ORDFORANDE');
    await page.getByLabel('Från (första dag)').fill('2026-03-01');
    await page.getByRole('button', { name: 'Spara ändringen' }).click();
    await page.getByText(/har redan den titeln under perioden/).waitFor();
    await expectAccessible(page, 'styrelse-01-tva-ordforande');
    await page.getByLabel('Från (första dag)').fill('2026-04-01');
    await page.getByRole('button', { name: 'Spara ändringen' }).click();
    await page.getByText('Mandatet är ändrat.').waitFor();
    // The list is read again after the save: the row shows the new title and keeps the appointing party.
    await page
      .getByRole('table', { name: 'Styrelsens och revisorernas mandat' })
      .getByRole('row', {
        name: new RegExp(`^${escape(nameOf('Ledamot 3 (HAMMARO)'))}.*Ledamot, ordförande.*Hammarö kommun`),
      })
      .waitFor();
    await expectAccessible(page, 'styrelse-02-mandat');
  });

  it('sends the report to the board of the decision date, and an ersättare steps in with a reason', async () => {
    const token = await api.login(mail('forbundschef'));
    const { done } = await api.compileReport(org, 'ARSREDOVISNING', token);
    expect(done.status).toBe('READY');
    const page = await web.as(mail('forbundschef'));
    await page.goto(`/rapporter/${done.id}`);
    await page.getByLabel('Styrelsens beslutsdatum (tomt: i dag)').fill('2026-04-20');
    await page.getByRole('button', { name: 'Skicka för underskrift' }).click();
    const signers = page.getByRole('table', { name: 'Undertecknare' });
    await signers.waitFor();
    await page.getByText(/Beslutsdatum .*: undertecknarna är de som har mandat den dagen/).waitFor();
    const names = await signers.getByRole('rowheader').allTextContents();
    expect(names[0]).toBe(nameOf('Ledamot 3 (HAMMARO)'));
    expect(names).not.toContain(nameOf('Ledamot 1 (AF)'));
    expect(names).toHaveLength(8); // six ledamöter and two revisorer

    await page.getByText('Ersättare skriver under i en ledamots ställe').click();
    await page.getByLabel('Ledamot', { exact: true }).selectOption({ label: nameOf('Ledamot 2 (REGION)') });
    await page
      .getByLabel('Ersättare', { exact: true })
      .selectOption({ label: `${nameOf('Ersättare 2 (REGION)')} (Region Värmland)` });
    await page.getByLabel('Skäl till att ersättaren träder in').fill('Sjukskriven.');
    await page.getByRole('button', { name: 'Låt ersättaren skriva under' }).click();
    await page
      .getByRole('cell', {
        name: `Ersättare för ${nameOf('Ledamot 2 (REGION)')} (skäl: Sjukskriven.)`,
      })
      .waitFor();
    await expectAccessible(page, 'styrelse-03-ersattare');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
