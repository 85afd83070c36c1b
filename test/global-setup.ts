import { Client } from 'pg';
import Redis from 'ioredis';
import './setup-env';
import { openDatabase } from '../libs/infra/src/database/data-source';

/**
 * A clean test database for every run: drop everything, then run the real migrations, both as the schema
 * owner (TEST_DATABASE_MIGRATION_URL) when there is one, so the tests connect as the least-privileged app role.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const ownerUrl = process.env.TEST_DATABASE_MIGRATION_URL ?? url;
  for (const u of [url, ownerUrl])
    if (!u || !/_test\b/.test(u))
      throw new Error(`refusing to reset a database that is not a test database: ${u}`);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
  const redis = new Redis(process.env.REDIS_URL as string);
  await redis.flushdb();
  redis.disconnect();
  const ds = await openDatabase(url as string, { migrate: true, migrationUrl: ownerUrl, poolSize: 2 });
  await ds.destroy();
}
