import { randomUUID } from 'node:crypto';
import { INVITATION_DAYS } from '@app/domain';
import { appendAudit, enqueueJob, JobName, WriteTx } from '@app/infra';
import { openInvitation } from './auth.store';

export { INVITATION_DAYS };

/**
 * A one-time link to choose a password. The invitation is opened here and its mail queued through the outbox
 * in the caller's transaction, naming the invitation only: the worker mints the link when it sends the mail
 * and keeps only its hash, so no outbox row or Redis job ever holds the secret. The invitation is audited in
 * the chain it belongs to (a förbund's or the platform's).
 */
export async function issueInvitation(
  tx: WriteTx,
  p: {
    personId: string;
    email: string;
    name: string;
    organisationId: string | null;
    invitedTo: string;
    /** The inviting förbund's name (signs the mail); none for the platform's own invitations. */
    organisationName?: string;
    baseUrl: string;
  },
): Promise<void> {
  const invitationId = randomUUID();
  const expires = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  await openInvitation(tx, p.personId, invitationId, expires);
  await enqueueJob(
    tx,
    JobName.SEND_INVITATION,
    {
      invitationId,
      personId: p.personId,
      to: p.email,
      invitedTo: p.invitedTo,
      organisationName: p.organisationName,
      baseUrl: p.baseUrl,
    },
    { organisationId: p.organisationId },
  );
  await appendAudit(tx, {
    organisationId: p.organisationId,
    actorId: null,
    action: 'person.invited',
    entityType: 'person',
    entityId: p.personId,
    payload: { email: p.email, expires: expires.toISOString(), invitationId },
  });
}
