import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig, appendAudit, enqueueJob, JobName } from '@app/infra';
import { sha256 } from '../auth/auth.service';

const INVITATION_DAYS = 14;

export interface InvitationFor {
  organisationId: string;
  personId: string;
  email: string;
  name: string;
  orgName: string;
}

/** A one-time link, stored only as its hash; the e-mail goes through the outbox with this transaction. */
export async function sendInvitation(
  em: EntityManager,
  config: AppConfig,
  { organisationId, personId, email, name, orgName }: InvitationFor,
): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
  await em.query('UPDATE person SET invitation_token_hash = $2, invitation_expires_at = $3 WHERE id = $1', [
    personId,
    sha256(token),
    expires,
  ]);
  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  await enqueueJob(
    em,
    JobName.SEND_EMAIL,
    {
      eventId: `invitation-${personId}-${expires.getTime()}`,
      to: email,
      subject: `Inbjudan till ${orgName}`,
      text: `Hej ${name}!\n\nDu har bjudits in till ${orgName} på samordningsplattformen.\nVälj ditt lösenord här (länken gäller i ${INVITATION_DAYS} dagar):\n\n${base}/inbjudan?token=${token}\n`,
    },
    { organisationId },
  );
  await appendAudit(em, {
    organisationId,
    actorId: null,
    action: 'person.invited',
    entityType: 'person',
    entityId: personId,
    payload: { email, expires: expires.toISOString() },
  });
}
