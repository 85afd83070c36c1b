import { swedishDate } from '@app/domain';
import { importBundle, tenantBundle, TestApi } from '../helpers/api';
import { expectAccessible } from '../helpers/browser';
import { WebApp } from '../helpers/web-app';

const SLUG = 'inswebb';

/**
 * Issue 18: the board decides a new insats in May; the kansli registers it in the browser with its budget and
 * mätpunkter and names its projektägare, who then finds the insats on the start page owing Helår of this year
 * (it starts 1 July) and not Delår. (The compiled report's part is in test/integration/insatser.e2e-spec.ts.)
 */
describe('the kansli registers an insats in a real browser', () => {
  let web: WebApp;
  let api: TestApi;
  let org: string;
  const year = Number(swedishDate(new Date()).slice(0, 4));

  beforeAll(async () => {
    web = await WebApp.start();
    api = web.api;
    org = (await importBundle(api, tenantBundle(SLUG, 'Samordningsförbundet Insatswebben'))).id;
  });
  afterAll(() => web?.close());

  it('registers an insats decided in May with budget and mätpunkter; its projektägare sees Helår owed', async () => {
    const page = await web.as(`kansli@${SLUG}.example`);
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Insatser' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor();
    await page.getByRole('button', { name: 'Registrera en insats' }).click();

    const form = page.getByRole('group', { name: 'Registrera en insats' });
    await form.getByLabel('Namn', { exact: true }).fill('Bron till arbete');
    expect(await form.getByLabel('Nyckel').inputValue()).toBe('bron-till-arbete');
    await form.getByLabel('Typ').selectOption({ label: 'Individinsats' });
    await form.getByLabel('Ägande part').selectOption({ label: 'Karlstads kommun' });
    await form.getByLabel('Kostnadsställe').selectOption({ label: '803 Kompetensutveckling' });
    await form.getByLabel('Beslutsdatum').fill(`${year}-05-20`);
    await form.getByLabel('Beslutstext').fill(`§ 14 Styrelsen beviljar Bron till arbete för ${year}.`);
    await form.getByLabel('År, budgetrad 1').fill(String(year));
    await form.getByLabel('Belopp (kr), budgetrad 1').fill('300 000');
    await form.getByRole('button', { name: 'Lägg till en mätpunkt' }).click();
    await form.getByLabel('År, mätpunkt 1').fill(String(year));
    await form.getByLabel('Mätpunkt 1', { exact: true }).fill('Minst 15 deltagare är inskrivna');
    await form.getByLabel('Mått, mätpunkt 1').fill('inskrivna_totalt');
    await form.getByLabel('Jämförelse, mätpunkt 1').selectOption({ label: 'minst' });
    await form.getByLabel('Målvärde, mätpunkt 1').fill('15');
    await form.getByLabel('Lägg till projektägare').selectOption({
      label: `Projektägare TRIS Samspelet (Samordningsförbundet Insatswebben) (projektagare.tris@${SLUG}.example)`,
    });

    // Without a start date the form says which field is missing, in Swedish, and nothing is stored.
    await form.getByRole('button', { name: 'Registrera insatsen' }).click();
    await form.getByText('Startdatum: obligatoriskt fält saknas').waitFor();
    const [{ n }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM insats WHERE organisation_id = $1 AND key = 'bron-till-arbete'",
      [org],
    );
    expect(n).toBe(0);

    await form.getByLabel('Startdatum').fill(`${year}-07-01`);
    await expectAccessible(page, 'insatser-registrera');
    await form.getByRole('button', { name: 'Registrera insatsen' }).click();
    await page.getByText('Bron till arbete är registrerad.').waitFor();
    const row = page.getByRole('row', { name: /Bron till arbete/ });
    expect(await row.textContent()).toContain('tills vidare');
    expect(await row.textContent()).toContain(`${year}: 300\u00a0000 kr`);

    const [stored] = await api.ds.query(
      `SELECT i.version, to_char(i.decided_on, 'YYYY-MM-DD') AS decided, i.decision_body AS body, i.end_date,
              (SELECT json_agg(json_build_object('year', b.year, 'amount', b.amount::text)) FROM insats_budget b WHERE b.insats_id = i.id) AS budgets,
              (SELECT json_agg(json_build_object('text', m.text, 'metric', m.metric, 'op', m.op, 'target', m.target::float)) FROM matpunkt m WHERE m.insats_id = i.id) AS matpunkter,
              (SELECT json_agg(p.email) FROM role_assignment r JOIN person p ON p.id = r.person_id
                WHERE r.insats_id = i.id AND r.role = 'PROJEKTAGARE') AS owners
         FROM insats i WHERE i.organisation_id = $1 AND i.key = 'bron-till-arbete'`,
      [org],
    );
    expect(stored).toEqual({
      version: 1,
      decided: `${year}-05-20`,
      body: 'Styrelsen',
      end_date: null,
      budgets: [{ year, amount: '300000.00' }],
      matpunkter: [
        { text: 'Minst 15 deltagare är inskrivna', metric: 'inskrivna_totalt', op: '>=', target: 15 },
      ],
      owners: [`projektagare.tris@${SLUG}.example`],
    });

    // The history of the insats: who registered it.
    await page.getByRole('button', { name: 'Ändra Bron till arbete' }).click();
    await page.getByRole('heading', { name: 'Historik' }).waitFor();
    await page.getByText(/Kansli .* registrerade insatsen/).waitFor();
    await expectAccessible(page, 'insatser-andra');

    // Ending it: a slutdatum, saved against the version read; budget and mätpunkt come back unchanged.
    const edit = page.getByRole('group', { name: 'Ändra Bron till arbete' });
    expect(await edit.getByLabel('Belopp (kr), budgetrad 1').inputValue()).toBe('300\u00a0000');
    expect(await edit.getByLabel('Målvärde, mätpunkt 1').inputValue()).toBe('15');
    await edit.getByLabel('Slutdatum (tomt: tills vidare)').fill(`${year + 1}-06-30`);
    await edit.getByRole('button', { name: 'Spara insatsen' }).click();
    await page.getByText('Bron till arbete är sparad.').waitFor();
    const [ended] = await api.ds.query(
      `SELECT version, to_char(end_date, 'YYYY-MM-DD') AS "end", (SELECT amount::text FROM insats_budget WHERE insats_id = i.id) AS amount,
              (SELECT target::float FROM matpunkt WHERE insats_id = i.id) AS target
         FROM insats i WHERE organisation_id = $1 AND key = 'bron-till-arbete'`,
      [org],
    );
    expect(ended).toEqual({ version: 2, end: `${year + 1}-06-30`, amount: '300000.00', target: 15 });
    await page.getByRole('button', { name: 'Ändra Bron till arbete' }).click();
    await page.getByText(/avslutade insatsen: slutdatum/).waitFor();

    // The projektägare finds it on the start page: Helår of this year owed, no Delår (it starts 1 July).
    const owner = await web.as(`projektagare.tris@${SLUG}.example`);
    const mine = owner.getByRole('region', { name: 'Mina insatser' });
    await mine.getByRole('heading', { name: 'Bron till arbete' }).waitFor();
    const table = mine.getByRole('table', { name: 'Uppföljningar för Bron till arbete' });
    await table.getByRole('row', { name: new RegExp(`Helår ${year}`) }).waitFor();
    expect(await table.getByRole('row', { name: new RegExp(`Delår ${year}`) }).count()).toBe(0);
    expect(await table.getByRole('button', { name: `Påbörja helår ${year}` }).count()).toBe(1);
    await expectAccessible(owner, 'insatser-projektagare-start');
  });
});
