import { kansliMayRename, OrganisationBundle } from '@app/domain';
import { AppConfig, appendAudit, WriteTx } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { OrganisationError } from '../common/errors/error-codes';
import { sendInvitation } from './invitation';
import { renamePerson } from './person-changes';
import * as store from './people.store';

/** Who applies the bundle: the platform administrator (or the operator's CLI), or the förbund's own kansli. */
export type BundleEditor = 'PLATFORM_ADMIN' | 'KANSLI';

export interface PeopleSync {
  organisationId: string;
  bundle: OrganisationBundle;
  hashes: Map<string, string>;
  insatsIds: Map<string, string>;
  actorId: string | null;
  editor: BundleEditor;
}

/**
 * Makes the förbund's people, memberships and roles those of the bundle. The global person (name, e-mail) is the
 * person's own: the kansli names a person it creates, and renames only someone nobody else has yet (no account of
 * their own, no other förbund); a person who joins from elsewhere keeps their name. What the förbund keeps about a
 * person (personnummer, roles, titles) is written to this förbund's membership and roles only.
 */
export async function syncPeople(
  tx: WriteTx,
  config: AppConfig,
  s: PeopleSync,
): Promise<{ changes: number; invitations: number }> {
  const { organisationId, bundle: b, hashes } = s;
  let changes = 0;
  let invitations = 0;
  const personIds = new Map<string, string>();
  for (const p of b.people) {
    const email = p.email.toLowerCase();
    const row = await store.personByEmail(tx, email);
    let id: string;
    if (!row) {
      id = await store.insertPerson(tx, { email, name: p.name, passwordHash: hashes.get(email) ?? null });
      changes++;
    } else {
      id = row.id;
      if (row.name !== p.name && (await mayRename(tx, s, row))) {
        await renamePerson(tx, row, p.name, s.editor, s.actorId);
        changes++;
      }
      if (!row.hasPassword && hashes.has(email)) {
        await store.setPasswordHash(tx, id, hashes.get(email)!);
        changes++;
      }
    }
    // A membership is held by roles: one without any would be ended again below.
    if (p.roles.length && (await store.ensureMembership(tx, organisationId, id))) changes++;
    if (p.personalNumber && (await store.setPersonalNumber(tx, organisationId, id, p.personalNumber))) {
      await appendAudit(tx, {
        organisationId,
        actorId: s.actorId,
        action: 'person.personal_number_changed',
        entityType: 'person',
        entityId: id,
        payload: { registered: true },
      });
      changes++;
    }
    personIds.set(email, id);
    const needsInvite =
      !hashes.has(email) &&
      !row?.hasPassword &&
      !(row?.invitationExpiresAt && new Date(row.invitationExpiresAt) > new Date());
    if (needsInvite) {
      await sendInvitation(tx, config, {
        organisationId,
        personId: id,
        email,
        name: row?.name ?? p.name,
        orgName: b.organisation.name,
      });
      invitations++;
      changes++;
    }
  }
  changes += await syncRoles(tx, s, personIds);
  changes += await store.removeMembershipsWithoutRoles(tx, organisationId);
  return { changes, invitations };
}

/**
 * Whether this bundle may change the person's name. The kansli may not rename someone who is also someone else's;
 * doing so on a person of its own is refused, while a person who joins from elsewhere keeps their own name.
 */
async function mayRename(tx: WriteTx, s: PeopleSync, row: store.PersonRow): Promise<boolean> {
  if (s.editor === 'PLATFORM_ADMIN') return true;
  const orgs = await store.membershipsOf(tx, row.id);
  const ok = kansliMayRename({
    hasPassword: row.hasPassword,
    otherOrganisations: orgs.filter((o) => o !== s.organisationId).length,
    isPlatformAdmin: row.isPlatformAdmin,
  });
  if (ok) return true;
  if (!orgs.includes(s.organisationId)) return false;
  throw new AppError(
    OrganisationError.PERSON_NAME_LOCKED,
    `Namnet på ${row.email} ändras bara av personen själv (under Mitt konto) eller av plattformens administratör.`,
    {
      details: [
        { path: '$.person.name', message: 'ändras bara av personen själv eller plattformens administratör' },
      ],
    },
  );
}

/** Role assignments in this förbund: exactly those of the bundle. */
async function syncRoles(tx: WriteTx, s: PeopleSync, personIds: Map<string, string>): Promise<number> {
  let changes = 0;
  const desired = s.bundle.people.flatMap((p) =>
    p.roles.map((r) => ({
      personId: personIds.get(p.email.toLowerCase())!,
      role: r.role as string,
      insatsId: r.insats ? s.insatsIds.get(r.insats)! : null,
      partyKey: r.party ?? null,
      title: r.title ?? null,
    })),
  );
  const current = await store.roleAssignments(tx, s.organisationId);
  const k = (r: { personId: string; role: string; insatsId: string | null }) =>
    `${r.personId}|${r.role}|${r.insatsId ?? ''}`;
  const currentByKey = new Map(current.map((r) => [k(r), r]));
  const desiredKeys = new Set(desired.map(k));
  for (const d of desired) {
    const c = currentByKey.get(k(d));
    if (!c) {
      await store.insertRoleAssignment(tx, s.organisationId, d);
      changes++;
    } else if (c.partyKey !== d.partyKey || c.title !== d.title) {
      await store.updateRoleAssignment(tx, c.id, d.partyKey, d.title);
      changes++;
    }
  }
  for (const c of current) {
    if (!desiredKeys.has(k(c))) {
      await store.deleteRoleAssignment(tx, c.id);
      changes++;
    }
  }
  return changes;
}
