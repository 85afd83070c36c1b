import { Tx } from '../database/unit-of-work';

/** One person holding one of the asked-for roles in a förbund. */
export interface PersonWithRole {
  personId: string;
  name: string;
  email: string;
  role: string;
  title: string | null;
  partyKey: string | null;
}

export interface PeopleQuery {
  organisationId: string;
  roles: readonly string[];
  /**
   * The insats the question is about. Given: förbund-wide assignments and those for this insats count;
   * omitted: förbund-wide assignments only.
   */
  insatsId?: string | null;
}

/**
 * "Who holds role R here": the one query for it. A person with the role twice (förbund-wide and for the
 * insats) appears once per role; ordered by role as asked, then e-mail, so callers are deterministic.
 */
export async function peopleWithRole(tx: Tx, q: PeopleQuery): Promise<PersonWithRole[]> {
  if (!q.roles.length) return [];
  return tx.query(
    `SELECT DISTINCT ON (array_position($2::text[], r.role), p.email, r.role)
            p.id AS "personId", p.name, p.email, r.role, r.title, r.party_key AS "partyKey"
       FROM role_assignment r JOIN person p ON p.id = r.person_id
      WHERE r.organisation_id = $1 AND r.role = ANY($2::text[])
        AND (r.insats_id IS NULL OR r.insats_id = $3::uuid)
      ORDER BY array_position($2::text[], r.role), p.email, r.role, r.insats_id NULLS FIRST`,
    [q.organisationId, [...q.roles], q.insatsId ?? null],
  );
}

/** The names of the förbund a person has a role in (by name), for mail about the person's own account. */
export async function organisationNamesOf(tx: Tx, personId: string): Promise<string[]> {
  const rows: Array<{ name: string }> = await tx.query(
    `SELECT DISTINCT o.name FROM role_assignment r JOIN organisation o ON o.id = r.organisation_id
      WHERE r.person_id = $1 ORDER BY o.name`,
    [personId],
  );
  return rows.map((r) => r.name);
}
