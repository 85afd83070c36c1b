import request from 'supertest';
import { codes, GqlResult, importBundle, orgId, tenantBundle, TestApi } from '../helpers/api';

/**
 * The security review of issue 18's set-up operations, as an attacker: another förbund's ids smuggled inside the
 * input objects and lists (not the top-level argument), roles of the förbund itself that must not, and hostile
 * sizes (huge strings, thousands of list items, 40-digit amounts, exponent notation, negative shares, prototype
 * keys). Every refusal is a Swedish error naming its field, changes nothing and writes no audit entry.
 */
const A = { slug: 'angripen-a', name: 'Samordningsförbundet Angripen A' };
const B = { slug: 'angripare-b', name: 'Samordningsförbundet Angripare B' };
const at = (slug: string, who: string) => `${who}@${slug}.example`;

const CREATE = `mutation($o: ID!, $i: InsatsInput!){ createInsats(organisationId: $o, insats: $i){ id version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: InsatsInput!){ updateInsats(id: $id, version: $v, insats: $i){ id version } }`;
const DELETE = 'mutation($id: ID!, $v: Int!){ deleteInsats(id: $id, version: $v) }';
const SAVE_INSATS = 'mutation($o: ID!, $i: JSON!){ saveInsats(organisationId: $o, insats: $i){ id } }';
const SAVE_CC = 'mutation($o: ID!, $c: JSON!){ saveCostCentre(organisationId: $o, costCentre: $c){ id } }';
const SAVE_GOAL = 'mutation($o: ID!, $g: JSON!){ saveFinancialGoal(organisationId: $o, goal: $g){ key } }';
const SAVE_KEY = 'mutation($o: ID!, $k: JSON!){ saveKommunKey(organisationId: $o, key: $k){ version } }';
const SAVE_BUDGET = 'mutation($o: ID!, $b: BudgetInput!){ saveBudget(organisationId: $o, budget: $b) }';
const SAVE_FORECAST =
  'mutation($o: ID!, $f: ForecastInput!){ saveForecast(organisationId: $o, forecast: $f) }';
const SAVE_FUNDING = 'mutation($o: ID!, $f: FundingInput!){ saveFunding(organisationId: $o, funding: $f) }';
const SAVE_MANDATE =
  'mutation($o: ID!, $m: BoardMandateInput!){ saveBoardMandate(organisationId: $o, mandate: $m){ id } }';
const SAVE_TEXTS =
  'mutation($o: ID!, $t: JSON!){ saveReportTexts(organisationId: $o, kind: ARSREDOVISNING, year: 2025, version: 0, texts: $t){ version } }';
const SAVE_STRUCTURE =
  'mutation($o: ID!, $e: [ReportStructureEntryInput!]!){ saveReportStructure(organisationId: $o, kind: ARSREDOVISNING, version: 0, entries: $e){ version } }';
const SAVE_SETTINGS =
  'mutation($o: ID!, $d: String){ saveReportSettings(organisationId: $o, delarEnd: $d){ delarEnd } }';

type Detail = { path: string; message: string };
const details = (r: GqlResult): Detail[] => (r.errors?.[0]?.extensions?.details ?? []) as Detail[];

describe('issue 18 set-up under attack', () => {
  let api: TestApi;
  let a: string;
  let b: string;
  const tokens = new Map<string, string>();
  const token = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await api.login(email));
    return tokens.get(email)!;
  };
  const personId = async (email: string): Promise<string> =>
    (await api.ds.query('SELECT id FROM person WHERE email = $1', [email]))[0].id;
  /** Everything of a förbund a refused call might have touched: its audit entries and its set-up rows. */
  const stateOf = async (org: string) =>
    JSON.stringify(
      await api.ds.query(
        `SELECT (SELECT count(*) FROM audit_entry WHERE organisation_id = $1) AS audits,
                (SELECT json_agg(i ORDER BY i.key) FROM insats i WHERE i.organisation_id = $1) AS insatser,
                (SELECT json_agg(c ORDER BY c.code) FROM cost_centre c WHERE c.organisation_id = $1) AS centres,
                (SELECT json_agg(g ORDER BY g.key, g.year) FROM financial_goal g WHERE g.organisation_id = $1) AS goals,
                (SELECT count(*) FROM budget WHERE organisation_id = $1) AS budgets,
                (SELECT count(*) FROM forecast WHERE organisation_id = $1) AS forecasts,
                (SELECT count(*) FROM funding WHERE organisation_id = $1) AS funding,
                (SELECT count(*) FROM board_mandate WHERE organisation_id = $1) AS mandates,
                (SELECT count(*) FROM report_text WHERE organisation_id = $1) AS texts,
                (SELECT count(*) FROM role_assignment WHERE organisation_id = $1) AS roles`,
        [org],
      ),
    );
  /** Both förbund: B, whose people attack, and A, whose ids they smuggle. */
  const stateOfB = async () => `${await stateOf(b)}\n${await stateOf(a)}`;
  /** The call is refused as bad input with a Swedish message at `path`, and B is exactly as before. */
  const refusedAt = async (call: () => Promise<GqlResult>, path: string | RegExp) => {
    const before = await stateOfB();
    const r = await call();
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const hit = details(r).find((d) => (typeof path === 'string' ? d.path === path : path.test(d.path)));
    if (!hit) throw new Error(`no detail at ${String(path)}: ${JSON.stringify(r.errors)}`);
    expect(hit.message).toMatch(/[a-zåäö]/);
    expect(hit.message).not.toMatch(/numeric|overflow|invalid input|undefined|\[object/i);
    expect(await stateOfB()).toBe(before);
    return { r, hit };
  };

  /** JSON nested `depth` objects deep, written as text (JSON.stringify itself gives up long before). */
  const deep = (depth: number) => '{"n":'.repeat(depth) + '"x"' + '}'.repeat(depth);
  /** A GraphQL call whose variables are given as JSON text, as a hostile client would send them. */
  const raw = async (query: string, variables: string, tok: string): Promise<GqlResult> =>
    (
      await request(api.url)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('apollo-require-preflight', 'true')
        .set('authorization', `Bearer ${tok}`)
        .send(`{"query":${JSON.stringify(query)},"variables":${variables}}`)
    ).body as GqlResult;

  const insats = (over: Record<string, unknown> = {}) => ({
    key: 'angrepp',
    name: 'Angreppsinsatsen',
    type: 'INDIVID',
    ownerParty: 'KARLSTAD',
    costCentre: '803',
    start: '2026-01-01',
    budgets: [{ year: 2026, amount: '100000.00' }],
    matpunkter: [
      {
        key: 'm1',
        year: 2026,
        text: 'Minst tio deltagare',
        metric: 'inskrivna_totalt',
        op: '>=',
        target: '10',
      },
    ],
    ...over,
  });

  beforeAll(async () => {
    api = await TestApi.start();
    await importBundle(api, tenantBundle(A.slug, A.name));
    await importBundle(api, tenantBundle(B.slug, B.name));
    a = await orgId(api, A.slug);
    b = await orgId(api, B.slug);
  });
  afterAll(() => api.close());

  describe('another förbund’s ids inside the input', () => {
    it('an insats’ styrgrupp or projektägare from förbund A: refused like an unknown id, nothing said about A', async () => {
      const kansli = await token(at(B.slug, 'kansli'));
      const theirs = await personId(at(A.slug, 'styrgrupp1.stegen'));
      const nobody = '00000000-0000-4000-8000-000000000000';
      for (const field of ['styrgrupp', 'projektagare']) {
        const smuggled = await refusedAt(
          () => api.gql(CREATE, { o: b, i: insats({ [field]: [theirs] }) }, kansli),
          `$.insats.${field}[0]`,
        );
        const unknown = await refusedAt(
          () => api.gql(CREATE, { o: b, i: insats({ [field]: [nobody] }) }, kansli),
          `$.insats.${field}[0]`,
        );
        // The same words for A's person and for nobody: the refusal does not tell that the id exists.
        expect(smuggled.hit.message).toBe(unknown.hit.message);
        expect(JSON.stringify(smuggled.r)).not.toContain(A.slug);
        await refusedAt(
          () => api.gql(SAVE_INSATS, { o: b, i: insats({ [field]: [theirs] }) }, kansli),
          `$.insats.${field}[0]`,
        );
      }
    });

    it('an existing insats of B given A’s person on update: refused, B’s insats and team unchanged', async () => {
      const kansli = await token(at(B.slug, 'kansli'));
      const [stegen] = await api.ds.query(
        "SELECT id, version FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
        [b],
      );
      const snapshot = await api.ok<{ insats: Record<string, unknown> }>(
        'query($id: ID!){ insats(id: $id){ key name type ownerParty costCentre start end } }',
        { id: stegen.id },
        kansli,
      );
      const theirs = await personId(at(A.slug, 'projektagare.stegen'));
      await refusedAt(
        () =>
          api.gql(
            UPDATE,
            {
              id: stegen.id,
              v: stegen.version,
              i: { ...insats(), ...snapshot.insats, end: undefined, projektagare: [theirs] },
            },
            kansli,
          ),
        '$.insats.projektagare[0]',
      );
    });

    it('a board mandate for A’s person, or with an id that is no id: refused as not in the förbund', async () => {
      const kansli = await token(at(B.slug, 'kansli'));
      for (const pid of [
        await personId(at(A.slug, 'ledamot1')),
        'inte-ett-id',
        '00000000-0000-4000-8000-000000000000',
      ])
        await refusedAt(
          () =>
            api.gql(
              SAVE_MANDATE,
              { o: b, m: { personId: pid, role: 'STYRELSELEDAMOT', appointedBy: 'AF', from: '2027-01-01' } },
              kansli,
            ),
          '$.mandate.personId',
        );
    });
  });

  describe('roles of the förbund itself that must not', () => {
    const OUTSIDERS = ['projektagare.stegen', 'styrgrupp1.stegen', 'revisor1', 'ledamot1', 'ersattare1'];
    it('projektägare, styrgrupp, revisor and board members cannot keep insatser, finances, board or report set-up', async () => {
      const [stegen] = await api.ds.query(
        "SELECT id, version FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
        [b],
      );
      const ledamot = await personId(at(B.slug, 'ledamot1'));
      const calls: Array<[string, Record<string, unknown>]> = [
        [CREATE, { o: b, i: insats() }],
        [SAVE_INSATS, { o: b, i: insats() }],
        [UPDATE, { id: stegen.id, v: stegen.version, i: insats({ key: 'stegen' }) }],
        [DELETE, { id: stegen.id, v: stegen.version }],
        [SAVE_CC, { o: b, c: { code: '999', name: 'Eget', category: 'FORBUND' } }],
        [
          SAVE_GOAL,
          { o: b, g: { year: 2027, key: 'x', text: 'X', metric: 'soliditet', op: '>=', value: '0' } },
        ],
        [SAVE_KEY, { o: b, k: { version: 0, shares: { GRUMS: '1' } } }],
        [SAVE_BUDGET, { o: b, b: { year: 2027, decided: '2026-11-01', lines: { '803': '1' } } }],
        [SAVE_FORECAST, { o: b, f: { year: 2027, asOf: '2027-06-30', lines: { '803': '1' } } }],
        [SAVE_FUNDING, { o: b, f: { year: 2027, party: 'AF', amount: '1', account: '3000' } }],
        [
          SAVE_MANDATE,
          { o: b, m: { personId: ledamot, role: 'STYRELSELEDAMOT', appointedBy: 'AF', from: '2027-01-01' } },
        ],
        [SAVE_TEXTS, { o: b, t: { forvaltning: 'Kapad' } }],
        [SAVE_STRUCTURE, { o: b, e: [{ id: 'forvaltningsberattelse', heading: 'Kapad' }] }],
        [SAVE_SETTINGS, { o: b, d: '08-31' }],
      ];
      const before = await stateOfB();
      for (const who of OUTSIDERS)
        for (const [q, vars] of calls) {
          const r = await api.gql(q, vars, await token(at(B.slug, who)));
          if (codes(r).join() !== 'FORBIDDEN')
            throw new Error(`${who} ${q.slice(0, 40)}: ${JSON.stringify(r)}`);
        }
      // The kansli writes no report texts (the förbundschef's own words).
      expect(
        codes(
          await api.gql(SAVE_TEXTS, { o: b, t: { forvaltning: 'Kapad' } }, await token(at(B.slug, 'kansli'))),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(await stateOfB()).toBe(before);
    });
  });

  describe('hostile sizes and numbers', () => {
    const FORTY = '1234567890123456789012345678901234567890';

    it('amounts with 40 digits or in exponent notation: a Swedish error at the field, nothing saved', async () => {
      const kansli = await token(at(B.slug, 'kansli'));
      for (const amount of [FORTY, `${FORTY}.00`, '1e21', '-1E5', '0x10', ' 100'])
        await refusedAt(
          () => api.gql(CREATE, { o: b, i: insats({ budgets: [{ year: 2026, amount }] }) }, kansli),
          '$.insats.budgets[0].amount',
        );
      await refusedAt(
        () =>
          api.gql(
            CREATE,
            {
              o: b,
              i: insats({
                matpunkter: [
                  { key: 'm', year: 2026, text: 'T', metric: 'inskrivna_totalt', op: '>=', target: FORTY },
                ],
              }),
            },
            kansli,
          ),
        '$.insats.matpunkter[0].target',
      );
      await refusedAt(
        () =>
          api.gql(
            SAVE_GOAL,
            { o: b, g: { year: 2027, key: 'x', text: 'X', metric: 'soliditet', op: '>=', value: FORTY } },
            kansli,
          ),
        '$.value',
      );
      await refusedAt(
        () =>
          api.gql(
            SAVE_BUDGET,
            { o: b, b: { year: 2027, decided: '2026-11-01', lines: { '803': FORTY } } },
            kansli,
          ),
        '$.lines["803"]',
      );
      await refusedAt(
        () =>
          api.gql(
            SAVE_BUDGET,
            {
              o: b,
              b: { year: 2027, decided: '2026-11-01', lines: { '803': '1' }, outlook: { '2028': FORTY } },
            },
            kansli,
          ),
        /^\$\.outlook/,
      );
      await refusedAt(
        () =>
          api.gql(
            SAVE_FORECAST,
            { o: b, f: { year: 2027, asOf: '2027-06-30', lines: { '803': FORTY } } },
            kansli,
          ),
        '$.lines["803"]',
      );
      await refusedAt(
        () =>
          api.gql(
            SAVE_FUNDING,
            { o: b, f: { year: 2027, party: 'AF', amount: FORTY, account: '3000' } },
            kansli,
          ),
        '$.amount',
      );
    });

    it('negative or oversized shares in a cost centre’s split and the kommuner’s key are refused at the field', async () => {
      const kansli = await token(at(B.slug, 'kansli'));
      for (const share of ['-0.2', '1.5', '1e-1', FORTY])
        await refusedAt(
          () =>
            api.gql(
              SAVE_CC,
              {
                o: b,
                c: {
                  code: '004',
                  name: 'Delad',
                  category: 'FORBUND',
                  split: [{ purpose: 'ADMINISTRATION', share }],
                },
              },
              kansli,
            ),
          '$.split[0].share',
        );
      await refusedAt(
        () => api.gql(SAVE_KEY, { o: b, k: { version: 0, shares: { GRUMS: '-1', KARLSTAD: '2' } } }, kansli),
        /^\$\.shares/,
      );
    });

    it('thousands of list items: mätpunkter, budgets, splits and sections are refused with a limit, not stored', async () => {
      const kansli = await token(at(B.slug, 'kansli'));
      const many = Array.from({ length: 2000 }, (_, i) => ({ key: `m${i}`, year: 2026, text: 'T' }));
      await refusedAt(
        () => api.gql(CREATE, { o: b, i: insats({ matpunkter: many }) }, kansli),
        '$.insats.matpunkter',
      );
      const years = Array.from({ length: 2000 }, (_, i) => ({ year: 1990 + (i % 200), amount: '1' }));
      await refusedAt(
        () => api.gql(CREATE, { o: b, i: insats({ budgets: years }) }, kansli),
        '$.insats.budgets',
      );
      const splits = Array.from({ length: 2000 }, () => ({ purpose: 'ADMINISTRATION', share: '0' }));
      await refusedAt(
        () =>
          api.gql(
            SAVE_CC,
            { o: b, c: { code: '004', name: 'Delad', category: 'FORBUND', split: splits } },
            kansli,
          ),
        '$.split',
      );
      const sections = Array.from({ length: 2000 }, () => ({ id: 'forvaltningsberattelse' }));
      const r = await api.gql(SAVE_STRUCTURE, { o: b, e: sections }, kansli);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      // One clear refusal, not two thousand.
      expect(details(r).length).toBeLessThan(10);
    });

    it('huge strings in an insats are refused at their field', async () => {
      const kansli = await token(at(B.slug, 'kansli'));
      const huge = 'x'.repeat(30_000);
      await refusedAt(
        () =>
          api.gql(
            CREATE,
            { o: b, i: insats({ matpunkter: [{ key: 'm', year: 2026, text: huge }] }) },
            kansli,
          ),
        '$.insats.matpunkter[0].text',
      );
      await refusedAt(
        () =>
          api.gql(
            CREATE,
            { o: b, i: insats({ budgets: [{ year: 2026, amount: '1', decision: huge }] }) },
            kansli,
          ),
        '$.insats.budgets[0].decision',
      );
      await refusedAt(
        () => api.gql(CREATE, { o: b, i: insats({ costCentre: huge }) }, kansli),
        '$.insats.costCentre',
      );
      await refusedAt(
        () =>
          api.gql(
            SAVE_BUDGET,
            {
              o: b,
              b: {
                year: 2027,
                decided: '2026-11-01',
                kind: 'SUPPLEMENTARY',
                fundedBy: huge,
                lines: { '803': '1' },
              },
            },
            kansli,
          ),
        '$.fundedBy',
      );
      await refusedAt(
        () =>
          api.gql(
            SAVE_FUNDING,
            { o: b, f: { year: 2027, party: 'AF', amount: '1', account: '3000', note: huge } },
            kansli,
          ),
        '$.note',
      );
      // Deeply nested JSON where a text belongs, in the bundle-shaped input
      const nested = JSON.stringify(insats()).replace('"Angreppsinsatsen"', deep(15_000));
      await refusedAt(() => raw(SAVE_INSATS, `{"o":"${b}","i":${nested}}`, kansli), '$.insats.name');
      const d = deep(15_000);
      await refusedAt(
        () => raw(SAVE_CC, `{"o":"${b}","c":{"code":"004","name":${d},"category":"FORBUND"}}`, kansli),
        '$.name',
      );
      await refusedAt(
        () =>
          raw(
            SAVE_GOAL,
            `{"o":"${b}","g":{"year":2027,"key":"x","text":${d},"metric":"soliditet","op":">=","value":"0"}}`,
            kansli,
          ),
        '$.text',
      );
      await refusedAt(
        () => raw(SAVE_KEY, `{"o":"${b}","k":{"version":0,"shares":{"GRUMS":${d}}}}`, kansli),
        /^\$\.shares/,
      );
      await refusedAt(
        () =>
          raw(
            SAVE_BUDGET,
            `{"o":"${b}","b":{"year":2027,"decided":"2026-11-01","lines":{"803":${d}}}}`,
            kansli,
          ),
        /^\$\.lines/,
      );
    });

    it('report texts: prototype keys, nested JSON and oversized texts are refused, nothing saved', async () => {
      const chef = await token(at(B.slug, 'forbundschef'));
      for (const k of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
        await refusedAt(
          () => api.gql(SAVE_TEXTS, { o: b, t: JSON.parse(`{"${k}": "Kapad"}`) }, chef),
          `$.${k}`,
        );
      }
      await refusedAt(
        () => raw(SAVE_TEXTS, `{"o":"${b}","t":{"forvaltning":${deep(15_000)}}}`, chef),
        '$.forvaltning',
      );
      await refusedAt(
        () => api.gql(SAVE_TEXTS, { o: b, t: { forvaltning: 'x'.repeat(20_001) } }, chef),
        '$.forvaltning',
      );
    });
  });
  it('each accepted change writes exactly its own typed audit entry, in its own förbund', async () => {
    const kansli = await token(at(B.slug, 'kansli'));
    const chef = await token(at(B.slug, 'forbundschef'));
    // Entries are told apart by id (each förbund has its own chain and numbering), A's counted too.
    const entries = async (): Promise<
      Array<{ id: string; org: string; action: string; actor: string | null }>
    > =>
      api.ds.query(
        'SELECT id, organisation_id AS org, action, actor_id AS actor FROM audit_entry WHERE organisation_id IN ($1, $2)',
        [a, b],
      );
    const step = async (q: string, vars: Record<string, unknown>, tok: string, action: string) => {
      const seen = new Set((await entries()).map((e) => e.id));
      const r = await api.gql(q, vars, tok);
      expect([action, r.errors]).toEqual([action, undefined]);
      const added = (await entries()).filter((e) => !seen.has(e.id));
      expect(added.map((e) => [e.org === b, e.action, !!e.actor])).toEqual([[true, action, true]]);
    };
    const newcomer = await personId(at(B.slug, 'styrgrupp2.tris'));
    await step(CREATE, { o: b, i: insats({ key: 'revision' }) }, kansli, 'insats.created');
    await step(
      SAVE_CC,
      { o: b, c: { code: '777', name: 'Revision', category: 'FORBUND' } },
      kansli,
      'cost_centre.saved',
    );
    await step(
      SAVE_GOAL,
      { o: b, g: { year: 2027, key: 'rev', text: 'Rev', metric: 'soliditet', op: '>=', value: '0.5' } },
      kansli,
      'financial_goal.saved',
    );
    await step(
      SAVE_BUDGET,
      { o: b, b: { year: 2027, decided: '2026-11-01', lines: { '803': '1' } } },
      kansli,
      'budget.saved',
    );
    await step(
      SAVE_FORECAST,
      { o: b, f: { year: 2027, asOf: '2027-06-30', lines: { '803': '1' } } },
      kansli,
      'forecast.saved',
    );
    await step(
      SAVE_MANDATE,
      { o: b, m: { personId: newcomer, role: 'REVISOR', title: 'Revisor', from: '2028-01-01' } },
      kansli,
      'board.mandate_saved',
    );
    await step(
      SAVE_TEXTS,
      { o: b, t: { forvaltningsberattelse: 'Året i korthet.' } },
      chef,
      'report_texts.saved',
    );
    await step(
      SAVE_STRUCTURE,
      { o: b, e: [{ id: 'forvaltningsberattelse', heading: 'Förvaltningsberättelse' }] },
      chef,
      'report_structure.saved',
    );
    await step(SAVE_SETTINGS, { o: b, d: '08-31' }, chef, 'report_settings.saved');
  });
  it('the query limits cover the new types: aliases of the set-up are refused before anything runs', async () => {
    const kansli = await token(at(B.slug, 'kansli'));
    const reads = Array.from(
      { length: 40 },
      (_, i) => `s${i}: financeSetup(organisationId: $o){ costCentres { split { share } } }`,
    );
    const r = await api.gql(`query($o: ID!){ ${reads.join(' ')} }`, { o: b }, kansli);
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(r.data ?? null).toBeNull();
    const before = await stateOfB();
    const writes = Array.from(
      { length: 40 },
      (_, i) =>
        `c${i}: createInsats(organisationId: $o, insats: { key: "alias${i}", name: "Alias", type: "INDIVID", ownerParty: "AF", costCentre: "803", start: "2026-01-01" }){ id }`,
    );
    const w = await api.gql(`mutation($o: ID!){ ${writes.join(' ')} }`, { o: b }, kansli);
    expect(w.errors?.length).toBeGreaterThan(0);
    expect(w.data ?? null).toBeNull();
    expect(await stateOfB()).toBe(before);
  });
});
