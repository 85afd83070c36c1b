import { Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { accountSender, invitationMail, MAIL_ROUTES, mintInvitationToken } from '@app/domain';
import { JobName, JobPayload, UnitOfWork } from '@app/infra';
import { JobHandler } from '../common/job-handler';
import { armInvitation } from './invitation.store';
import { Mailer } from './mailer';

/**
 * Mails an invitation's one-time link. The job names the invitation only; the token is minted here, at send
 * time, and only its hash is stored, so the secret exists nowhere but in the mail that leaves.
 */
@Injectable()
export class SendInvitationHandler implements JobHandler<JobName.SEND_INVITATION> {
  readonly name = JobName.SEND_INVITATION;
  private readonly logger = new Logger(SendInvitationHandler.name);

  constructor(
    private readonly mailer: Mailer,
    private readonly uow: UnitOfWork,
  ) {}

  async handle(
    p: JobPayload<JobName.SEND_INVITATION>,
    job: Job,
  ): Promise<{ messageId: string | null; skipped?: boolean }> {
    // Sent already (the worker died before BullMQ heard of it): minting again would kill the link just sent.
    const sent = await this.mailer.sentBefore(job.id!);
    if (sent) return { ...sent, skipped: true };
    const { token, hash } = mintInvitationToken();
    const invitation = await armInvitation(this.uow.reader, {
      personId: p.personId,
      invitationId: p.invitationId,
      to: p.to,
      tokenHash: hash,
    });
    if (!invitation) {
      this.logger.log({ invitationId: p.invitationId }, 'invitation no longer open; not mailed');
      return { messageId: null, skipped: true };
    }
    const mail = invitationMail({
      name: invitation.name,
      invitedTo: p.invitedTo,
      organisationName: accountSender(p.organisationName ? [p.organisationName] : []),
      link: `${p.baseUrl.replace(/\/+$/, '')}${MAIL_ROUTES.invitation(token)}`,
      expires: new Date(invitation.expires_at),
    });
    return this.mailer.send(job.id!, { to: p.to, ...mail });
  }
}
