import { EntityManager } from 'typeorm';
import { JobName, QueueName } from '../jobs/jobs';

/** An outbox row waiting to be relayed to BullMQ. */
export interface PendingOutboxRow {
  id: string;
  queue: QueueName;
  job_name: JobName;
  job_id: string;
  payload: unknown;
  delay_until: Date | null;
}

type Tx = Pick<EntityManager, 'query'>;

/**
 * Locks up to `limit` unrelayed rows. Rows that failed before come after fresh ones (fewest attempts
 * first), so a row that keeps failing never holds the others back.
 */
export function lockPendingOutboxRows(tx: Tx, limit: number): Promise<PendingOutboxRow[]> {
  return tx.query(
    `SELECT id, queue, job_name, job_id, payload, delay_until FROM outbox
      WHERE relayed_at IS NULL ORDER BY attempts, created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export async function markOutboxRelayed(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length) await tx.query('UPDATE outbox SET relayed_at = now() WHERE id = ANY($1)', [ids]);
}

export async function markOutboxFailed(tx: Tx, id: string, error: string): Promise<void> {
  await tx.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
    id,
    error.slice(0, 500),
  ]);
}

/**
 * Seconds the oldest due, unrelayed row has waited (0 when none): the outbox lag. A row delayed on purpose
 * counts from the time it became due.
 */
export async function outboxLagSeconds(tx: Tx): Promise<number> {
  const [r] = await tx.query(
    `SELECT coalesce(extract(epoch FROM now() - min(greatest(created_at, coalesce(delay_until, created_at)))), 0)::float8 AS lag
       FROM outbox WHERE relayed_at IS NULL AND (delay_until IS NULL OR delay_until <= now())`,
  );
  return Math.max(0, Number(r?.lag ?? 0));
}

/** One job to relay, in the transaction of the change that wants it (idempotent by job id). */
export async function insertOutboxRow(
  tx: Tx,
  row: {
    organisationId: string | null;
    queue: QueueName;
    jobName: JobName;
    jobId: string;
    payload: unknown;
    delayUntil: Date | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO outbox (organisation_id, queue, job_name, job_id, payload, delay_until)
     VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (job_id) DO NOTHING`,
    [row.organisationId, row.queue, row.jobName, row.jobId, JSON.stringify(row.payload), row.delayUntil],
  );
}
