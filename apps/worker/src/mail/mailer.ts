import { Inject, Injectable, Logger } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig, UnitOfWork } from '@app/infra';
import { WORKER_CONFIG } from '../common/tokens';
import { logSentMail, sentByJob } from './mail.store';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative; mail clients show it, the text part stays for those that do not. */
  html?: string;
}

/**
 * Sends e-mail over SMTP (nodemailer) and logs it per job, so a job that already sent (the worker died before
 * BullMQ heard of it) is not sent twice. Without SMTP_URL it logs the mail instead of sending it.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ jsonTransport: true });
  }

  /** The message id of what this job already sent, or undefined when it has sent nothing yet. */
  async sentBefore(jobId: string): Promise<{ messageId: string | null } | undefined> {
    const sent = await sentByJob(this.uow.reader, jobId);
    return sent ? { messageId: sent.message_id } : undefined;
  }

  async send(jobId: string, mail: OutgoingMail): Promise<{ messageId: string | null }> {
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
    await logSentMail(this.uow.reader, {
      jobId,
      to: mail.to,
      subject: mail.subject,
      messageId: info.messageId ?? null,
    });
    if (!this.config.SMTP_URL)
      this.logger.log(
        { to: mail.to, subject: mail.subject },
        'e-mail not sent (no SMTP_URL); logged instead',
      );
    return { messageId: info.messageId ?? null };
  }
}
