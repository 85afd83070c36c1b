import { countQueries } from '../helpers/count-queries';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codes, FIXTURES, GqlResult, importBundle, tenantBundle, TestApi } from '../helpers/api';

type Fixture = { insats: string; period: string; answers: Record<string, unknown> };
const fixtures: Fixture[] = readdirSync(join(FIXTURES, 'submissions'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, 'submissions', f), 'utf8')));

/** Six förbund with the same people (`@laddare.example`): the kansli and everyone else is in each of them. */
const bundle = (n: number) => tenantBundle(`laddare-${n}`, `Samordningsförbundet Laddare ${n}`, 'laddare');

const ORGANISATIONS = `{ organisations { id slug
  insatser { id key budgets { year amount } matpunkter { key year } organisation { id } }
  parties { key } costCentres { code } periods(fromYear: 2025, toYear: 2025) { period deadline }
  people { email roles } myRoles } }`;

const SUBMISSIONS = `query($o: ID!){ submissions(organisationId: $o){ id insatsKey
  comments { body authorName } history { action } } }`;

/**
 * Issue 17: the field resolvers of a list (a förbund's insatser, parties, people …, a follow-up's comments and
 * history) read through per-request DataLoaders, so the SQL of a request does not grow with the number of
 * parents. Counted on the API's own data source, one request at a time, as in inbox-queries.e2e-spec.ts.
 */
describe('field resolvers: queries per request', () => {
  let api: TestApi;
  const orgs: string[] = [];
  let kansli: string;

  /** The answer to a request, and how many SQL statements it took. */
  async function counted<T>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<{ r: GqlResult<T>; queries: number }> {
    const { result: r, queries } = await countQueries(api.ds, () => api.gql<T>(query, variables, token));
    return { r, queries };
  }

  beforeAll(async () => {
    api = await TestApi.start();
    for (const n of [1, 2]) orgs.push((await importBundle(api, bundle(n))).id);
    kansli = await api.login('kansli@laddare.example');
  });
  afterAll(() => api.close());

  type Org = {
    id: string;
    slug: string;
    insatser: Array<{ id: string; key: string; organisation: { id: string }; matpunkter: unknown[] }>;
    parties: Array<{ key: string }>;
    people: Array<{ email: string }>;
    periods: unknown[];
  };

  it('answers two förbund and six with their fields in the same number of statements, unchanged', async () => {
    const few = await counted<{ organisations: Org[] }>(ORGANISATIONS, {}, kansli);
    expect(few.r.errors).toBeUndefined();
    for (const n of [3, 4, 5, 6]) orgs.push((await importBundle(api, bundle(n))).id);
    const many = await counted<{ organisations: Org[] }>(ORGANISATIONS, {}, kansli);
    expect(many.r.errors).toBeUndefined();
    expect([few.r.data!.organisations.length, many.r.data!.organisations.length]).toEqual([2, 6]);
    expect(many.queries).toBe(few.queries);

    // Each förbund's fields are its own, as one förbund asked alone shows them and as the tables hold them.
    for (const o of many.r.data!.organisations) {
      const alone = await api.ok<{ organisation: Org }>(
        ORGANISATIONS.replace('{ organisations {', '{ organisation(slug: "' + o.slug + '") {'),
        {},
        kansli,
      );
      expect(alone.organisation).toEqual(o);
      const parties = await api.ds.query(
        'SELECT key FROM party WHERE organisation_id = $1 ORDER BY created_at, key',
        [o.id],
      );
      expect(o.parties).toEqual(parties);
      const insatser = await api.ds.query(
        'SELECT id, key FROM insats WHERE organisation_id = $1 ORDER BY key',
        [o.id],
      );
      expect(o.insatser.map((i) => ({ id: i.id, key: i.key }))).toEqual(insatser);
      expect(o.insatser.every((i) => i.organisation.id === o.id)).toBe(true);
      expect(o.insatser.some((i) => i.matpunkter.length > 0)).toBe(true);
      expect(o.people.length).toBeGreaterThan(10);
      expect(o.periods).toHaveLength(2);
    }
  });

  it('still decides per förbund who sees what', async () => {
    // A projektägare sees only their own insats in each förbund, and not the förbund's people.
    const owner = await api.login('projektagare.stegen@laddare.example');
    const r = await api.gql<{ organisations: Array<{ insatser: Array<{ key: string }>; people: unknown }> }>(
      '{ organisations { insatser { key } people { email } } }',
      {},
      owner,
    );
    expect(r.data?.organisations ?? []).toHaveLength(0);
    expect(new Set(codes(r))).toEqual(new Set(['FORBIDDEN']));
    const own = await api.ok<{ organisations: Array<{ insatser: Array<{ key: string }> }> }>(
      '{ organisations { insatser { key } } }',
      {},
      owner,
    );
    expect(own.organisations).toHaveLength(6);
    for (const o of own.organisations) expect(o.insatser).toEqual([{ key: 'stegen' }]);

    // Someone of another förbund is refused one of these.
    await importBundle(
      api,
      tenantBundle('laddare-granne', 'Samordningsförbundet Grannen L', 'laddare-granne'),
    );
    const neighbour = await api.login('kansli@laddare-granne.example');
    const refused = await api.gql('{ organisation(slug: "laddare-1") { parties { key } } }', {}, neighbour);
    expect(codes(refused)).toEqual(['NOT_FOUND']);
  });

  it('keeps one batch per förbund scope when one request asks two förbund', async () => {
    // Each root field runs scoped to its own förbund (row-level security): a batch that mixed them would find
    // the other förbund's rows invisible.
    const r = await api.ok<Record<string, { id: string; parties: unknown[]; insatser: unknown[] }>>(
      `{ a: organisation(slug: "laddare-1") { id parties { key } insatser { key } }
         b: organisation(slug: "laddare-2") { id parties { key } insatser { key } } }`,
      {},
      kansli,
    );
    expect([r.a.id, r.b.id]).toEqual([orgs[0], orgs[1]]);
    for (const o of [r.a, r.b]) {
      expect(o.parties.length).toBeGreaterThan(0);
      expect(o.insatser.length).toBeGreaterThan(0);
    }
  });

  describe('a förbund’s follow-ups with their comments and history', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      for (const r of await api.ds.query('SELECT id, key FROM insats WHERE organisation_id = $1', [orgs[0]]))
        ids[r.key] = r.id;
    });

    /** Starts, saves and comments a fixture's follow-up in the first förbund. */
    async function followUp(f: Fixture): Promise<void> {
      const owner = await api.login(`projektagare.${f.insats}@laddare.example`);
      const s = (
        await api.ok<{ startSubmission: { id: string; version: number } }>(
          'mutation($i: ID!, $p: String!){ startSubmission(insatsId: $i, period: $p){ id version } }',
          { i: ids[f.insats], p: f.period },
          owner,
        )
      ).startSubmission;
      await api.ok(
        'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }',
        { id: s.id, v: s.version, a: f.answers },
        owner,
      );
      for (const body of [`Första om ${f.insats} ${f.period}`, `Andra om ${f.insats} ${f.period}`])
        await api.ok(
          'mutation($s: ID!, $b: String!){ addComment(submissionId: $s, body: $b) }',
          { s: s.id, b: body },
          kansli,
        );
    }

    type Sub = {
      id: string;
      insatsKey: string;
      comments: Array<{ body: string }>;
      history: Array<{ action: string }>;
    };

    it('answers two follow-ups and six in the same number of statements, unchanged', async () => {
      const chef = await api.login('forbundschef@laddare.example');
      for (const f of fixtures.slice(0, 2)) await followUp(f);
      const few = await counted<{ submissions: Sub[] }>(SUBMISSIONS, { o: orgs[0] }, chef);
      for (const f of fixtures.slice(2, 6)) await followUp(f);
      const many = await counted<{ submissions: Sub[] }>(SUBMISSIONS, { o: orgs[0] }, chef);
      expect(many.r.errors).toBeUndefined();
      expect([few.r.data!.submissions.length, many.r.data!.submissions.length]).toEqual([2, 6]);
      expect(many.queries).toBe(few.queries);

      for (const s of many.r.data!.submissions) {
        const alone = await api.ok<{ submission: Sub }>(
          'query($id: ID!){ submission(id: $id){ id insatsKey comments { body authorName } history { action } } }',
          { id: s.id },
          chef,
        );
        expect(alone.submission).toEqual(s);
        expect(s.comments.map((c) => c.body)).toEqual(
          (
            await api.ds.query(
              'SELECT body FROM submission_comment WHERE submission_id = $1 ORDER BY created_at',
              [s.id],
            )
          ).map((c: { body: string }) => c.body),
        );
        expect(s.comments).toHaveLength(2);
        expect(s.comments[0].body).toContain(s.insatsKey);
        expect(s.history.map((h) => h.action)).toEqual(
          expect.arrayContaining(['submission.started', 'submission.commented']),
        );
      }
    });

    it('shows a projektägare only their own follow-ups and refuses another förbund', async () => {
      const owner = await api.login(`projektagare.${fixtures[0].insats}@laddare.example`);
      const mine = await api.ok<{ submissions: Sub[] }>(SUBMISSIONS, { o: orgs[0] }, owner);
      expect(mine.submissions.length).toBeGreaterThan(0);
      for (const s of mine.submissions) expect(s.insatsKey).toBe(fixtures[0].insats);
      const neighbour = await api.login('kansli@laddare-granne.example');
      expect(codes(await api.gql(SUBMISSIONS, { o: orgs[0] }, neighbour))).toEqual(['NOT_FOUND']);
    });
  });
});
