import { Job } from 'bullmq';
import { JobName, JobPayload } from '@app/infra';

/** One handler per job name; the worker refuses to start if any job lacks one. */
export interface JobHandler<N extends JobName = JobName> {
  readonly name: N;
  handle(payload: JobPayload<N>, job: Job): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

export function missingHandlers(handlers: readonly JobHandler[]): JobName[] {
  const have = new Set(handlers.map((h) => h.name));
  return Object.values(JobName).filter((n) => !have.has(n));
}
