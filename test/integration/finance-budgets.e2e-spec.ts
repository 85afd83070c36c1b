import { codes, GqlResult, importBundle, orgId, tenantBundle, TestApi } from '../helpers/api';

/**
 * Issue 18 item 1: budgets, tilläggsbudgetar, forecasts and funding from the kansli. A save keeps what it did not
 * send (the outlook), a tilläggsbudget says how it is funded, every change starts from a version and is audited.
 */
const A = { slug: 'budget-a', name: 'Samordningsförbundet Budget A' };
const B = { slug: 'budget-b', name: 'Samordningsförbundet Budget B' };

const SAVE_BUDGET = 'mutation($o: ID!, $b: BudgetInput!){ saveBudget(organisationId: $o, budget: $b) }';
const SAVE_FORECAST =
  'mutation($o: ID!, $f: ForecastInput!){ saveForecast(organisationId: $o, forecast: $f) }';
const SAVE_FUNDING = 'mutation($o: ID!, $f: FundingInput!){ saveFunding(organisationId: $o, funding: $f) }';
const BUDGETS =
  'query($o: ID!, $y: Int){ budgets(organisationId: $o, year: $y){ id year decided kind fundedBy lines outlook version } }';
const FORECASTS =
  'query($o: ID!, $y: Int){ forecasts(organisationId: $o, year: $y){ id asOf lines version } }';

function details(r: GqlResult): Array<{ path: string; message: string }> {
  return (r.errors?.[0]?.extensions?.details as Array<{ path: string; message: string }>) ?? [];
}

describe('budgets, tilläggsbudgetar, forecasts and funding (issue 18)', () => {
  let api: TestApi;
  let org: string;
  let kansli: string;

  type Budget = { id: string; kind: string; fundedBy: string | null; outlook: unknown; version: number };
  const budgets = async (year: number) =>
    (await api.ok<{ budgets: Budget[] }>(BUDGETS, { o: org, y: year }, kansli)).budgets;

  beforeAll(async () => {
    api = await TestApi.start();
    await importBundle(api, tenantBundle(A.slug, A.name));
    await importBundle(api, tenantBundle(B.slug, B.name));
    org = await orgId(api, A.slug);
    kansli = await api.login(`kansli@${A.slug}.example`);
  });
  afterAll(() => api.close());

  it('keeps a budget’s outlook when a save does not send it, and clears it only when told', async () => {
    const [b2026] = await budgets(2026);
    expect(b2026).toMatchObject({
      kind: 'ORDINARY',
      outlook: { '2027': '2150000', '2028': '2150000' },
      version: 1,
    });
    // The web form sends the lines only: the outlook stays.
    await api.ok(
      SAVE_BUDGET,
      { o: org, b: { year: 2026, decided: '2025-11-25', lines: { '800': '1250000' }, version: 1 } },
      kansli,
    );
    const [after] = await budgets(2026);
    expect(after).toMatchObject({
      id: b2026.id,
      outlook: { '2027': '2150000', '2028': '2150000' },
      version: 2,
      lines: { '800': '1250000.00' },
    });
    await api.ok(
      SAVE_BUDGET,
      {
        o: org,
        b: { year: 2026, decided: '2025-11-25', lines: { '800': '1250000' }, outlook: null, version: 2 },
      },
      kansli,
    );
    expect((await budgets(2026))[0]).toMatchObject({ outlook: null, version: 3 });
    const [audit] = await api.ds.query(
      "SELECT payload FROM audit_entry WHERE action = 'budget.saved' AND entity_id = $1 ORDER BY seq, insert_order LIMIT 1",
      [b2026.id],
    );
    expect(audit.payload).toMatchObject({
      year: 2026,
      kind: 'ORDINARY',
      version: 2,
      outlook: { '2027': '2150000', '2028': '2150000' },
    });
  });

  it('keeps the financing and the income budgeted on a line when a save sends only the lines', async () => {
    const FULL =
      'query($o: ID!){ budgets(organisationId: $o, year: 2025){ kind decided lines financing lineIncome version } }';
    const ordinary = async () =>
      (
        await api.ok<{
          budgets: Array<{
            kind: string;
            lines: Record<string, string>;
            financing: unknown;
            lineIncome: unknown;
            version: number;
          }>;
        }>(FULL, { o: org }, kansli)
      ).budgets.find((b) => b.kind === 'ORDINARY')!;
    const before = await ordinary();
    expect(before.lineIncome).toEqual({ '835': { amount: '600000.00', source: 'ESF' } });
    const lines = { '800': '1200000', '835': '-150000' };
    await api.ok(
      SAVE_BUDGET,
      { o: org, b: { year: 2025, decided: '2024-11-26', lines, version: before.version } },
      kansli,
    );
    const kept = await ordinary();
    expect(kept).toMatchObject({ financing: before.financing, lineIncome: before.lineIncome });
    // the förbund names its financing rows; income on a line that is not in the budget is refused by name
    const bad = await api.gql(
      SAVE_BUDGET,
      {
        o: org,
        b: {
          year: 2025,
          decided: '2024-11-26',
          lines,
          lineIncome: { '851': { amount: '1', source: 'ESF' } },
          version: kept.version,
        },
      },
      kansli,
    );
    expect(details(bad)).toEqual([
      { path: '$.lineIncome["851"]', message: 'raden "851" finns inte bland budgetens rader' },
    ]);
    const financing = [
      { label: 'Medlemmarnas tilldelning', amount: '10006000', source: 'PARTIES' },
      { label: 'ESF-rådet', amount: '600000', source: 'ESF' },
    ];
    await api.ok(
      SAVE_BUDGET,
      {
        o: org,
        b: { year: 2025, decided: '2024-11-26', lines, financing, lineIncome: null, version: kept.version },
      },
      kansli,
    );
    expect(await ordinary()).toMatchObject({ financing, lineIncome: {} });
    const [audit] = await api.ds.query(
      "SELECT payload FROM audit_entry WHERE organisation_id = $1 AND action = 'budget.saved' ORDER BY seq DESC LIMIT 1",
      [org],
    );
    expect(audit.payload).toMatchObject({ financing, lineIncome: {} });
    // back to the bundle's decision, for the tests below
    const { lines: allLines, financing: f0, lineIncome: i0 } = before;
    await api.ok(
      SAVE_BUDGET,
      {
        o: org,
        b: {
          year: 2025,
          decided: '2024-11-26',
          lines: allLines,
          financing: f0,
          lineIncome: i0,
          version: (await ordinary()).version,
        },
      },
      kansli,
    );
  });

  it('saves the staff of a year, audited', async () => {
    const SAVE =
      'mutation($o: ID!, $y: Int!, $s: Int!){ saveStaffCount(organisationId: $o, year: $y, staff: $s) }';
    expect(codes(await api.gql(SAVE, { o: org, y: 2030, s: -1 }, kansli))).toEqual(['BAD_USER_INPUT']);
    await api.ok(SAVE, { o: org, y: 2030, s: 2 }, kansli);
    await api.ok(SAVE, { o: org, y: 2030, s: 3 }, kansli);
    const exported = await api.ok<{
      exportOrganisationBundle: { historicalKeyFigures: Array<{ year: number }> };
    }>('query($s: String!){ exportOrganisationBundle(slug: $s) }', { s: A.slug }, kansli);
    expect(exported.exportOrganisationBundle.historicalKeyFigures.find((h) => h.year === 2030)).toMatchObject(
      {
        antal_anstallda: 3,
      },
    );
    const audits = await api.ds.query(
      "SELECT payload FROM audit_entry WHERE organisation_id = $1 AND action = 'key_figures.staff_saved' ORDER BY seq",
      [org],
    );
    expect(audits.map((a: { payload: unknown }) => a.payload)).toEqual([
      { year: 2030, staff: 2, prior: null },
      { year: 2030, staff: 3, prior: 2 },
    ]);
  });

  it('saves a tilläggsbudget with its kind and funding, and refuses one that does not say how it is funded', async () => {
    const lines = { '852': '100000' };
    const unfunded = await api.gql(
      SAVE_BUDGET,
      { o: org, b: { year: 2026, decided: '2026-05-26', kind: 'SUPPLEMENTARY', lines } },
      kansli,
    );
    expect(codes(unfunded)).toEqual(['BAD_USER_INPUT']);
    expect(details(unfunded)).toEqual([
      { path: '$.fundedBy', message: 'Finansieras av: ange hur tilläggsbudgeten finansieras' },
    ]);
    const id = (
      await api.ok<{ saveBudget: string }>(
        SAVE_BUDGET,
        {
          o: org,
          b: { year: 2026, decided: '2026-05-26', kind: 'SUPPLEMENTARY', fundedBy: 'EQUITY', lines },
        },
        kansli,
      )
    ).saveBudget;
    const supplementary = (await budgets(2026)).find((b) => b.id === id)!;
    expect(supplementary).toMatchObject({ kind: 'SUPPLEMENTARY', fundedBy: 'EQUITY', version: 1 });
    // The ordinary budget of the year is untouched.
    expect((await budgets(2026)).filter((b) => b.kind === 'ORDINARY')).toHaveLength(1);
    const bad = await api.gql(
      SAVE_BUDGET,
      {
        o: org,
        b: { year: 2026, decided: '2026-02-30', kind: 'EXTRA', lines: { '999': '1', '800': '1 000' } },
      },
      kansli,
    );
    expect(details(bad)).toEqual([
      { path: '$.decided', message: 'Beslutsdatum: är inget giltigt datum' },
      { path: '$.kind', message: 'Slag: ska vara SUPPLEMENTARY (eller utelämnas)' },
      {
        path: '$.lines["800"]',
        message: 'Belopp per kostnadsställe: ska vara ett belopp som decimaltal i text, t.ex. "1200000.00"',
      },
      { path: '$.lines["999"]', message: 'Belopp per kostnadsställe: okänt kostnadsställe "999"' },
    ]);
  });

  it('saves a forecast per cost centre, version-guarded and audited', async () => {
    const f = { year: 2026, asOf: '2026-08-31', lines: { '800': '1100000', '851': '3800000' } };
    const id = (await api.ok<{ saveForecast: string }>(SAVE_FORECAST, { o: org, f }, kansli)).saveForecast;
    expect(codes(await api.gql(SAVE_FORECAST, { o: org, f }, kansli))).toEqual(['VERSION_CONFLICT']);
    await api.ok(SAVE_FORECAST, { o: org, f: { ...f, lines: { '800': '1000000' }, version: 1 } }, kansli);
    const { forecasts } = await api.ok<{ forecasts: Array<{ id: string; lines: unknown; version: number }> }>(
      FORECASTS,
      { o: org, y: 2026 },
      kansli,
    );
    expect(forecasts).toEqual([{ id, asOf: '2026-08-31', lines: { '800': '1000000.00' }, version: 2 }]);
    expect(codes(await api.gql(SAVE_FORECAST, { o: org, f: { ...f, version: 1 } }, kansli))).toEqual([
      'VERSION_CONFLICT',
    ]);
    const bad = await api.gql(SAVE_FORECAST, { o: org, f: { ...f, asOf: '31/8', version: 2 } }, kansli);
    expect(details(bad)).toEqual([
      { path: '$.asOf', message: 'Prognosdatum: ska vara ett datum ÅÅÅÅ-MM-DD' },
    ]);
    const audit = await api.ds.query(
      "SELECT payload FROM audit_entry WHERE action = 'forecast.saved' AND entity_id = $1 ORDER BY seq, insert_order",
      [id],
    );
    expect(audit.map((a: { payload: { version: number } }) => a.payload.version)).toEqual([1, 2]);
  });

  it('guards funding with its version and names bad fields', async () => {
    const f = { year: 2027, party: 'KARLSTAD', amount: '1700000', account: '3021' };
    expect(await api.ok(SAVE_FUNDING, { o: org, f }, kansli)).toEqual({ saveFunding: true });
    expect(codes(await api.gql(SAVE_FUNDING, { o: org, f }, kansli))).toEqual(['VERSION_CONFLICT']);
    await api.ok(SAVE_FUNDING, { o: org, f: { ...f, amount: '1710000', version: 1 } }, kansli);
    const bad = await api.gql(SAVE_FUNDING, { o: org, f: { ...f, party: 'OKAND', account: '30' } }, kansli);
    expect(details(bad)).toEqual([
      { path: '$.account', message: 'Konto: ska vara ett fyrsiffrigt konto' },
      { path: '$.party', message: 'Part: okänd part "OKAND"' },
    ]);
    const [row] = await api.ds.query(
      "SELECT amount::text AS amount, version FROM funding WHERE organisation_id = $1 AND year = 2027 AND party_key = 'KARLSTAD'",
      [org],
    );
    expect(row).toEqual({ amount: '1710000.00', version: 2 });
    const audit = await api.ds.query(
      "SELECT payload FROM audit_entry WHERE organisation_id = $1 AND action = 'funding.saved' AND entity_id = '2027/KARLSTAD' ORDER BY seq, insert_order",
      [org],
    );
    expect(audit.map((a: { payload: unknown }) => a.payload)).toEqual([
      expect.objectContaining({ amount: '1700000', version: 1 }),
      expect.objectContaining({ amount: '1710000', version: 2 }),
    ]);
  });

  it('refuses other roles and other förbund for every budget operation', async () => {
    const owner = await api.login(`projektagare.stegen@${A.slug}.example`);
    const revisor = await api.login(`revisor1@${A.slug}.example`);
    const other = await api.login(`kansli@${B.slug}.example`);
    const attempts: Array<[string, Record<string, unknown>]> = [
      [SAVE_BUDGET, { o: org, b: { year: 2030, decided: '2029-11-01', lines: { '800': '1' } } }],
      [SAVE_FORECAST, { o: org, f: { year: 2030, asOf: '2030-06-30', lines: { '800': '1' } } }],
      [SAVE_FUNDING, { o: org, f: { year: 2030, party: 'FK', amount: '1', account: '3010' } }],
    ];
    for (const [q, v] of attempts) {
      for (const who of [owner, revisor]) expect(codes(await api.gql(q, v, who))).toEqual(['FORBIDDEN']);
      // another förbund's kansli is told nothing more than for an unknown förbund
      expect(codes(await api.gql(q, v, other))).toEqual(['NOT_FOUND']);
    }
    const [n] = await api.ds.query(
      'SELECT (SELECT count(*) FROM budget WHERE year = 2030)::int + (SELECT count(*) FROM forecast WHERE year = 2030)::int + (SELECT count(*) FROM funding WHERE year = 2030)::int AS n',
    );
    expect(n.n).toBe(0);
  });

  it('moves a budget to a new version when a bundle import changes only its lines', async () => {
    const [before] = (await budgets(2025)).filter((b) => b.kind === 'ORDINARY');
    const bundle = tenantBundle(A.slug, A.name);
    bundle.budgets[0].lines['800'] = '1234567';
    await importBundle(api, bundle);
    const [after] = (await budgets(2025)).filter((b) => b.kind === 'ORDINARY');
    expect(after.version).toBe(before.version + 1);
    const stale = await api.gql(
      SAVE_BUDGET,
      { o: org, b: { year: 2025, decided: '2024-11-26', lines: { '800': '1' }, version: before.version } },
      kansli,
    );
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
  });
});
