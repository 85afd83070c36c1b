import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, importBundle, orgId, otherBundle, tenantBundle, TestApi, upload } from '../helpers/api';

const IMPORT_SIE =
  'mutation($o: ID!, $f: ID!){ importSie(organisationId: $o, fileId: $f){ id transactions } }';
const ROW = `INSERT INTO ledger_transaction (import_id, line, series, number, voucher_date, account, amount)
             VALUES ($1, 999999, 'X', '1', '2025-01-01', '1930', '1.00')`;

/**
 * ledger_transaction has no per-row foreign key (it made the COPY of a million rows three times slower); the
 * same guarantees are checked once per statement by triggers (migration 1764095000000). These prove them.
 */
describe('ledger_transaction without a per-row foreign key: the same guarantees', () => {
  let api: TestApi;
  let org: string;
  let other: string;
  let importId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    await importBundle(api, tenantBundle('lastforbundet', 'Samordningsförbundet Lasten'));
    await importBundle(api, otherBundle());
    org = await orgId(api, 'lastforbundet');
    other = await orgId(api, 'grannforbundet');
    const kansli = await api.login('kansli@lastforbundet.example');
    const path = join(FIXTURES, 'sie', 'samspelet-2025.se');
    const up = await upload(api, kansli, readFileSync(path), 'samspelet-2025.se', {
      organisationId: org,
      purpose: 'sie',
    });
    const r = await api.gql<{ importSie: { id: string; transactions: number } }>(
      IMPORT_SIE,
      { o: org, f: up.body.id },
      kansli,
    );
    expect(r.errors).toBeUndefined();
    importId = r.data!.importSie.id;
  });
  afterAll(() => api.close());

  const stored = async (id: string) =>
    (await api.ds.query('SELECT count(*)::int AS n FROM ledger_transaction WHERE import_id = $1', [id]))[0].n;

  it('refuses a row of an import that does not exist (SQLSTATE 23503, as the key did), also by UPDATE', async () => {
    await expect(api.ds.query(ROW, ['00000000-0000-4000-8000-000000000000'])).rejects.toMatchObject({
      code: '23503',
    });
    await expect(
      api.ds.query(
        "UPDATE ledger_transaction SET import_id = '00000000-0000-4000-8000-000000000000' WHERE import_id = $1 AND line = (SELECT min(line) FROM ledger_transaction WHERE import_id = $1)",
        [importId],
      ),
    ).rejects.toMatchObject({ code: '23503' });
    expect(await stored(importId)).toBe(608);
  });

  it('refuses a row for another förbund’s import when scoped to a förbund', async () => {
    const qr = api.ds.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      await qr.query("SELECT set_config('app.organisation_id', $1, true)", [other]);
      await expect(qr.query(ROW, [importId])).rejects.toMatchObject({ code: '23503' });
      await qr.rollbackTransaction();
      await qr.startTransaction();
      await qr.query("SELECT set_config('app.organisation_id', $1, true)", [org]);
      await qr.query(ROW, [importId]);
      await qr.rollbackTransaction();
    } finally {
      await qr.release();
    }
    expect(await stored(importId)).toBe(608);
  });

  it('stores objects only beyond the cost centre (which cost_centre holds), and says so on the column', async () => {
    const [row] = await api.ds.query(
      `SELECT count(*) FILTER (WHERE cost_centre IS NOT NULL)::int AS with_centre,
              count(*) FILTER (WHERE objects IS NOT NULL)::int AS with_objects
         FROM ledger_transaction WHERE import_id = $1`,
      [importId],
    );
    // Samspelet's #TRANS rows carry at most their cost centre ({1 "813"}): none needs the list.
    expect(row).toEqual({ with_centre: 144, with_objects: 0 });
    const [c] = await api.ds.query(
      `SELECT col_description('ledger_transaction'::regclass, attnum) AS comment
         FROM pg_attribute WHERE attrelid = 'ledger_transaction'::regclass AND attname = 'objects'`,
    );
    expect(c.comment).toContain('beyond its cost centre');
  });

  it('never changes an import’s id, and deleting an import deletes its transactions (the key’s cascade)', async () => {
    await expect(
      api.ds.query("UPDATE sie_import SET id = '00000000-0000-4000-8000-000000000001' WHERE id = $1", [
        importId,
      ]),
    ).rejects.toMatchObject({ code: '23503' });
    expect(await stored(importId)).toBe(608);
    await api.ds.query('DELETE FROM sie_import WHERE id = $1', [importId]);
    expect(await stored(importId)).toBe(0);
  });
});
