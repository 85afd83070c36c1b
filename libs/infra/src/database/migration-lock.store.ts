import type { Tx } from './unit-of-work';

/**
 * The advisory lock every migration run takes first, so instances started together by one deploy never race:
 * the first runs the pending migrations, the others wait for it and then find nothing left to do.
 */
export const MIGRATION_LOCK_KEY = 7_319_420_251;

/** Waits for the lock on this session (no statement timeout: another instance's migrations may take long). */
export async function lockMigrations(session: Tx): Promise<void> {
  await session.query('SET statement_timeout = 0');
  await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
}

export async function unlockMigrations(session: Tx): Promise<void> {
  await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
}
