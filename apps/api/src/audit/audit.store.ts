import { AuditRow, Tx } from '@app/infra';

export type AuditTrailRow = AuditRow & { actor_name: string | null };

/**
 * A förbund's audit entries with the actor's name, newest first (the ones the sequencer has not chained yet
 * first, newest inserted first; then by seq), optionally about one object.
 */
export function auditTrail(
  tx: Tx,
  q: { organisationId: string; entityType: string | null; entityId: string | null; limit: number },
): Promise<AuditTrailRow[]> {
  return tx.query(
    `SELECT a.*, p.name AS actor_name FROM audit_entry a LEFT JOIN person p ON p.id = a.actor_id
      WHERE a.organisation_id = $1 AND ($2::text IS NULL OR a.entity_type = $2) AND ($3::text IS NULL OR a.entity_id = $3)
      ORDER BY a.seq DESC NULLS FIRST, a.insert_order DESC LIMIT $4`,
    [q.organisationId, q.entityType, q.entityId, q.limit],
  );
}
