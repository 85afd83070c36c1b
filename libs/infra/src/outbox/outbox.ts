import { EntityManager } from 'typeorm';
import { JOB_QUEUE, JobName, JobPayload, jobId, parseJobPayload } from '../jobs/jobs';

/** Writes a job to the outbox inside the caller's transaction; the relay hands it to BullMQ after commit. */
export async function enqueueJob<N extends JobName>(
  em: EntityManager,
  name: N,
  payload: JobPayload<N>,
  opts: { organisationId?: string | null; delayUntil?: Date | null } = {},
): Promise<string> {
  const data = parseJobPayload(name, payload);
  const id = jobId(name, data);
  await em.query(
    `INSERT INTO outbox (organisation_id, queue, job_name, job_id, payload, delay_until)
     VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (job_id) DO NOTHING`,
    [opts.organisationId ?? null, JOB_QUEUE[name], name, id, JSON.stringify(data), opts.delayUntil ?? null],
  );
  return id;
}
