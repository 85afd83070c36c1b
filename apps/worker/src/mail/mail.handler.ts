import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import nodemailer, { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig, JobName, JobPayload } from '@app/infra';
import { JobHandler } from '../common/job-handler';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../common/tokens';
import { logSentMail, sentByJob } from './mail.store';

/** Sends one e-mail over SMTP (nodemailer). Without SMTP_URL it logs the mail instead of sending it. */
@Injectable()
export class SendEmailHandler implements JobHandler<JobName.SEND_EMAIL> {
  readonly name = JobName.SEND_EMAIL;
  private readonly logger = new Logger(SendEmailHandler.name);
  private readonly transport: Transporter;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
  ) {
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ jsonTransport: true });
  }

  async handle(
    p: JobPayload<JobName.SEND_EMAIL>,
    job: Job,
  ): Promise<{ messageId: string | null; skipped?: boolean }> {
    // A job that already sent (the worker died before BullMQ heard of it) is not sent twice.
    const sent = await sentByJob(this.ds.manager, job.id!);
    if (sent) return { messageId: sent.message_id, skipped: true };
    const info = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: p.to,
      subject: p.subject,
      text: p.text,
    });
    await logSentMail(this.ds.manager, {
      jobId: job.id!,
      to: p.to,
      subject: p.subject,
      messageId: info.messageId ?? null,
    });
    if (!this.config.SMTP_URL)
      this.logger.log({ to: p.to, subject: p.subject }, 'e-mail not sent (no SMTP_URL); logged instead');
    return { messageId: info.messageId ?? null };
  }
}
