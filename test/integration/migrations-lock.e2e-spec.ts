import { Client } from 'pg';
import { openDatabase } from '../../libs/infra/src/database/data-source';
import { MIGRATIONS } from '../../libs/infra/src/database/migrations';

/**
 * A deploy starts several API and worker instances at once, and each may run `migrate`. The migrations run
 * once, under an advisory lock: the others wait and then find nothing to do. Without the lock two runners
 * both see an empty migrations table and the second fails half-way ("relation already exists").
 */
describe('migrations started together by several instances', () => {
  const db = 'samordning_test_migrate_race';
  const withDb = (url: string) => {
    const u = new URL(url);
    u.pathname = `/${db}`;
    return u.toString();
  };
  let su: Client;

  beforeAll(async () => {
    expect(process.env.DATABASE_SUPERUSER_URL).toBeDefined();
    expect(process.env.TEST_DATABASE_MIGRATION_URL).toBeDefined();
    su = new Client({ connectionString: process.env.DATABASE_SUPERUSER_URL });
    await su.connect();
    await su.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    const owner = new URL(process.env.TEST_DATABASE_MIGRATION_URL as string).username;
    await su.query(`CREATE DATABASE ${db} OWNER ${owner}`);
  });

  afterAll(async () => {
    await su.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await su.end();
  });

  it('run every migration exactly once and all instances start', async () => {
    const appUrl = withDb(process.env.DATABASE_URL as string);
    const ownerUrl = withDb(process.env.TEST_DATABASE_MIGRATION_URL as string);
    const instances = await Promise.all(
      [1, 2, 3].map(() => openDatabase(appUrl, { migrate: true, migrationUrl: ownerUrl, poolSize: 2 })),
    );
    try {
      const rows: { name: string; n: number }[] = await instances[0].query(
        'SELECT name, count(*)::int AS n FROM typeorm_migrations GROUP BY name',
      );
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await Promise.all(instances.map((ds) => ds.destroy()));
    }
  });
});
