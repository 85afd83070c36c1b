import type { AuditEntryContent } from '@app/domain';
import type { Tx } from '../database/unit-of-work';
import { returningRows } from '../database/sql.store';

/**
 * All SQL of the audit trail's entries: appending (unsequenced), the sequencer's chain lock, head, pending
 * entries and one-time fill, and reading a chain or an entity's history (by seq, then insert order).
 */

export interface AuditRow {
  id: string;
  organisation_id: string | null;
  seq: string | null;
  at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  from_state: string | null;
  to_state: string | null;
  payload: unknown;
  document_hash: string | null;
  prev_hash: string | null;
  hash: string | null;
  content_hash: string | null;
  insert_order: string;
}

/** Chain order: the sequenced entries by seq, then the ones still waiting for the sequencer, as inserted. */
const CHAIN_ORDER = 'seq ASC NULLS LAST, insert_order ASC';

/** Serialises the sequencers of one chain (a förbund's, or the platform's) until their transaction ends. */
export async function lockChain(tx: Tx, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [key]);
}

/** The newest sequenced entry of a chain. */
export async function chainHead(
  tx: Tx,
  organisationId: string | null,
): Promise<{ seq: string; hash: string } | undefined> {
  const [last] = await tx.query(
    `SELECT seq, hash FROM audit_entry WHERE organisation_id IS NOT DISTINCT FROM $1 AND seq IS NOT NULL
      ORDER BY seq DESC LIMIT 1`,
    [organisationId],
  );
  return last;
}

/** Appends an entry with its content hash; its place in the chain is the sequencer's to fill. */
export async function insertAuditEntry(
  tx: Tx,
  id: string,
  c: AuditEntryContent,
  contentHash: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_entry (id, organisation_id, at, actor_id, action, entity_type, entity_id, from_state, to_state, payload, document_hash, content_hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      id,
      c.organisationId,
      c.at,
      c.actorId,
      c.action,
      c.entityType,
      c.entityId,
      c.fromState,
      c.toState,
      JSON.stringify(c.payload),
      c.documentHash,
      contentHash,
    ],
  );
}

/** The chains that have entries waiting for the sequencer. */
export async function chainsWithUnsequenced(tx: Tx): Promise<Array<string | null>> {
  const rows = (await tx.query(
    'SELECT DISTINCT organisation_id FROM audit_entry WHERE seq IS NULL',
  )) as Array<{ organisation_id: string | null }>;
  return rows.map((r) => r.organisation_id);
}

/** A chain's entries waiting for the sequencer, in insert order (their ids and content hashes). */
export function unsequencedEntries(
  tx: Tx,
  organisationId: string | null,
  limit: number,
): Promise<Array<{ id: string; content_hash: string }>> {
  return tx.query(
    `SELECT id, content_hash FROM audit_entry WHERE organisation_id IS NOT DISTINCT FROM $1 AND seq IS NULL
      ORDER BY insert_order LIMIT $2`,
    [organisationId, limit],
  );
}

/**
 * The sequencer's one-time fill of many entries in one statement; `WHERE seq IS NULL` (and the trigger)
 * make a second fill of the same entry impossible. Returns the ids filled.
 */
export async function fillChainLinks(
  tx: Tx,
  links: ReadonlyArray<{ id: string; seq: number; prevHash: string | null; hash: string }>,
): Promise<string[]> {
  const rows = await returningRows<{ id: string }>(
    tx,
    `UPDATE audit_entry a SET seq = l.seq, prev_hash = l.prev_hash, hash = l.hash
       FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[]) AS l(id, seq, prev_hash, hash)
      WHERE a.id = l.id AND a.seq IS NULL
      RETURNING a.id`,
    [links.map((l) => l.id), links.map((l) => l.seq), links.map((l) => l.prevHash), links.map((l) => l.hash)],
  );
  return rows.map((r) => r.id);
}

export function chainRows(tx: Tx, organisationId: string): Promise<AuditRow[]> {
  return tx.query(`SELECT * FROM audit_entry WHERE organisation_id = $1 ORDER BY ${CHAIN_ORDER}`, [
    organisationId,
  ]);
}

export function entityRows(tx: Tx, entityType: string, entityId: string): Promise<AuditRow[]> {
  return tx.query(
    `SELECT * FROM audit_entry WHERE entity_type = $1 AND entity_id = $2 ORDER BY organisation_id, ${CHAIN_ORDER}`,
    [entityType, entityId],
  );
}
