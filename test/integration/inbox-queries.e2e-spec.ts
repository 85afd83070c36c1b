import { countQueries } from '../helpers/count-queries';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, importBundle, tenantBundle, TestApi } from '../helpers/api';

type Fixture = { insats: string; period: string; answers: Record<string, unknown> };
const fixtures: Fixture[] = readdirSync(join(FIXTURES, 'submissions'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, 'submissions', f), 'utf8')));

/**
 * The inbox under deadline load: its SQL does not grow with the number of follow-ups that wait (no query per
 * row for mätpunkter or for my approvals). Counted on the API's own data source, one request at a time.
 */
describe('inbox: queries per request', () => {
  let api: TestApi;
  let org: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await TestApi.start();
    org = (await importBundle(api, tenantBundle('inkorgen', 'Samordningsförbundet Inkorgen'))).id;
    for (const r of await api.ds.query('SELECT id, key FROM insats WHERE organisation_id = $1', [org]))
      ids[r.key] = r.id;
  });
  afterAll(() => api.close());

  /** Submits a fixture and has its styrgrupp approve it: it then waits for the förbundschef. */
  async function waitingForChef(f: Fixture): Promise<void> {
    const owner = await api.login(`projektagare.${f.insats}@inkorgen.example`);
    const s = (
      await api.ok<{ startSubmission: { id: string; version: number } }>(
        'mutation($i: ID!, $p: String!){ startSubmission(insatsId: $i, period: $p){ id version } }',
        { i: ids[f.insats], p: f.period },
        owner,
      )
    ).startSubmission;
    const saved = (
      await api.ok<{ saveSubmission: { version: number } }>(
        'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }',
        { id: s.id, v: s.version, a: f.answers },
        owner,
      )
    ).saveSubmission;
    await api.ok(
      'mutation($id: ID!, $v: Int!){ submitSubmission(id: $id, version: $v){ id } }',
      { id: s.id, v: saved.version },
      owner,
    );
    await api.ok(
      'mutation($id: ID!){ approveSubmission(id: $id){ id } }',
      { id: s.id },
      await api.login(`styrgrupp1.${f.insats}@inkorgen.example`),
    );
  }

  /** The chef's inbox, and how many SQL statements answering it took. */
  async function inbox(
    token: string,
    field = 'inbox',
  ): Promise<{ items: number; queries: number; rows: number }> {
    const {
      result: r,
      queries,
      rows,
    } = await countQueries(api.ds, () =>
      api.ok<Record<string, unknown[]>>(
        field === 'inbox' ? '{ inbox { id matpunkter { key } } }' : `{ ${field} { kind targetId } }`,
        {},
        token,
      ),
    );
    return { items: r[field].length, queries, rows };
  }

  it('answers two waiting follow-ups and six with the same number of statements', async () => {
    const chef = await api.login('forbundschef@inkorgen.example');
    const owner = await api.login(`projektagare.${fixtures[0].insats}@inkorgen.example`);
    for (const f of fixtures.slice(0, 2)) await waitingForChef(f);
    const few = await inbox(chef);
    const fewWaiting = await inbox(chef, 'waitingForMe');
    const ownerFew = await inbox(owner);
    for (const f of fixtures.slice(2, 6)) await waitingForChef(f);
    const many = await inbox(chef);
    const manyWaiting = await inbox(chef, 'waitingForMe');
    const ownerMany = await inbox(owner);
    expect([few.items, many.items]).toEqual([2, 6]);
    expect(many.queries).toBe(few.queries);
    // "Väntar på dig" on the start page, built on the same rows, stays as flat.
    expect(manyWaiting.items - fewWaiting.items).toBe(4);
    expect(manyWaiting.queries).toBe(fewWaiting.queries);
    // A projektägare's inbox reads its own insats' follow-ups only, not every open one of the förbund: four more
    // waiting elsewhere add no row to what it reads.
    expect(ownerMany.queries).toBe(ownerFew.queries);
    expect(ownerMany.rows).toBe(ownerFew.rows);
  });
});
