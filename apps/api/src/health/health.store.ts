import { Tx } from '@app/infra';

/** A round trip to PostgreSQL; rejects when the database does not answer. */
export async function ping(tx: Tx): Promise<void> {
  await tx.query('SELECT 1');
}

/** How many migrations the database has run. */
export async function migrationCount(tx: Tx): Promise<number> {
  const [r] = await tx.query('SELECT count(*)::int AS n FROM typeorm_migrations');
  return r.n;
}
