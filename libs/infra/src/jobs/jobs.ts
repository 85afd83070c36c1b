import { z } from 'zod';

/** Every queue the platform uses. */
export enum QueueName {
  MAIL = 'mail',
  REPORTS = 'reports',
}

/** Every job, with the queue it runs on. */
export enum JobName {
  SEND_EMAIL = 'send-email',
  SEND_INVITATION = 'send-invitation',
  SUBMISSION_REMINDER = 'submission-reminder',
  COMPILE_REPORT = 'compile-report',
  SEAL_SIGNED_DOCUMENT = 'seal-signed-document',
  SIGNING_REMINDER = 'signing-reminder',
  AUDIT_CHECKPOINT = 'audit-checkpoint',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SEND_EMAIL]: QueueName.MAIL,
  [JobName.SEND_INVITATION]: QueueName.MAIL,
  [JobName.SUBMISSION_REMINDER]: QueueName.MAIL,
  [JobName.COMPILE_REPORT]: QueueName.REPORTS,
  [JobName.SEAL_SIGNED_DOCUMENT]: QueueName.REPORTS,
  [JobName.SIGNING_REMINDER]: QueueName.MAIL,
  [JobName.AUDIT_CHECKPOINT]: QueueName.REPORTS,
};

/** One payload schema per job, validated when enqueued and again when run. */
export const JOB_PAYLOADS = {
  [JobName.SEND_EMAIL]: z.object({
    /** What the mail is about; with the subject it makes the job id, so one event mails a person once. */
    eventId: z.string().min(1),
    to: z.string().email(),
    subject: z.string().min(1),
    text: z.string().min(1),
    /** The same mail as HTML (composed in libs/domain/src/mail); sent as the alternative to the text. */
    html: z.string().min(1).optional(),
  }),
  /**
   * An invitation's mail. It names the invitation, never the secret: the worker mints the link when it sends,
   * so the outbox and Redis never hold a token that opens an account.
   */
  [JobName.SEND_INVITATION]: z.object({
    invitationId: z.string().uuid(),
    personId: z.string().uuid(),
    to: z.string().email(),
    /** What the person is invited to (a förbund's name, the national network's account). */
    invitedTo: z.string().min(1),
    /** The förbund that invites and signs the mail; absent for the platform's own invitations. */
    organisationName: z.string().min(1).optional(),
    /** The web's address; the link is `${baseUrl}/inbjudan?token=…`. */
    baseUrl: z.string().min(1),
  }),
  [JobName.SUBMISSION_REMINDER]: z.object({
    submissionId: z.string().uuid(),
    daysBefore: z.number().int().min(0),
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  [JobName.COMPILE_REPORT]: z.object({
    reportId: z.string().uuid(),
    organisationId: z.string().uuid(),
  }),
  [JobName.SEAL_SIGNED_DOCUMENT]: z.object({
    requestId: z.string().uuid(),
    /** 0 for the first seal; each retry after a final failure gets its own job. */
    retry: z.number().int().min(0).optional(),
  }),
  [JobName.SIGNING_REMINDER]: z.object({
    requestId: z.string().uuid(),
    round: z.number().int().min(1),
  }),
  [JobName.AUDIT_CHECKPOINT]: z.object({
    /** One förbund (e.g. after a seal); without it, every förbund with an audit trail (the hourly run). */
    organisationId: z.string().uuid().optional(),
    /** What prompted it (a signing request id, 'hourly'); with the förbund it makes the job id. */
    reason: z.string().min(1),
  }),
} satisfies Record<JobName, z.ZodType>;

/**
 * How BullMQ retries a job, per queue. Mail outlasts a day-long SMTP outage: 14 attempts with exponential
 * backoff from one minute give a retry window of about 68 hours (the sum of the waits, see
 * retryWindowMs). Reports keep their 8 quick attempts (their final-failure handling counts on it).
 */
export const QUEUE_RETRY: Record<
  QueueName,
  { attempts: number; backoff: { type: 'exponential'; delay: number } }
> = {
  [QueueName.MAIL]: { attempts: 14, backoff: { type: 'exponential', delay: 60_000 } },
  [QueueName.REPORTS]: { attempts: 8, backoff: { type: 'exponential', delay: 1000 } },
};

/** The options the outbox relay adds a job with. */
export function jobOptions(name: JobName, jobIdValue: string, delay: number) {
  const retry = QUEUE_RETRY[JOB_QUEUE[name]];
  return {
    jobId: jobIdValue,
    delay,
    attempts: retry.attempts,
    backoff: { ...retry.backoff },
    removeOnComplete: { age: 30 * 24 * 3600 },
    removeOnFail: { age: 90 * 24 * 3600 },
  };
}

/** Milliseconds between a job's first attempt and its last under exponential backoff (BullMQ: delay·2^(n-1)). */
export function retryWindowMs(opts: { attempts: number; backoff: { delay: number } }): number {
  let total = 0;
  for (let retry = 1; retry < opts.attempts; retry++) total += opts.backoff.delay * 2 ** (retry - 1);
  return total;
}

export type JobPayload<N extends JobName> = z.infer<(typeof JOB_PAYLOADS)[N]>;

/** Deterministic job ids: the same event always yields the same id, so a retried relay never doubles a job. */
export function jobId<N extends JobName>(name: N, payload: JobPayload<N>): string {
  switch (name) {
    case JobName.SEND_EMAIL: {
      const p = payload as JobPayload<JobName.SEND_EMAIL>;
      return `${name}__${p.eventId}__${p.to}`.replace(/:/g, '_');
    }
    case JobName.SEND_INVITATION:
      return `${name}__${(payload as JobPayload<JobName.SEND_INVITATION>).invitationId}`;
    case JobName.SUBMISSION_REMINDER: {
      const p = payload as JobPayload<JobName.SUBMISSION_REMINDER>;
      return `${name}__${p.submissionId}__${p.deadline}__${p.daysBefore}`;
    }
    case JobName.COMPILE_REPORT:
      return `${name}__${(payload as JobPayload<JobName.COMPILE_REPORT>).reportId}`;
    case JobName.SEAL_SIGNED_DOCUMENT: {
      const p = payload as JobPayload<JobName.SEAL_SIGNED_DOCUMENT>;
      return p.retry ? `${name}__${p.requestId}__retry${p.retry}` : `${name}__${p.requestId}`;
    }
    case JobName.SIGNING_REMINDER: {
      const p = payload as JobPayload<JobName.SIGNING_REMINDER>;
      return `${name}__${p.requestId}__${p.round}`;
    }
    case JobName.AUDIT_CHECKPOINT: {
      const p = payload as JobPayload<JobName.AUDIT_CHECKPOINT>;
      return `${name}__${p.organisationId ?? 'all'}__${p.reason}`.replace(/:/g, '_');
    }
    default:
      throw new Error(`no job id rule for ${String(name)}`);
  }
}

export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  const schema = JOB_PAYLOADS[name] as unknown as z.ZodType<JobPayload<N>>;
  const r = schema.safeParse(data);
  if (!r.success)
    throw new Error(
      `invalid payload for job ${name}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return r.data;
}
