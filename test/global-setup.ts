import { Client } from 'pg';
import Redis from 'ioredis';
import './setup-env';
import { openDatabase } from '../libs/infra/src/database/data-source';

/** A clean test database for every run: drop everything, then run the real migrations. */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !/_test\b/.test(url))
    throw new Error(`refusing to reset a database that is not a test database: ${url}`);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
  const redis = new Redis(process.env.REDIS_URL as string);
  await redis.flushdb();
  redis.disconnect();
  const ds = await openDatabase(url, { migrate: true, poolSize: 2 });
  await ds.destroy();
}
