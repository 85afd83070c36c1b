import { EntityManager } from 'typeorm';
import { AppConfig } from '@app/infra';
import { issueInvitation } from '../auth/invitation';

export interface InvitationFor {
  organisationId: string;
  personId: string;
  email: string;
  name: string;
  orgName: string;
}

/** A förbund's invitation: a one-time link, stored only as its hash, mailed through the outbox in this transaction. */
export async function sendInvitation(
  em: EntityManager,
  config: AppConfig,
  { organisationId, personId, email, name, orgName }: InvitationFor,
): Promise<void> {
  await issueInvitation(em, {
    personId,
    email,
    name,
    organisationId,
    invitedTo: orgName,
    organisationName: orgName,
    baseUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
  });
}
