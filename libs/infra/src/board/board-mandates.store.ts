import type { BoardMandate, MandateGender, MandateRole } from '@app/domain';
import { returningRows } from '../database/sql.store';
import { Tx } from '../database/unit-of-work';

/**
 * All SQL of board mandates (issue 18.2), read by the API (the kansli's board, signing) and the worker (the board a
 * report prints). Typed rows in and out; dates as YYYY-MM-DD.
 */
export interface MandateRow extends BoardMandate {
  id: string;
  email: string;
  /** The appointing party's name; null for a revisor appointed by the förbund. */
  partyName: string | null;
  gender: MandateGender | null;
  version: number;
}

const COLUMNS = `m.id, m.person_id AS "personId", p.name, p.email, m.role, m.title, m.appointed_by AS "appointedBy",
  pa.name AS "partyName", to_char(m.valid_from, 'YYYY-MM-DD') AS "from", to_char(m.valid_to, 'YYYY-MM-DD') AS "to",
  m.gender, m.version`;
const FROM = `board_mandate m JOIN person p ON p.id = m.person_id
  LEFT JOIN party pa ON pa.organisation_id = m.organisation_id AND pa.key = m.appointed_by`;

/** Every mandate of the förbund, past and present, in the board's order is left to the caller. */
export function boardMandates(tx: Tx, organisationId: string): Promise<MandateRow[]> {
  return tx.query(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE m.organisation_id = $1 ORDER BY m.role, m.valid_from NULLS FIRST, p.name`,
    [organisationId],
  );
}

export async function boardMandate(
  tx: Tx,
  id: string,
): Promise<(MandateRow & { organisationId: string }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await tx.query(
    `SELECT ${COLUMNS}, m.organisation_id AS "organisationId" FROM ${FROM} WHERE m.id = $1`,
    [id],
  );
  return row ?? null;
}

export interface MandateWrite {
  personId: string;
  role: MandateRole;
  title: string | null;
  appointedBy: string | null;
  from: string | null;
  to: string | null;
  gender: MandateGender | null;
}

export async function insertBoardMandate(tx: Tx, organisationId: string, m: MandateWrite): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO board_mandate (organisation_id, person_id, role, title, appointed_by, valid_from, valid_to, gender)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
    [organisationId, m.personId, m.role, m.title, m.appointedBy, m.from, m.to, m.gender],
  );
  return row.id;
}

/** Changes a mandate if it is still at `version` (null: whatever it is); the new version, or null. */
export async function updateBoardMandate(
  tx: Tx,
  id: string,
  version: number | null,
  m: MandateWrite,
): Promise<number | null> {
  const rows = await returningRows<{ version: number }>(
    tx,
    `UPDATE board_mandate SET person_id = $3, role = $4, title = $5, appointed_by = $6, valid_from = $7, valid_to = $8,
            gender = $9, version = version + 1, updated_at = now()
      WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING version`,
    [id, version, m.personId, m.role, m.title, m.appointedBy, m.from, m.to, m.gender],
  );
  return rows.length ? rows[0].version : null;
}

export async function deleteBoardMandate(tx: Tx, id: string, version: number | null): Promise<boolean> {
  const rows = await returningRows(
    tx,
    'DELETE FROM board_mandate WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING 1',
    [id, version],
  );
  return rows.length > 0;
}

/**
 * The board role that gives a mandate holder access (reading reports, signing): added when missing, with the
 * mandate's party and title; an existing role is left as it is. True when added.
 */
export async function ensureBoardRole(
  tx: Tx,
  organisationId: string,
  m: Pick<MandateWrite, 'personId' | 'role' | 'appointedBy' | 'title'>,
): Promise<boolean> {
  await tx.query(
    'INSERT INTO membership (organisation_id, person_id) VALUES ($1,$2) ON CONFLICT DO NOTHING',
    [organisationId, m.personId],
  );
  const rows = await tx.query(
    `INSERT INTO role_assignment (person_id, organisation_id, role, party_key, title)
     SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS
       (SELECT 1 FROM role_assignment WHERE person_id = $1 AND organisation_id = $2 AND role = $3 AND insats_id IS NULL)
     RETURNING 1`,
    [m.personId, organisationId, m.role, m.appointedBy, m.title ?? null],
  );
  return rows.length > 0;
}

/** Whether the person belongs to the förbund (has a membership there). */
export async function isMember(tx: Tx, organisationId: string, personId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return false;
  const rows = await tx.query('SELECT 1 FROM membership WHERE organisation_id = $1 AND person_id = $2', [
    organisationId,
    personId,
  ]);
  return rows.length > 0;
}

/** The keys of the förbund's parties (who may appoint). */
export async function partyKeys(tx: Tx, organisationId: string): Promise<Set<string>> {
  const rows: Array<{ key: string }> = await tx.query('SELECT key FROM party WHERE organisation_id = $1', [
    organisationId,
  ]);
  return new Set(rows.map((r) => r.key));
}

/**
 * Takes the board role away when the person holds no mandate in it any more (a mandate removed as a mistake);
 * otherwise the next bundle import would seat them again with an open-ended mandate. True when removed.
 */
export async function removeUnmandatedBoardRole(
  tx: Tx,
  organisationId: string,
  personId: string,
  role: string,
): Promise<boolean> {
  const rows = await returningRows(
    tx,
    `DELETE FROM role_assignment r WHERE r.organisation_id = $1 AND r.person_id = $2 AND r.role = $3 AND r.insats_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM board_mandate m WHERE m.organisation_id = $1 AND m.person_id = $2 AND m.role = $3)
      RETURNING 1`,
    [organisationId, personId, role],
  );
  return rows.length > 0;
}

/** The ids of the people with these e-mails (lower case), in one read. */
export async function personIdsByEmail(tx: Tx, emails: string[]): Promise<Map<string, string>> {
  if (!emails.length) return new Map();
  const rows: Array<{ id: string; email: string }> = await tx.query(
    'SELECT id, email FROM person WHERE email = ANY($1)',
    [emails],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}
