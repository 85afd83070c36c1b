import { randomBytes } from 'node:crypto';
import { appendAudit, enqueueJob, JobName, WriteTx } from '@app/infra';
import { sha256 } from './auth.service';

export const INVITATION_DAYS = 14;

/**
 * A one-time link to choose a password, stored only as its hash; the e-mail goes through the outbox in the
 * caller's transaction, and the invitation is audited in the chain it belongs to (a förbund's or the platform's).
 */
export async function issueInvitation(
  tx: WriteTx,
  p: {
    personId: string;
    email: string;
    name: string;
    organisationId: string | null;
    invitedTo: string;
    baseUrl: string;
  },
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  await tx.query('UPDATE person SET invitation_token_hash = $2, invitation_expires_at = $3 WHERE id = $1', [
    p.personId,
    sha256(token),
    expires,
  ]);
  await enqueueJob(
    tx,
    JobName.SEND_EMAIL,
    {
      eventId: `invitation-${p.personId}-${expires.getTime()}`,
      to: p.email,
      subject: `Inbjudan till ${p.invitedTo}`,
      text: `Hej ${p.name}!\n\nDu har bjudits in till ${p.invitedTo} på samordningsplattformen.\nVälj ditt lösenord här (länken gäller i ${INVITATION_DAYS} dagar):\n\n${p.baseUrl}/inbjudan?token=${token}\n`,
    },
    { organisationId: p.organisationId },
  );
  await appendAudit(tx, {
    organisationId: p.organisationId,
    actorId: null,
    action: 'person.invited',
    entityType: 'person',
    entityId: p.personId,
    payload: { email: p.email, expires: expires.toISOString() },
  });
}
