import { reportCostCentres } from '../../apps/worker/src/reports/report-input.store';
import { Bundle, codes, GqlResult, importBundle, orgId, tenantBundle, TestApi } from '../helpers/api';

/**
 * Issue 18 item 1 (finance): the kansli sets up cost centres (with a split of shared costs), parties, the kommuner's
 * key and financial goals through the API, each change validated with the bundle's rules (messages that name the
 * field in Swedish), version-guarded, audited, and refused to other roles and other förbund.
 */
const A = { slug: 'ekonomi-a', name: 'Samordningsförbundet Ekonomi A' };
const B = { slug: 'ekonomi-b', name: 'Samordningsförbundet Ekonomi B' };

const SETUP = `query($o: ID!){ financeSetup(organisationId: $o){
  costCentres { code name category version split { purpose share note } }
  parties { key name kind version } kommunKey { version shares { party share } }
  financialGoals { year key text metric op value version } funding { year party amount version } metrics } }`;
const SAVE_CC = `mutation($o: ID!, $c: JSON!){ saveCostCentre(organisationId: $o, costCentre: $c){
  costCentres { code name category version split { purpose share note } } } }`;
const SAVE_PARTY =
  'mutation($o: ID!, $p: JSON!){ saveParty(organisationId: $o, party: $p){ key name kind version } }';
const SAVE_KEY = `mutation($o: ID!, $k: JSON!){ saveKommunKey(organisationId: $o, key: $k){
  version shares { party share } } }`;
const SAVE_GOAL = `mutation($o: ID!, $g: JSON!){ saveFinancialGoal(organisationId: $o, goal: $g){
  year key metric op value version } }`;
const REMOVE_GOAL =
  'mutation($o: ID!, $y: Int!, $k: String!, $v: Int!){ removeFinancialGoal(organisationId: $o, year: $y, key: $k, version: $v) }';

type Centre = { code: string; version: number; split: unknown[] };
const centre = (d: { saveCostCentre: { costCentres: Centre[] } }, code: string) =>
  d.saveCostCentre.costCentres.find((c) => c.code === code)!;
const record = (shares: Array<{ party: string; share: string }>) =>
  Object.fromEntries(shares.map((x) => [x.party, x.share]));

function details(r: GqlResult): Array<{ path: string; message: string }> {
  return (r.errors?.[0]?.extensions?.details as Array<{ path: string; message: string }>) ?? [];
}

describe('finance setup by the kansli (issue 18)', () => {
  let api: TestApi;
  let org: string;
  let kansli: string;
  let chef: string;

  const audits = async (action: string, entityId: string) =>
    (
      await api.ds.query(
        'SELECT payload FROM audit_entry WHERE organisation_id = $1 AND action = $2 AND entity_id = $3 ORDER BY seq, insert_order',
        [org, action, entityId],
      )
    ).map((r: { payload: unknown }) => r.payload);

  beforeAll(async () => {
    api = await TestApi.start();
    await importBundle(api, tenantBundle(A.slug, A.name));
    await importBundle(api, tenantBundle(B.slug, B.name));
    org = await orgId(api, A.slug);
    kansli = await api.login(`kansli@${A.slug}.example`);
    chef = await api.login(`forbundschef@${A.slug}.example`);
  });
  afterAll(() => api.close());

  it('registers a shared cost centre with its split, exactly, and hands the split to the reports', async () => {
    const split = [
      { purpose: 'ADMINISTRATION', share: '0.2', note: 'Förbundschefens lön' },
      { purpose: 'STRUKTUR', share: '0.5' },
    ];
    const made = await api.ok<{ saveCostCentre: { costCentres: Centre[] } }>(
      SAVE_CC,
      { o: org, c: { code: '004', name: 'Förbundschef', category: 'FORBUND', split } },
      kansli,
    );
    expect(centre(made, '004')).toEqual({
      code: '004',
      name: 'Förbundschef',
      category: 'FORBUND',
      version: 1,
      split: [
        { purpose: 'ADMINISTRATION', share: '0.2', note: 'Förbundschefens lön' },
        { purpose: 'STRUKTUR', share: '0.5', note: null },
      ],
    });
    expect(await audits('cost_centre.saved', '004')).toEqual([
      expect.objectContaining({ code: '004', version: 1, created: true, split: expect.any(Array) }),
    ]);
    const centres = await reportCostCentres(api.ds, org);
    expect(centres.find((c) => c.code === '004')!.split).toEqual([
      { purpose: 'ADMINISTRATION', share: '0.2', note: 'Förbundschefens lön' },
      { purpose: 'STRUKTUR', share: '0.5' },
    ]);
    expect(centres.find((c) => c.code === '800')!.split).toBeNull();
  });

  it('refuses a split over 100 % and a bad field with messages that name the field in Swedish', async () => {
    const over = await api.gql(
      SAVE_CC,
      {
        o: org,
        c: {
          code: '005',
          name: 'Delad',
          category: 'NOPE',
          split: [
            { purpose: 'ADMINISTRATION', share: '0.6' },
            { purpose: 'STRUKTUR', share: '0.4001' },
          ],
        },
      },
      kansli,
    );
    expect(codes(over)).toEqual(['BAD_USER_INPUT']);
    expect(details(over)).toEqual([
      { path: '$.category', message: 'Slag: ska vara ADMINISTRATION, FORBUND eller INSATS' },
    ]);
    const sum = await api.gql(
      SAVE_CC,
      {
        o: org,
        c: {
          code: '005',
          name: 'Delad',
          category: 'FORBUND',
          split: [
            { purpose: 'ADMINISTRATION', share: '0.6' },
            { purpose: 'STRUKTUR', share: '0.4001' },
          ],
        },
      },
      kansli,
    );
    expect(details(sum)).toEqual([
      {
        path: '$.split',
        message: 'Fördelning: andelarna blir tillsammans 100,01\u00a0%, högst 100 % får fördelas',
      },
    ]);
    const share = await api.gql(
      SAVE_CC,
      {
        o: org,
        c: { code: '005', name: 'Delad', category: 'FORBUND', split: [{ purpose: 'X', share: '20' }] },
      },
      kansli,
    );
    expect(details(share).map((d) => d.message)).toEqual([
      'Räknas som: ska vara ADMINISTRATION, STRUKTUR, INDIVID eller FORBUND',
      'Andel: ska vara en andel mellan 0 och 1, t.ex. "0.2" för 20 %',
    ]);
    // The input is the bundle's entry as JSON: a wrong type or an unknown field is said in Swedish too.
    const typed = await api.gql(
      SAVE_CC,
      { o: org, c: { code: 5, name: 'Delad', category: 'FORBUND', colour: 'röd', version: 'ett' } },
      kansli,
    );
    expect(details(typed).sort((x, y) => x.path.localeCompare(y.path))).toEqual([
      { path: '$', message: 'okända fält: colour' },
      { path: '$.code', message: 'Kod: ska vara text' },
      { path: '$.version', message: 'Version: ska vara ett tal' },
    ]);
    const [n] = await api.ds.query("SELECT count(*)::int AS n FROM cost_centre WHERE code = '005'");
    expect(n.n).toBe(0);
  });

  it('guards every change with the version it started from', async () => {
    const base = { code: '004', name: 'Förbundschef och kansli', category: 'FORBUND' };
    // No version: a new one, and 004 exists.
    const fresh = await api.gql(SAVE_CC, { o: org, c: base }, kansli);
    expect(codes(fresh)).toEqual(['VERSION_CONFLICT']);
    const v2 = await api.ok<{ saveCostCentre: { costCentres: Centre[] } }>(
      SAVE_CC,
      { o: org, c: { ...base, version: 1 } },
      chef,
    );
    expect(centre(v2, '004')).toMatchObject({ version: 2, split: [] });
    const stale = await api.gql(SAVE_CC, { o: org, c: { ...base, name: 'Gammal', version: 1 } }, kansli);
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    expect(stale.errors![0].message).toMatch(/Någon annan har ändrat kostnadsstället 004/);
    const missing = await api.gql(SAVE_CC, { o: org, c: { ...base, code: '404', version: 3 } }, kansli);
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('keeps parties and the kommuner key, which sums to exactly 100 % of kommuner only', async () => {
    const p = await api.ok<{ saveParty: { version: number } }>(
      SAVE_PARTY,
      { o: org, p: { key: 'FORSHAGA', name: 'Forshaga kommun', kind: 'KOMMUN' } },
      kansli,
    );
    expect(p.saveParty.version).toBe(1);
    expect(await audits('party.saved', 'FORSHAGA')).toEqual([
      { key: 'FORSHAGA', name: 'Forshaga kommun', kind: 'KOMMUN', version: 1, created: true },
    ]);
    const badParty = await api.gql(SAVE_PARTY, { o: org, p: { key: 'X', name: ' ', kind: 'LAND' } }, kansli);
    expect(details(badParty).map((d) => d.message)).toEqual([
      'Namn: får inte vara tom',
      'Slag: ska vara STAT, REGION eller KOMMUN',
    ]);
    const shares = [
      { party: 'KARLSTAD', share: '0.55' },
      { party: 'KRISTINEHAMN', share: '0.15' },
      { party: 'GRUMS', share: '0.1' },
      { party: 'HAMMARO', share: '0.1' },
    ];
    const short = await api.gql(SAVE_KEY, { o: org, k: { version: 0, shares: record(shares) } }, kansli);
    expect(details(short)).toEqual([
      {
        path: '$.shares',
        message: 'Fördelningsnyckel: andelarna blir tillsammans 90,00\u00a0%, de ska bli exakt 100 %',
      },
    ]);
    const stat = await api.gql(
      SAVE_KEY,
      { o: org, k: { version: 0, shares: record([...shares, { party: 'FK', share: '0.1' }]) } },
      kansli,
    );
    expect(details(stat)).toEqual([
      { path: '$.shares.FK', message: 'Fördelningsnyckel: parten "FK" är ingen kommun' },
    ]);
    const full = [...shares, { party: 'FORSHAGA', share: '0.1' }];
    const key = await api.ok<{ saveKommunKey: { version: number; shares: unknown[] } }>(
      SAVE_KEY,
      { o: org, k: { version: 0, shares: record(full) } },
      kansli,
    );
    // In the order of the förbund's parties (the bundle's, by key; Forshaga added later).
    expect(key.saveKommunKey).toEqual({
      version: 1,
      shares: [full[2], full[3], full[0], full[1], full[4]],
    });
    expect(
      codes(await api.gql(SAVE_KEY, { o: org, k: { version: 0, shares: record(full) } }, kansli)),
    ).toEqual(['VERSION_CONFLICT']);
    expect(await audits('kommun_key.saved', org)).toEqual([
      expect.objectContaining({
        version: 1,
        previous: null,
        shares: expect.objectContaining({ FORSHAGA: '0.1' }),
      }),
    ]);
    // A kommun in the key stays a kommun.
    const kind = await api.gql(
      SAVE_PARTY,
      { o: org, p: { key: 'FORSHAGA', name: 'Forshaga', kind: 'REGION', version: 1 } },
      kansli,
    );
    expect(details(kind)[0].message).toMatch(/^Slag: parten ingår i kommunernas fördelningsnyckel/);
  });

  it('saves financial goals with any measure the reports compute, and removes them', async () => {
    const goal = {
      year: 2026,
      key: 'soliditet',
      text: 'Soliditeten ska vara minst 50 %.',
      op: '>=',
      value: '0.5',
    };
    const bad = await api.gql(SAVE_GOAL, { o: org, g: { ...goal, metric: 'lycka', op: '~' } }, kansli);
    expect(details(bad).map((d) => d.message)).toEqual([
      'Mått: ska vara ett nyckeltal ur CONTRACT.md §5 eller en NNS-indikator (nns:<indikator>:<grupp>:<fråga>)',
      'Jämförelse: ska vara <=, >=, <, > eller =',
    ]);
    const saved = await api.ok<{ saveFinancialGoal: { version: number } }>(
      SAVE_GOAL,
      { o: org, g: { ...goal, metric: 'soliditet' } },
      kansli,
    );
    expect(saved.saveFinancialGoal).toEqual({
      year: 2026,
      key: 'soliditet',
      metric: 'soliditet',
      op: '>=',
      value: '0.500000',
      version: 1,
    });
    expect(await audits('financial_goal.saved', '2026/soliditet')).toEqual([
      expect.objectContaining({ metric: 'soliditet', op: '>=', value: '0.5', version: 1, created: true }),
    ]);
    const nns = await api.ok<{ saveFinancialGoal: { metric: string } }>(
      SAVE_GOAL,
      { o: org, g: { ...goal, key: 'nojda', metric: 'nns:7:DELTAGARE_AVSLUT:6', value: '0.8' } },
      kansli,
    );
    expect(nns.saveFinancialGoal.metric).toBe('nns:7:DELTAGARE_AVSLUT:6');
    const d = await api.ok<{ financeSetup: { metrics: string[]; financialGoals: Array<{ key: string }> } }>(
      SETUP,
      { o: org },
      chef,
    );
    expect(d.financeSetup.metrics).toContain('administrativ_kostnadsandel');
    expect(d.financeSetup.financialGoals.map((g) => g.key)).toEqual(
      expect.arrayContaining(['soliditet', 'nojda', 'budget_halls']),
    );
    expect(codes(await api.gql(REMOVE_GOAL, { o: org, y: 2026, k: 'nojda', v: 7 }, kansli))).toEqual([
      'VERSION_CONFLICT',
    ]);
    expect(await api.ok(REMOVE_GOAL, { o: org, y: 2026, k: 'nojda', v: 1 }, kansli)).toEqual({
      removeFinancialGoal: true,
    });
    expect(await audits('financial_goal.removed', '2026/nojda')).toEqual([
      { year: 2026, key: 'nojda', version: 1 },
    ]);
  });

  it('exports the split and the key in the bundle, and importing it again changes nothing', async () => {
    const admin = await api.adminToken();
    const ex = await api.ok<{ exportOrganisationBundle: Bundle }>(
      'query($s: String!){ exportOrganisationBundle(slug: $s) }',
      { s: A.slug },
      admin,
    );
    const b = ex.exportOrganisationBundle;
    expect(b.kommunKey).toMatchObject({ KARLSTAD: '0.55', FORSHAGA: '0.1' });
    const before = await api.ds.query('SELECT code, version FROM cost_centre WHERE organisation_id = $1', [
      org,
    ]);
    await importBundle(api, b);
    expect(
      await api.ds.query('SELECT code, version FROM cost_centre WHERE organisation_id = $1', [org]),
    ).toEqual(before);
  });

  it('lets the revisor read but not change, and refuses other roles and other förbund', async () => {
    const revisor = await api.login(`revisor1@${A.slug}.example`);
    const owner = await api.login(`projektagare.stegen@${A.slug}.example`);
    const other = await api.login(`kansli@${B.slug}.example`);
    expect((await api.ok<{ financeSetup: object }>(SETUP, { o: org }, revisor)).financeSetup).toBeTruthy();
    expect(codes(await api.gql(SETUP, { o: org }, owner))).toEqual(['FORBIDDEN']);
    // another förbund's kansli: as for an unknown förbund (no existence leak)
    expect(codes(await api.gql(SETUP, { o: org }, other))).toEqual(['NOT_FOUND']);
    const attempts: Array<[string, Record<string, unknown>]> = [
      [SAVE_CC, { o: org, c: { code: '009', name: 'Intrång', category: 'FORBUND' } }],
      [SAVE_PARTY, { o: org, p: { key: 'INTRANG', name: 'Intrång', kind: 'KOMMUN' } }],
      [SAVE_KEY, { o: org, k: { version: 1, shares: {} } }],
      [
        SAVE_GOAL,
        { o: org, g: { year: 2026, key: 'x', text: 'x', metric: 'soliditet', op: '>=', value: '1' } },
      ],
      [REMOVE_GOAL, { o: org, y: 2026, k: 'soliditet', v: 1 }],
    ];
    for (const [q, v] of attempts) {
      for (const who of [revisor, owner]) expect(codes(await api.gql(q, v, who))).toEqual(['FORBIDDEN']);
      expect(codes(await api.gql(q, v, other))).toEqual(['NOT_FOUND']);
    }
    const [n] = await api.ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE organisation_id = $1 AND payload::text LIKE '%Intrång%'",
      [org],
    );
    expect(n.n).toBe(0);
  });
});
