import { accountSender, emailChangedMail, MAIL_ROUTES, ProfileEditor } from '@app/domain';
import { appendAudit, enqueueJob, JobName, organisationNamesOf, WriteTx } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { CommonError } from '../common/errors/error-codes';
import * as people from './people.store';

/**
 * Changes of the global person (name, e-mail), audited in every förbund the person belongs to (each förbund's chain
 * shows what changed about its people), or in the platform's chain for someone who belongs to none.
 */
async function auditEverywhere(
  tx: WriteTx,
  personId: string,
  write: (organisationId: string | null) => Promise<unknown>,
): Promise<void> {
  const orgs = await people.membershipsOf(tx, personId);
  for (const organisationId of orgs.length ? orgs : [null]) await write(organisationId);
}

export async function renamePerson(
  tx: WriteTx,
  p: { id: string; name: string },
  name: string,
  by: ProfileEditor,
  actorId: string | null,
): Promise<boolean> {
  if (p.name === name) return false;
  await people.setPersonName(tx, p.id, name);
  await auditEverywhere(tx, p.id, (organisationId) =>
    appendAudit(tx, {
      organisationId,
      actorId,
      action: 'person.renamed',
      entityType: 'person',
      entityId: p.id,
      payload: { from: p.name, to: name, by },
    }),
  );
  return true;
}

export async function changePersonEmail(
  tx: WriteTx,
  p: { id: string; email: string },
  email: string,
  by: 'SELF' | 'PLATFORM_ADMIN',
  actorId: string,
  baseUrl: string,
): Promise<boolean> {
  if (p.email === email) return false;
  if (!(await people.setPersonEmail(tx, p.id, email)))
    throw new AppError(CommonError.BAD_USER_INPUT, 'E-postadressen används redan av någon annan.', {
      details: [{ path: '$.email', message: 'används redan av någon annan' }],
    });
  // The old address hears of it, so a change the person did not make does not pass unnoticed.
  await enqueueJob(tx, JobName.SEND_EMAIL, {
    eventId: `email-changed-${p.id}-${email}`,
    to: p.email,
    ...emailChangedMail({
      newEmail: email,
      at: new Date(),
      organisationName: accountSender(await organisationNamesOf(tx, p.id)),
      link: `${baseUrl}${MAIL_ROUTES.account()}`,
    }),
  });
  await auditEverywhere(tx, p.id, (organisationId) =>
    appendAudit(tx, {
      organisationId,
      actorId,
      action: 'person.email_changed',
      entityType: 'person',
      entityId: p.id,
      payload: { from: p.email, to: email, by },
    }),
  );
  return true;
}
