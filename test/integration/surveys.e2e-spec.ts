import request from 'supertest';
import { codes, importBundle, tenantBundle, TestApi } from '../helpers/api';
import { deliverInvitation } from '../helpers/invitations';
import { comparableIndicators, EXPECTED_NNS_2025, NNS_CATALOGUE, SAMSPELET_NNS_2025 } from '../helpers/nns';

const catalogueFile = NNS_CATALOGUE;
const counts = SAMSPELET_NNS_2025;

const LOAD = 'mutation($c: JSON!){ loadNnsCatalogue(catalogue: $c){ version catalogueKey } }';
const IMPORT_COUNTS = `mutation($o: ID!, $y: Int!, $c: JSON!){ importSurveyCounts(organisationId: $o, year: $y, counts: $c){
  id year version indicators { indicator survey question respondents positive topShare percent suppressed } } }`;
const ROUND = `query($o: ID!, $y: Int!){ surveyRound(organisationId: $o, year: $y){ version
  collected { survey asked answered } indicators { indicator percent } } }`;

describe('NNS indikatorenkät: catalogue and counts', () => {
  let api: TestApi;
  let org: string;
  let other: string;
  let chef: string;
  let otherChef: string;
  let owner: string;

  beforeAll(async () => {
    api = await TestApi.start();
    org = (await importBundle(api, tenantBundle('enkaten', 'Samordningsförbundet Enkäten'))).id;
    other = (await importBundle(api, tenantBundle('grannenkat', 'Samordningsförbundet Grannenkät'))).id;
    chef = await api.login('forbundschef@enkaten.example');
    otherChef = await api.login('forbundschef@grannenkat.example');
    owner = await api.login('projektagare.stegen@enkaten.example');
  });
  afterAll(() => api.close());

  it('lets only the platform admin load the catalogue, once per content', async () => {
    expect(codes(await api.gql(LOAD, { c: catalogueFile }, chef))).toEqual(['FORBIDDEN']);
    const first = await api.ok<{ loadNnsCatalogue: { version: number } }>(
      LOAD,
      { c: catalogueFile },
      await api.adminToken(),
    );
    const again = await api.ok<{ loadNnsCatalogue: { version: number } }>(
      LOAD,
      { c: catalogueFile },
      await api.adminToken(),
    );
    expect(again.loadNnsCatalogue.version).toBe(first.loadNnsCatalogue.version);
    await expect(
      api.ds.query("UPDATE nns_catalogue SET catalogue_key = 'omskriven' WHERE version = $1", [
        first.loadNnsCatalogue.version,
      ]),
    ).rejects.toThrow(/immutable/);
  });

  it('refuses a broken catalogue with the path of every error and stores nothing', async () => {
    const bad = structuredClone(catalogueFile);
    bad.questions[1].indicator = 99;
    delete bad.scales.FREQUENCY;
    const [{ n: before }] = await api.ds.query('SELECT count(*)::int AS n FROM nns_catalogue');
    const r = await api.gql(LOAD, { c: bad }, await api.adminToken());
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect((r.errors?.[0].extensions?.details as Array<{ path: string }>).map((d) => d.path)).toEqual([
      '$.scales.FREQUENCY',
    ]);
    const [{ n: after }] = await api.ds.query('SELECT count(*)::int AS n FROM nns_catalogue');
    expect(after).toBe(before);
  });

  it('computes the shares from the counts: 5 of 6 is 83 %', async () => {
    const d = await api.ok<{
      importSurveyCounts: {
        version: number;
        indicators: Array<Record<string, unknown> & { topShare: string }>;
      };
    }>(IMPORT_COUNTS, { o: org, y: 2025, c: counts }, chef);
    expect(d.importSurveyCounts.version).toBe(1);
    expect(comparableIndicators(d.importSurveyCounts.indicators)).toEqual(EXPECTED_NNS_2025.indicators);
    const ind7 = d.importSurveyCounts.indicators.find((i) => i.indicator === 7);
    expect(ind7?.topShare).toBe('0.83333333333333333333');
  });

  it('replaces a year on a new import, audited, and keeps the counts of the förbund to itself', async () => {
    const changed = structuredClone(counts);
    changed.responses[1].counts.DELVIS = 2;
    const d = await api.ok<{ importSurveyCounts: { version: number } }>(
      IMPORT_COUNTS,
      { o: org, y: 2025, c: changed },
      chef,
    );
    expect(d.importSurveyCounts.version).toBe(2);
    const [{ n }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE organisation_id = $1 AND action = 'survey.counts_imported'",
      [org],
    );
    expect(n).toBe(2);
    expect(codes(await api.gql(ROUND, { o: org, y: 2025 }, otherChef))).toEqual(['NOT_FOUND']);
    expect(codes(await api.gql(IMPORT_COUNTS, { o: org, y: 2025, c: counts }, otherChef))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await api.gql(IMPORT_COUNTS, { o: org, y: 2025, c: counts }, owner))).toEqual(['FORBIDDEN']);
    const mine = await api.ok<{ surveyRound: null }>(ROUND, { o: other, y: 2025 }, otherChef);
    expect(mine.surveyRound).toBeNull();
  });

  it('refuses counts whole, with every path, and changes nothing', async () => {
    const bad = structuredClone(counts);
    bad.responses[0].question = 42;
    bad.collected.STYRELSE.answered = 99;
    const r = await api.gql(IMPORT_COUNTS, { o: org, y: 2025, c: bad }, chef);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect((r.errors?.[0].extensions?.details as Array<{ path: string }>).map((d) => d.path)).toEqual([
      '$.collected.STYRELSE.answered',
      '$.responses[0].question',
    ]);
    const d = await api.ok<{ surveyRound: { version: number } }>(ROUND, { o: org, y: 2025 }, chef);
    expect(d.surveyRound.version).toBe(2);
  });
});

describe('NNS: the national roll-up', () => {
  let api: TestApi;
  const CONSENT = `mutation($o: ID!, $in: Boolean!){ setNnsNationalConsent(organisationId: $o, optedIn: $in,
    decidedAt: "2025-03-12", decisionReference: "Styrelseprotokoll 2025-03-12 § 7"){ optedIn } }`;
  const ROLLUP = `query{ nnsNationalRollup(year: 2024){ organisations collected { survey asked answered }
    indicators { survey question respondents positive percent suppressed } } }`;
  const small = (n: number) => ({
    collected: { STYRELSE: { asked: 8, answered: 6 } },
    responses: [
      { survey: 'STYRELSE', question: 1, counts: { DELVIS: 1, TILL_STOR_DEL: 5 } },
      { survey: 'PERSONAL', question: 5, counts: { HELT_OCH_HALLET: n } },
    ],
  });

  beforeAll(async () => {
    api = await TestApi.start();
    await api.ok(LOAD, { c: catalogueFile }, await api.adminToken());
  });
  afterAll(() => api.close());

  it('sums only the förbund that opted in, suppresses a small group, and is not for förbund users', async () => {
    const chefs: string[] = [];
    for (const [i, slug] of ['nat-a', 'nat-b', 'nat-c'].entries()) {
      const id = (await importBundle(api, tenantBundle(slug, `Samordningsförbundet ${slug}`))).id;
      const chef = await api.login(`forbundschef@${slug}.example`);
      chefs.push(chef);
      await api.ok(IMPORT_COUNTS, { o: id, y: 2024, c: small(i + 1) }, chef);
      if (i < 2) await api.ok(CONSENT, { o: id, in: true }, chef);
    }
    const d = await api.ok<{
      nnsNationalRollup: {
        organisations: number;
        collected: Array<{ survey: string; asked: number; answered: number }>;
        indicators: Array<{
          survey: string;
          respondents: number;
          positive: number;
          percent: number | null;
          suppressed: boolean;
        }>;
      };
    }>(ROLLUP, {}, await api.adminToken());
    expect(d.nnsNationalRollup.organisations).toBe(2);
    expect(d.nnsNationalRollup.collected).toEqual([{ survey: 'STYRELSE', asked: 16, answered: 12 }]);
    expect(d.nnsNationalRollup.indicators.find((i) => i.survey === 'STYRELSE')).toMatchObject({
      respondents: 12,
      positive: 10,
      percent: 83,
      suppressed: false,
    });
    // 1 + 2 answers from the two that opted in: a group of 3, shown as too few (the third's 3 are not added).
    expect(d.nnsNationalRollup.indicators.find((i) => i.survey === 'PERSONAL')).toMatchObject({
      respondents: 3,
      percent: null,
      suppressed: true,
    });
    expect(codes(await api.gql(ROLLUP, {}, chefs[0]))).toEqual(['FORBIDDEN']);
  });

  it("gives the national network an account that sees the roll-up and its files, and nothing of a förbund's", async () => {
    const admin = await api.adminToken();
    await api.ok(
      'mutation{ createNationalNetworkAccount(email: "Analys@NNS.example", name: "NNS analys") }',
      {},
      admin,
    );
    const { token } = await deliverInvitation(api, 'analys@nns.example');
    const { acceptInvitation } = await api.ok<{ acceptInvitation: { token: string } }>(
      'mutation($t: String!){ acceptInvitation(token: $t, password: "Nationellt-Natverk-2025!"){ token } }',
      { t: token },
    );
    const network = acceptInvitation.token;
    const d = await api.ok<{ nnsNationalRollup: { organisations: number } }>(ROLLUP, {}, network);
    expect(d.nnsNationalRollup.organisations).toBe(2);
    const [{ id: someOrg }] = await api.ds.query("SELECT id FROM organisation WHERE slug = 'nat-a'");
    expect(
      codes(
        await api.gql(
          'query($o: ID!){ surveyRound(organisationId: $o, year: 2024){ version } }',
          { o: someOrg },
          network,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    // the network holds nothing in a förbund: its ids look like unknown ones
    expect(codes(await api.gql('query{ organisation(slug: "nat-a"){ id } }', {}, network))).toEqual([
      'NOT_FOUND',
    ]);

    const xlsx = await request(api.url)
      .get('/nns/national/2024?format=xlsx')
      .set('authorization', `Bearer ${network}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const pdf = await request(api.url)
      .get('/nns/national/2024?format=pdf')
      .set('authorization', `Bearer ${network}`)
      .buffer(true)
      .parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      });
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const chef = await api.login('forbundschef@nat-a.example');
    const refused = await request(api.url)
      .get('/nns/national/2024?format=pdf')
      .set('authorization', `Bearer ${chef}`);
    expect(refused.status).toBe(403);
  });
});
