import { returningRows, Tx } from '@app/infra';
import { Role } from '@app/domain';

/** All SQL for signing in: a person's credentials, grants and invitation. (Factors: factors/factors.store.ts.) */

export interface PersonCredentials {
  id: string;
  password_hash: string | null;
  token_version: number;
  is_platform_admin: boolean;
}

export interface PersonProfile {
  id: string;
  email: string;
  name: string;
  is_platform_admin: boolean;
}

export interface PersonAccess {
  id: string;
  is_platform_admin: boolean;
  is_national_network: boolean;
  token_version: number;
}

export interface RoleRow {
  organisation_id: string;
  slug: string;
  role: string;
  insats_id: string | null;
  insats_key: string | null;
  title: string | null;
}

export interface GrantRow {
  organisation_id: string;
  role: Role;
  insats_id: string | null;
}

export async function personByEmail(tx: Tx, email: string): Promise<PersonCredentials | null> {
  const [p] = await tx.query(
    'SELECT id, password_hash, token_version, is_platform_admin FROM person WHERE email = $1',
    [email],
  );
  return p ?? null;
}

export async function personProfile(tx: Tx, personId: string): Promise<PersonProfile | null> {
  const [p] = await tx.query('SELECT id, email, name, is_platform_admin FROM person WHERE id = $1', [
    personId,
  ]);
  return p ?? null;
}

/** The person's roles with the förbund's slug and the insats' key, for `me`. */
export function personRoles(tx: Tx, personId: string): Promise<RoleRow[]> {
  return tx.query(
    `SELECT r.organisation_id, o.slug, r.role, r.insats_id, i.key AS insats_key, r.title
       FROM role_assignment r JOIN organisation o ON o.id = r.organisation_id LEFT JOIN insats i ON i.id = r.insats_id
      WHERE r.person_id = $1 ORDER BY o.slug, r.role, i.key`,
    [personId],
  );
}

/**
 * The person's access and grants in one statement (every request's principal is loaded with it, so one round
 * trip instead of two); null when the person does not exist.
 */
export async function personAccessWithGrants(
  tx: Tx,
  personId: string,
): Promise<(PersonAccess & { grants: GrantRow[] }) | null> {
  const [p] = await tx.query(
    `SELECT p.id, p.is_platform_admin, p.is_national_network, p.token_version,
            COALESCE(json_agg(json_build_object('organisation_id', r.organisation_id, 'role', r.role, 'insats_id', r.insats_id))
                       FILTER (WHERE r.person_id IS NOT NULL), '[]') AS grants
       FROM person p LEFT JOIN role_assignment r ON r.person_id = p.id
      WHERE p.id = $1 GROUP BY p.id`,
    [personId],
  );
  return p ?? null;
}

/** Sets the new password and revokes every token issued before; the new token version. */
export async function setPassword(tx: Tx, personId: string, hash: string): Promise<number> {
  const [row] = await returningRows<{ token_version: number }>(
    tx,
    'UPDATE person SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1 RETURNING token_version',
    [personId, hash],
  );
  return row.token_version;
}

/** Uses the invitation whose token has this hash (once, before it expires); null when there is none. */
export async function acceptInvitationByHash(
  tx: Tx,
  tokenHash: string,
  passwordHash: string,
): Promise<{ id: string; token_version: number } | null> {
  const [row] = await returningRows<{ id: string; token_version: number }>(
    tx,
    `UPDATE person SET password_hash = $2, invitation_id = NULL, invitation_token_hash = NULL, invitation_expires_at = NULL,
            token_version = token_version + 1, updated_at = now()
      WHERE invitation_token_hash = $1 AND invitation_expires_at > now()
      RETURNING id, token_version`,
    [tokenHash, passwordHash],
  );
  return row ?? null;
}

/** Creates the platform admin unless the e-mail is taken; its id, or null. */
export async function insertPlatformAdmin(tx: Tx, email: string, hash: string): Promise<string | null> {
  const [row] = await returningRows<{ id: string }>(
    tx,
    `INSERT INTO person (email, name, password_hash, is_platform_admin) VALUES ($1, 'Plattformsadministratör', $2, true)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [email, hash],
  );
  return row?.id ?? null;
}

/**
 * Opens a new invitation for the person, replacing any earlier one (whose link stops working). No token yet:
 * the worker mints the link when it mails it and stores only the link's hash (see the mail's invitation store).
 */
export async function openInvitation(
  tx: Tx,
  personId: string,
  invitationId: string,
  expires: Date,
): Promise<void> {
  await tx.query(
    'UPDATE person SET invitation_id = $2, invitation_token_hash = NULL, invitation_expires_at = $3 WHERE id = $1',
    [personId, invitationId, expires],
  );
}
