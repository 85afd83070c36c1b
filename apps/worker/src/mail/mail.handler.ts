import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName, JobPayload } from '@app/infra';
import { JobHandler } from '../common/job-handler';
import { Mailer } from './mailer';

/** Sends one e-mail whose text (and HTML) the job carries. */
@Injectable()
export class SendEmailHandler implements JobHandler<JobName.SEND_EMAIL> {
  readonly name = JobName.SEND_EMAIL;

  constructor(private readonly mailer: Mailer) {}

  async handle(
    p: JobPayload<JobName.SEND_EMAIL>,
    job: Job,
  ): Promise<{ messageId: string | null; skipped?: boolean }> {
    const sent = await this.mailer.sentBefore(job.id!);
    if (sent) return { ...sent, skipped: true };
    return this.mailer.send(job.id!, { to: p.to, subject: p.subject, text: p.text, html: p.html });
  }
}
