import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { returningRows, runInPlatformScope, runInTenantScope, UnitOfWork } from '@app/infra';
import {
  RLS_CHILD_TABLES,
  RLS_EXEMPT_TABLES,
} from '../../libs/infra/src/database/migrations/1763930000000-tenant-rls';
import { DEMO_PASSWORD, importBundle, tenantBundle, TestApi } from '../helpers/api';

/**
 * Issue 11 item 10: row-level security isolates the förbund even where the application's SQL forgot its
 * `WHERE organisation_id`. The database's truth is read as the superuser (not subject to the policies); the
 * application's role reads through the API's own data source.
 */
describe('row-level security (tenant isolation in depth)', () => {
  let api: TestApi;
  let ds: DataSource;
  let su: Client;
  let a: { id: string; slug: string };
  let b: { id: string; slug: string };

  const orgTables = async (): Promise<string[]> =>
    (
      await su.query(
        `SELECT table_name FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'organisation_id' ORDER BY table_name`,
      )
    ).rows.map((r: { table_name: string }) => r.table_name);

  beforeAll(async () => {
    api = await TestApi.start();
    ds = api.ds;
    su = new Client({ connectionString: process.env.DATABASE_SUPERUSER_URL });
    await su.connect();
    // A person of both förbund: each operation of one request runs in its own förbund's scope.
    const both = { name: 'Kansli i två förbund', email: 'tva@rls-alfa.example', roles: [{ role: 'ADMIN' }] };
    const alfa = tenantBundle('rls-alfa', 'Samordningsförbundet RLS Alfa', 'rls-alfa');
    alfa.people.push({ ...both, password: DEMO_PASSWORD });
    const beta = tenantBundle('rls-beta', 'Samordningsförbundet RLS Beta', 'rls-beta');
    beta.people.push(both);
    a = await importBundle(api, alfa);
    b = await importBundle(api, beta);
  });
  afterAll(async () => {
    await su?.end();
    await api?.close();
  });

  it('has a policy on every table with an organisation_id, and every other table is on the exempt list', async () => {
    const { rows } = await su.query(
      `SELECT c.relname AS table, c.relrowsecurity AND c.relforcerowsecurity AS rls,
              EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS policy
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
    );
    // A new table with a förbund fails here until its migration calls enableTenantRls / enableChildRls.
    const unprotected = rows
      .filter((r: { rls: boolean; policy: boolean }) => !r.rls || !r.policy)
      .map((r: { table: string }) => r.table);
    expect(unprotected.sort()).toEqual(Object.keys(RLS_EXEMPT_TABLES).sort());
    const tenant = await orgTables();
    expect(tenant.filter((t) => t in RLS_EXEMPT_TABLES)).toEqual([]);
  });

  it('the application role is neither owner nor exempt from row-level security', async () => {
    const [me] = await ds.query('SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user');
    expect(me).toEqual({ rolbypassrls: false, rolsuper: false });
  });

  it('binds the schema’s owner too (a deployment that connects as the owner), and only within a scope', async () => {
    const owner = new Client({ connectionString: process.env.TEST_DATABASE_MIGRATION_URL });
    await owner.connect();
    try {
      const all = await owner.query('SELECT count(DISTINCT organisation_id)::int AS n FROM insats');
      expect(all.rows[0].n).toBeGreaterThanOrEqual(2);
      await owner.query('BEGIN');
      await owner.query("SELECT set_config('app.organisation_id', $1, true)", [a.id]);
      const scoped = await owner.query('SELECT DISTINCT organisation_id FROM insats');
      await owner.query('COMMIT');
      expect(scoped.rows).toEqual([{ organisation_id: a.id }]);
    } finally {
      await owner.end();
    }
  });

  it('SELECT * without WHERE on every tenant table returns only the scoped förbund’s rows', async () => {
    const seen: string[] = [];
    for (const table of await orgTables()) {
      const truth = await su.query(
        `SELECT count(*) FILTER (WHERE organisation_id = $1)::int AS mine,
                count(*) FILTER (WHERE organisation_id IS NULL)::int AS platform,
                count(*) FILTER (WHERE organisation_id <> $1)::int AS others
           FROM ${table}`,
        [a.id],
      );
      const rows: Array<{ organisation_id: string | null }> = await runInTenantScope(a.id, () =>
        ds.query(`SELECT * FROM ${table}`),
      );
      const foreign = rows.filter((r) => r.organisation_id !== null && r.organisation_id !== a.id);
      expect({ table, foreign: foreign.length }).toEqual({ table, foreign: 0 });
      const { mine, platform, others } = truth.rows[0];
      expect({ table, rows: rows.length }).toEqual({ table, rows: mine + platform });
      if (others > 0) seen.push(table);
      // Unscoped (worker, CLI, public routes): everything, as before.
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, n }).toEqual({ table, n: mine + platform + others });
    }
    // The loop is not vacuous: another förbund has rows in the tables a bundle fills.
    expect(seen).toEqual(
      expect.arrayContaining(['budget', 'cost_centre', 'funding', 'insats', 'party', 'role_assignment']),
    );
  });

  it('child tables are isolated through their parent', async () => {
    const seen: string[] = [];
    for (const { table, column, parent, nullable } of RLS_CHILD_TABLES) {
      const truth = await su.query(
        `SELECT count(*) FILTER (WHERE p.organisation_id = $1)::int AS mine,
                count(*) FILTER (WHERE p.organisation_id <> $1)::int AS others,
                count(*) FILTER (WHERE c.${column} IS NULL)::int AS orphans
           FROM ${table} c LEFT JOIN ${parent} p ON p.id = c.${column}`,
        [a.id],
      );
      const [{ n }] = await runInTenantScope(a.id, () => ds.query(`SELECT count(*)::int AS n FROM ${table}`));
      const { mine, others, orphans } = truth.rows[0];
      expect({ table, n }).toEqual({ table, n: mine + (nullable ? orphans : 0) });
      if (others > 0) seen.push(table);
    }
    expect(seen).toEqual(expect.arrayContaining(['budget_line', 'matpunkt']));
  });

  it('UPDATE and DELETE of another förbund’s rows affect nothing; INSERT for it is refused', async () => {
    const uow = new UnitOfWork(ds);
    const { rows: before } = await su.query(
      'SELECT id, name FROM insats WHERE organisation_id = $1 ORDER BY id',
      [b.id],
    );
    expect(before.length).toBeGreaterThan(0);
    await uow
      .tenant(a.id, async (tx) => {
        expect(await returningRows(tx, "UPDATE insats SET name = 'kapad' RETURNING id", [])).toHaveLength(
          (await su.query('SELECT 1 FROM insats WHERE organisation_id = $1', [a.id])).rowCount ?? -1,
        );
        expect(
          await returningRows(tx, 'UPDATE insats SET name = $2 WHERE organisation_id = $1 RETURNING id', [
            b.id,
            'kapad',
          ]),
        ).toEqual([]);
        expect(
          await returningRows(tx, 'DELETE FROM party WHERE organisation_id = $1 RETURNING id', [b.id]),
        ).toEqual([]);
        throw new Error('roll back the change to A');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back the change to A'));
    const { rows: after } = await su.query(
      'SELECT id, name FROM insats WHERE organisation_id = $1 ORDER BY id',
      [b.id],
    );
    expect(after).toEqual(before);
    await expect(
      uow.tenant(a.id, (tx) =>
        tx.query(
          "INSERT INTO party (organisation_id, key, name, kind) VALUES ($1, 'kapad', 'Kapad', 'KOMMUN')",
          [b.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('the scope is transaction-local: it never reaches the next transaction on the same connection', async () => {
    const qr = ds.createQueryRunner();
    try {
      await runInTenantScope(a.id, async () => {
        await qr.startTransaction();
        const [s] = await qr.query(
          "SELECT current_setting('app.organisation_id', true) AS s, pg_backend_pid() AS pid",
        );
        expect(s.s).toBe(a.id);
        await qr.commitTransaction();
        // A failed transaction leaves nothing behind either.
        await qr.startTransaction();
        await expect(qr.query('SELECT 1/0')).rejects.toThrow();
        await qr.rollbackTransaction();
      });
      const [after] = await qr.query(
        "SELECT coalesce(current_setting('app.organisation_id', true), '') AS s, pg_backend_pid() AS pid",
      );
      expect(after.s).toBe('');
      const [{ n }] = await qr.query('SELECT count(DISTINCT organisation_id)::int AS n FROM insats');
      expect(n).toBeGreaterThanOrEqual(2);
    } finally {
      await qr.release();
    }
    // Every pooled connection, after scoped work on all of them at once.
    await Promise.all(
      Array.from({ length: 6 }, () =>
        runInTenantScope(b.id, () => ds.query('SELECT pg_sleep(0.01) FROM insats LIMIT 1')),
      ),
    );
    const settings = await Promise.all(
      Array.from({ length: 6 }, () =>
        ds.query("SELECT coalesce(current_setting('app.organisation_id', true), '') AS s"),
      ),
    );
    expect(settings.map(([r]) => r.s)).toEqual(Array(6).fill(''));
  });

  it('a platform scope inside a tenant scope sees across förbund, on purpose, and says so', async () => {
    const [r] = await runInTenantScope(a.id, () =>
      runInPlatformScope('test: the national picture', () =>
        ds.query(
          "SELECT count(DISTINCT organisation_id)::int AS n, current_setting('app.organisation_id', true) AS s FROM insats",
        ),
      ),
    );
    expect(r).toEqual({ n: expect.any(Number), s: 'platform' });
    expect(r.n).toBeGreaterThanOrEqual(2);
  });

  /** Every SQL statement the API sends loses its förbund filter: `organisation_id = $n` becomes true. */
  const forgetWhere = () => {
    const original = ds.query.bind(ds);
    return jest
      .spyOn(ds, 'query')
      .mockImplementation((sql: string, params?: unknown[]) =>
        original(
          sql.replace(/\b(?:\w+\.)?organisation_id\s*=\s*\$(\d+)/g, '($$$1::text IS NOT NULL)'),
          params,
        ),
      );
  };
  const insatsIds = async (orgId: string) =>
    (await su.query('SELECT id FROM insats WHERE organisation_id = $1', [orgId])).rows
      .map((r: { id: string }) => r.id)
      .sort();

  it('over HTTP: with the application’s WHERE organisation_id removed, a förbund still sees only its own rows', async () => {
    const token = await api.login('forbundschef@rls-alfa.example');
    const query = `query($s: String!){ organisation(slug: $s){ id insatser { id } parties { key } costCentres { code } } }`;
    const honest = await api.ok<{
      organisation: { insatser: { id: string }[]; parties: unknown[]; costCentres: unknown[] };
    }>(query, { s: a.slug }, token);
    const spy = forgetWhere();
    try {
      const forgetful = await api.ok<typeof honest>(query, { s: a.slug }, token);
      expect(spy).toHaveBeenCalled();
      expect(forgetful).toEqual(honest);
      const { rows } = await su.query('SELECT id FROM insats WHERE organisation_id = $1', [a.id]);
      expect(forgetful.organisation.insatser.map((i) => i.id).sort()).toEqual(
        rows.map((r: { id: string }) => r.id).sort(),
      );
      // Without the policies the same request would have returned the other förbund's rows too.
      const { rows: others } = await su.query('SELECT id FROM insats WHERE organisation_id = $1', [b.id]);
      expect(others.length).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('over HTTP: a person of two förbund asking for both in one request gets each from its own scope', async () => {
    const token = await api.login('tva@rls-alfa.example');
    const query = `{ a: organisation(slug: "rls-alfa"){ insatser { id } } b: organisation(slug: "rls-beta"){ insatser { id } } }`;
    const spy = forgetWhere();
    try {
      const d = await api.ok<Record<'a' | 'b', { insatser: { id: string }[] }>>(query, {}, token);
      expect(spy).toHaveBeenCalled();
      expect(d.a.insatser.map((i) => i.id).sort()).toEqual(await insatsIds(a.id));
      expect(d.b.insatser.map((i) => i.id).sort()).toEqual(await insatsIds(b.id));
    } finally {
      spy.mockRestore();
    }
  });
});
