import { EntityManager } from 'typeorm';
import { JOB_QUEUE, JobName, JobPayload, jobId, parseJobPayload } from '../jobs/jobs';
import { insertOutboxRow } from './outbox.store';

/** Writes a job to the outbox inside the caller's transaction; the relay hands it to BullMQ after commit. */
export async function enqueueJob<N extends JobName>(
  em: EntityManager,
  name: N,
  payload: JobPayload<N>,
  opts: { organisationId?: string | null; delayUntil?: Date | null } = {},
): Promise<string> {
  const data = parseJobPayload(name, payload);
  const id = jobId(name, data);
  await insertOutboxRow(em, {
    organisationId: opts.organisationId ?? null,
    queue: JOB_QUEUE[name],
    jobName: name,
    jobId: id,
    payload: data,
    delayUntil: opts.delayUntil ?? null,
  });
  return id;
}
