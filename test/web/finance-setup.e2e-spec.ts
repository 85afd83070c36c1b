import type { Page } from 'playwright-core';
import { importBundle, tenantBundle, TestApi } from '../helpers/api';
import { expectAccessible } from '../helpers/browser';
import { WebApp } from '../helpers/web-app';

const NBSP = '\u00a0';
const SLUG = 'ekonomiwebb';

/**
 * Issue 18 item 1 in a real browser: the kansli changes a budget (its outlook stays), registers a tilläggsbudget
 * with its funding, a forecast, a shared cost centre with its split, and the kommuner's key.
 */
describe('the kansli sets up the förbund’s finances in the browser', () => {
  let web: WebApp;
  let api: TestApi;
  let org: string;

  beforeAll(async () => {
    web = await WebApp.start();
    api = web.api;
    org = (await importBundle(api, tenantBundle(SLUG, 'Samordningsförbundet Ekonomiwebben'))).id;
  });
  afterAll(() => web?.close());

  /** Opens a register's sub-page through the menus, as the kansli would. */
  async function openRegister(page: Page, title: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  async function adminPage(title: string): Promise<Page> {
    const page = await web.as(`kansli@${SLUG}.example`);
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await openRegister(page, title);
    return page;
  }

  it('changes a budget without losing its outlook, adds a tilläggsbudget and a forecast', async () => {
    const page = await adminPage('Budgetar');
    const budgets = page.getByRole('region', { name: 'Budgetar' });

    // The decided 2026 budget, one line changed: saved over its version, the outlook kept.
    await budgets.getByRole('button', { name: 'Ändra budgeten för 2026 beslutad 25 november 2025' }).click();
    expect(await budgets.getByLabel('800 Administration').inputValue()).toBe(`1${NBSP}200${NBSP}000`);
    await budgets.getByLabel('800 Administration').fill('1 300 000');
    await budgets.getByRole('button', { name: 'Spara budgeten' }).click();
    await budgets.getByText('Budgeten för 2026 är sparad.').waitFor();
    const [ordinary] = await api.ds.query(
      `SELECT b.outlook, b.version, l.amount::text AS amount FROM budget b JOIN budget_line l ON l.budget_id = b.id
        WHERE b.organisation_id = $1 AND b.year = 2026 AND b.kind = 'ORDINARY' AND l.cost_centre_code = '800'`,
      [org],
    );
    expect(ordinary).toEqual({
      outlook: { '2027': '2150000', '2028': '2150000' },
      version: 2,
      amount: '1300000.00',
    });

    // A tilläggsbudget decided in May, funded from equity: a bad amount first, then saved with its kind.
    await budgets.getByLabel('Slag av beslut').selectOption({ label: 'Tilläggsbudget' });
    await budgets.getByLabel('År').fill('2026');
    await budgets.getByLabel('Beslutsdatum').fill('2026-05-26');
    await budgets.getByLabel('Finansieras av').selectOption({ label: 'Eget kapital' });
    await budgets.getByLabel('852 Förberedande insats Karlstad').fill('tolv');
    await budgets.getByRole('button', { name: 'Spara budgeten' }).click();
    await budgets.getByText('Kostnadsställe 852: ”tolv” är inget belopp').waitFor();
    await budgets.getByLabel('852 Förberedande insats Karlstad').fill('150 000');
    await budgets.getByRole('button', { name: 'Spara budgeten' }).click();
    await budgets.getByText('Tilläggsbudgeten för 2026 är sparad.').waitFor();
    await budgets
      .getByText('2026: tilläggsbudget beslutad 26 maj 2026, finansieras av eget kapital')
      .waitFor();
    const [supplementary] = await api.ds.query(
      `SELECT b.kind, b.funded_by, to_char(b.decided, 'YYYY-MM-DD') AS decided, l.amount::text AS amount
         FROM budget b JOIN budget_line l ON l.budget_id = b.id WHERE b.organisation_id = $1 AND b.kind = 'SUPPLEMENTARY' AND b.year = 2026`,
      [org],
    );
    expect(supplementary).toEqual({
      kind: 'SUPPLEMENTARY',
      funded_by: 'EQUITY',
      decided: '2026-05-26',
      amount: '150000.00',
    });

    // A forecast as of 31 August, from the new form.
    await openRegister(page, 'Prognoser');
    const forecasts = page.getByRole('region', { name: 'Prognoser' });
    await forecasts.getByText('Ny prognos').click();
    await forecasts.getByLabel('Prognosår').fill('2026');
    await forecasts.getByLabel('Prognosdatum').fill('2026-08-31');
    await forecasts.getByLabel('Prognos 800 Administration').fill('1 250 000');
    await forecasts.getByLabel('Prognos 851 TRIS Samspelet').fill('3 700 000,50');
    await forecasts.getByRole('button', { name: 'Spara prognosen' }).click();
    await forecasts.getByText('Prognosen för 2026 är sparad.').waitFor();
    await forecasts.getByText('2026: prognos per 31 augusti 2026').waitFor();
    const lines = await api.ds.query(
      `SELECT l.cost_centre_code AS code, l.amount::text AS amount FROM forecast f JOIN forecast_line l ON l.forecast_id = f.id
        WHERE f.organisation_id = $1 AND f.as_of = '2026-08-31' ORDER BY code`,
      [org],
    );
    expect(lines).toEqual([
      { code: '800', amount: '1250000.00' },
      { code: '851', amount: '3700000.50' },
    ]);
    const actions = await api.ds.query(
      `SELECT action FROM audit_entry WHERE organisation_id = $1 AND action IN ('budget.saved', 'forecast.saved') ORDER BY seq, insert_order`,
      [org],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'budget.saved',
      'budget.saved',
      'forecast.saved',
    ]);
    await expectAccessible(page, 'ekonomi-budget-prognos');
  });

  it('registers a shared cost centre with its split and the kommuner’s key', async () => {
    const page = await adminPage('Kostnadsställen');
    const centres = page.getByRole('region', { name: 'Kostnadsställen' });
    await centres.getByText('Nytt kostnadsställe').click();
    await centres.getByLabel('Kostnadsställets kod').fill('004');
    await centres.getByLabel('Kostnadsställets namn').fill('Förbundschef');
    await centres.getByLabel('Kostnadsställets slag').selectOption({ label: 'Förbundsgemensamt' });
    await centres.getByRole('button', { name: 'Lägg till en andel' }).click();
    await centres.getByLabel('Andel i procent (1)').fill('70');
    await centres.getByRole('button', { name: 'Lägg till en andel' }).click();
    await centres.getByLabel('Räknas som (2)').selectOption({ label: 'Strukturinriktat arbete' });
    await centres.getByLabel('Andel i procent (2)').fill('50');
    await centres.getByRole('button', { name: 'Spara kostnadsstället' }).click();
    await centres
      .getByText(`Fördelning: andelarna blir tillsammans 120,00${NBSP}%, högst 100 % får fördelas`)
      .waitFor();
    await centres.getByLabel('Andel i procent (1)').fill('20');
    await centres.getByLabel('Kommentar (1)').fill('Förbundschefens lön');
    await centres.getByRole('button', { name: 'Spara kostnadsstället' }).click();
    await centres.getByText('Kostnadsstället 004 är sparat.').waitFor();
    expect(await centres.getByRole('row', { name: /^004 / }).textContent()).toContain(
      `20${NBSP}% administration, 50${NBSP}% strukturinriktat arbete`,
    );
    const [cc] = await api.ds.query(
      "SELECT split FROM cost_centre WHERE organisation_id = $1 AND code = '004'",
      [org],
    );
    expect(cc.split).toEqual([
      { purpose: 'ADMINISTRATION', share: '0.2', note: 'Förbundschefens lön' },
      { purpose: 'STRUKTUR', share: '0.5' },
    ]);

    await openRegister(page, 'Parter och fördelningsnyckel');
    const parties = page.getByRole('region', { name: 'Parter och fördelningsnyckel' });
    await parties.getByText('Kommunernas fördelningsnyckel').click();
    await parties.getByLabel('Karlstads kommun, procent').fill('60');
    await parties.getByLabel('Kristinehamns kommun, procent').fill('20');
    await parties.getByLabel('Grums kommun, procent').fill('10');
    await parties.getByLabel('Hammarö kommun, procent').fill('5');
    await parties.getByRole('button', { name: 'Spara fördelningsnyckeln' }).click();
    await parties
      .getByText(`Fördelningsnyckel: andelarna blir tillsammans 95,00${NBSP}%, de ska bli exakt 100 %`)
      .waitFor();
    await parties.getByLabel('Hammarö kommun, procent').fill('10');
    await parties.getByRole('button', { name: 'Spara fördelningsnyckeln' }).click();
    await parties
      .getByRole('row', { name: /Hammarö kommun/ })
      .getByText(`10${NBSP}%`)
      .waitFor();
    const [key] = await api.ds.query('SELECT shares, version FROM kommun_key WHERE organisation_id = $1', [
      org,
    ]);
    expect(key).toEqual({
      shares: { KARLSTAD: '0.6', KRISTINEHAMN: '0.2', GRUMS: '0.1', HAMMARO: '0.1' },
      version: 1,
    });
    await expectAccessible(page, 'ekonomi-kostnadsstallen-nyckel');
  });
});
