import { groupRows, returningRows, Tx } from '@app/infra';

/** The global person: only what is the person's own (name, e-mail, account). */
export interface PersonRow {
  id: string;
  email: string;
  name: string;
  hasPassword: boolean;
  isPlatformAdmin: boolean;
  invitationExpiresAt: Date | null;
}

const PERSON_COLUMNS = `id, email, name, password_hash IS NOT NULL AS "hasPassword", is_platform_admin AS "isPlatformAdmin",
  invitation_expires_at AS "invitationExpiresAt"`;

/** A person as one förbund keeps them: the global name and e-mail, this förbund's roles and personnummer. */
export interface MemberRow {
  id: string;
  name: string;
  email: string;
  hasPassword: boolean;
  isPlatformAdmin: boolean;
  roles: string[];
  assignments: Array<{ role: string; insats: string | null; party: string | null; title: string | null }>;
  personalNumber: string | null;
  otherOrganisations: number;
}

/** A role in one förbund (titles are per förbund and per role). */
export interface RoleAssignmentRow {
  id: string;
  personId: string;
  role: string;
  insatsId: string | null;
  partyKey: string | null;
  title: string | null;
}

/** Serialises every change of one förbund's set-up (bundle imports and the kansli's edits). */
export async function lockBundle(tx: Tx, slug: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 11))', [`bundle:${slug}`]);
}

export async function personByEmail(tx: Tx, email: string): Promise<PersonRow | null> {
  const [row] = await tx.query(`SELECT ${PERSON_COLUMNS} FROM person WHERE email = $1`, [email]);
  return row ?? null;
}

export async function personById(tx: Tx, id: string): Promise<PersonRow | null> {
  const [row] = await tx.query(`SELECT ${PERSON_COLUMNS} FROM person WHERE id = $1`, [id]);
  return row ?? null;
}

/** The e-mails among these that already have a password. */
export async function emailsWithPassword(tx: Tx, emails: string[]): Promise<Set<string>> {
  const rows: Array<{ email: string }> = await tx.query(
    'SELECT email FROM person WHERE email = ANY($1) AND password_hash IS NOT NULL',
    [emails],
  );
  return new Set(rows.map((r) => r.email));
}

export async function insertPerson(
  tx: Tx,
  p: { email: string; name: string; passwordHash: string | null },
): Promise<string> {
  const [row] = await tx.query(
    'INSERT INTO person (email, name, password_hash) VALUES ($1,$2,$3) RETURNING id',
    [p.email, p.name, p.passwordHash],
  );
  return row.id;
}

export async function setPersonName(tx: Tx, id: string, name: string): Promise<void> {
  await tx.query('UPDATE person SET name = $2, updated_at = now() WHERE id = $1', [id, name]);
}

/** False when another person already has the e-mail. */
export async function setPersonEmail(tx: Tx, id: string, email: string): Promise<boolean> {
  const rows = await returningRows(
    tx,
    `UPDATE person SET email = $2, updated_at = now() WHERE id = $1
        AND NOT EXISTS (SELECT 1 FROM person o WHERE o.email = $2 AND o.id <> $1) RETURNING id`,
    [id, email],
  );
  return rows.length > 0;
}

/** The password hashes of these people, in the same order (null: no password). */
export async function passwordHashes(tx: Tx, ids: string[]): Promise<Array<string | null>> {
  const rows: Array<{ id: string; password_hash: string | null }> = await tx.query(
    'SELECT id, password_hash FROM person WHERE id = ANY($1)',
    [ids],
  );
  return ids.map((id) => rows.find((r) => r.id === id)?.password_hash ?? null);
}

export async function setPasswordHash(tx: Tx, id: string, hash: string): Promise<void> {
  await tx.query('UPDATE person SET password_hash = $2, updated_at = now() WHERE id = $1', [id, hash]);
}

/** The förbund a person belongs to (one membership each). */
export async function membershipsOf(tx: Tx, personId: string): Promise<string[]> {
  const rows: Array<{ organisation_id: string }> = await tx.query(
    'SELECT organisation_id FROM membership WHERE person_id = $1 ORDER BY organisation_id',
    [personId],
  );
  return rows.map((r) => r.organisation_id);
}

export async function membership(
  tx: Tx,
  organisationId: string,
  personId: string,
): Promise<{ personalNumber: string | null } | null> {
  const [row] = await tx.query(
    'SELECT personal_number AS "personalNumber" FROM membership WHERE organisation_id = $1 AND person_id = $2',
    [organisationId, personId],
  );
  return row ?? null;
}

/** Makes the person a member of the förbund (if not yet); true when the row is new. */
export async function ensureMembership(tx: Tx, organisationId: string, personId: string): Promise<boolean> {
  const rows = await tx.query(
    'INSERT INTO membership (organisation_id, person_id) VALUES ($1,$2) ON CONFLICT DO NOTHING RETURNING 1',
    [organisationId, personId],
  );
  return rows.length > 0;
}

/** This förbund's personnummer for the person; true when it changed. */
export async function setPersonalNumber(
  tx: Tx,
  organisationId: string,
  personId: string,
  personalNumber: string | null,
): Promise<boolean> {
  const rows = await returningRows(
    tx,
    `UPDATE membership SET personal_number = $3, updated_at = now()
      WHERE organisation_id = $1 AND person_id = $2 AND personal_number IS DISTINCT FROM $3 RETURNING 1`,
    [organisationId, personId, personalNumber],
  );
  return rows.length > 0;
}

/** Ends the memberships in the förbund that no role holds any more (with what the förbund kept); how many. */
export async function removeMembershipsWithoutRoles(tx: Tx, organisationId: string): Promise<number> {
  const rows = await returningRows(
    tx,
    `DELETE FROM membership m WHERE m.organisation_id = $1
        AND NOT EXISTS (SELECT 1 FROM role_assignment r WHERE r.organisation_id = m.organisation_id AND r.person_id = m.person_id)
      RETURNING 1`,
    [organisationId],
  );
  return rows.length;
}

export function roleAssignments(tx: Tx, organisationId: string): Promise<RoleAssignmentRow[]> {
  return tx.query(
    `SELECT id, person_id AS "personId", role, insats_id AS "insatsId", party_key AS "partyKey", title
       FROM role_assignment WHERE organisation_id = $1`,
    [organisationId],
  );
}

export async function insertRoleAssignment(
  tx: Tx,
  organisationId: string,
  r: Omit<RoleAssignmentRow, 'id'>,
): Promise<void> {
  await tx.query(
    'INSERT INTO role_assignment (person_id, organisation_id, role, insats_id, party_key, title) VALUES ($1,$2,$3,$4,$5,$6)',
    [r.personId, organisationId, r.role, r.insatsId, r.partyKey, r.title],
  );
}

export async function updateRoleAssignment(
  tx: Tx,
  id: string,
  partyKey: string | null,
  title: string | null,
): Promise<void> {
  await tx.query('UPDATE role_assignment SET party_key = $2, title = $3 WHERE id = $1', [
    id,
    partyKey,
    title,
  ]);
}

export async function deleteRoleAssignment(tx: Tx, id: string): Promise<void> {
  await tx.query('DELETE FROM role_assignment WHERE id = $1', [id]);
}

/** The förbund's people as it keeps them; `otherOrganisations` counts memberships elsewhere (never which). */
export async function members(tx: Tx, organisationId: string): Promise<MemberRow[]> {
  return (await membersOf(tx, [organisationId])).get(organisationId) ?? [];
}

/** {@link members} of several förbund in one query (the field resolver's batch), keyed by förbund. */
export async function membersOf(
  tx: Tx,
  organisationIds: readonly string[],
): Promise<Map<string, MemberRow[]>> {
  return groupRows(
    await tx.query(
      `SELECT m.organisation_id AS "of", p.id, p.name, p.email, p.password_hash IS NOT NULL AS "hasPassword",
              p.is_platform_admin AS "isPlatformAdmin", m.personal_number AS "personalNumber",
              (SELECT count(*)::int FROM membership o WHERE o.person_id = p.id AND o.organisation_id <> m.organisation_id)
                AS "otherOrganisations",
              array_agg(r.role || COALESCE(':' || i.key, '') ORDER BY r.role, i.key) AS roles,
              json_agg(json_build_object('role', r.role, 'insats', i.key, 'party', r.party_key, 'title', r.title)
                       ORDER BY r.role, i.key) AS assignments
         FROM membership m JOIN person p ON p.id = m.person_id
         JOIN role_assignment r ON r.organisation_id = m.organisation_id AND r.person_id = p.id
         LEFT JOIN insats i ON i.id = r.insats_id
        WHERE m.organisation_id = ANY($1) GROUP BY p.id, m.organisation_id, m.personal_number
        ORDER BY m.organisation_id, p.name`,
      [organisationIds],
    ),
  );
}
