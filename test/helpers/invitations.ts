import { Job } from 'bullmq';
import { JobName, loadConfig, parseJobPayload, UnitOfWork } from '@app/infra';
import { SendInvitationHandler } from '../../apps/worker/src/mail/invitation.handler';
import { Mailer } from '../../apps/worker/src/mail/mailer';
import { CaughtMail, MailCatcher } from './mail';
import { TestApi } from './api';

/** The one-time token in an invitation mail's link. */
export function invitationToken(mail: CaughtMail): string | undefined {
  return /inbjudan\?token=([\w-]+)/.exec(mail.text)?.[1];
}

/**
 * Runs the worker's invitation handler on the newest invitation queued for `email` (without BullMQ), sends the
 * mail over real SMTP to a local catcher and returns what arrived; `jobId` stands in for a retried job.
 */
export async function deliverInvitation(
  api: TestApi,
  email: string,
  jobId?: string,
): Promise<{ mail: CaughtMail; token: string }> {
  const [row] = await api.ds.query(
    `SELECT job_id, payload FROM outbox WHERE job_name = $1 AND payload->>'to' = $2 ORDER BY created_at DESC LIMIT 1`,
    [JobName.SEND_INVITATION, email],
  );
  if (!row) throw new Error(`no invitation queued for ${email}`);
  const catcher = new MailCatcher();
  await catcher.start();
  try {
    const uow = new UnitOfWork(api.ds);
    const mailer = new Mailer({ ...loadConfig(), SMTP_URL: catcher.url }, uow);
    const handler = new SendInvitationHandler(mailer, uow);
    const r = await handler.handle(parseJobPayload(JobName.SEND_INVITATION, row.payload), {
      id: jobId ?? row.job_id,
    } as Job);
    if (r.skipped) throw new Error(`the invitation for ${email} was not mailed (skipped)`);
    const [mail] = await catcher.waitFor((m) => m.length > 0, 5000);
    if (!mail) throw new Error(`no invitation mail arrived for ${email}`);
    const token = invitationToken(mail);
    if (!token) throw new Error(`the invitation mail has no link: ${mail.text}`);
    return { mail, token };
  } finally {
    await catcher.stop();
  }
}
