import type { AuditContent } from '@app/domain';
import type { Tx } from '../database/unit-of-work';

/** All SQL of the audit trail's entries: the chain lock, its head, appending, reading a chain or an entity. */

export interface AuditRow {
  id: string;
  organisation_id: string | null;
  seq: string;
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
  hash: string;
}

/** Serialises writers of one chain (a förbund's, or the platform's) until the transaction ends. */
export async function lockChain(tx: Tx, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [key]);
}

export async function chainHead(
  tx: Tx,
  organisationId: string | null,
): Promise<{ seq: string; hash: string } | undefined> {
  const [last] = await tx.query(
    'SELECT seq, hash FROM audit_entry WHERE organisation_id IS NOT DISTINCT FROM $1 ORDER BY seq DESC LIMIT 1',
    [organisationId],
  );
  return last;
}

export async function insertAuditEntry(tx: Tx, id: string, c: AuditContent, hash: string): Promise<void> {
  await tx.query(
    `INSERT INTO audit_entry (id, organisation_id, seq, at, actor_id, action, entity_type, entity_id, from_state, to_state, payload, document_hash, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
      id,
      c.organisationId,
      c.seq,
      c.at,
      c.actorId,
      c.action,
      c.entityType,
      c.entityId,
      c.fromState,
      c.toState,
      JSON.stringify(c.payload),
      c.documentHash,
      c.prevHash,
      hash,
    ],
  );
}

export function chainRows(tx: Tx, organisationId: string): Promise<AuditRow[]> {
  return tx.query('SELECT * FROM audit_entry WHERE organisation_id = $1 ORDER BY seq', [organisationId]);
}

export function entityRows(tx: Tx, entityType: string, entityId: string): Promise<AuditRow[]> {
  return tx.query(
    'SELECT * FROM audit_entry WHERE entity_type = $1 AND entity_id = $2 ORDER BY organisation_id, seq',
    [entityType, entityId],
  );
}
