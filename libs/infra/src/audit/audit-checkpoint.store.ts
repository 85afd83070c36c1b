import { EntityManager } from 'typeorm';
import { AuditCheckpoint, checkpointKey, signCheckpoint } from '@app/domain';
import { AppConfig } from '../config/config.schema';

type Tx = Pick<EntityManager, 'query'>;

/** Used only outside production when AUDIT_CHECKPOINT_SECRET is not set. */
const DEV_CHECKPOINT_SECRET = 'samordning-dev-only-audit-checkpoint-secret';

/** The key checkpoints are signed with; production refuses to run without a secret of its own. */
export function auditCheckpointKey(config: Pick<AppConfig, 'NODE_ENV' | 'AUDIT_CHECKPOINT_SECRET'>): Buffer {
  if (!config.AUDIT_CHECKPOINT_SECRET && config.NODE_ENV === 'production')
    throw new Error('AUDIT_CHECKPOINT_SECRET is required in production');
  return checkpointKey(config.AUDIT_CHECKPOINT_SECRET ?? DEV_CHECKPOINT_SECRET);
}

/**
 * A förbund's newest sequenced audit entry (for the sealed PDF and for checkpoints); null before the first
 * one. Entries the sequencer has not chained yet are not part of the head.
 */
export async function auditHead(
  tx: Tx,
  organisationId: string,
): Promise<{ seq: number; hash: string } | null> {
  const [row] = (await tx.query(
    'SELECT seq, hash FROM audit_entry WHERE organisation_id = $1 AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1',
    [organisationId],
  )) as Array<{ seq: string; hash: string }>;
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/** The förbund's last signed checkpoint, or null. */
export async function latestAuditCheckpoint(
  tx: Tx,
  organisationId: string,
): Promise<{ checkpoint: AuditCheckpoint; signature: string } | null> {
  const [row] = (await tx.query(
    `SELECT organisation_id, seq, hash, at, signature FROM audit_checkpoint
      WHERE organisation_id = $1 ORDER BY seq DESC, id DESC LIMIT 1`,
    [organisationId],
  )) as Array<{ organisation_id: string; seq: string; hash: string; at: Date; signature: string }>;
  if (!row) return null;
  return {
    checkpoint: {
      organisationId: row.organisation_id,
      seq: Number(row.seq),
      hash: row.hash,
      at: new Date(row.at).toISOString(),
    },
    signature: row.signature,
  };
}

/** Signs the förbund's current head and stores it; null when the förbund has no entries yet. */
export async function writeAuditCheckpoint(
  tx: Tx,
  organisationId: string,
  key: Buffer,
): Promise<AuditCheckpoint | null> {
  const head = await auditHead(tx, organisationId);
  if (!head) return null;
  const checkpoint: AuditCheckpoint = { organisationId, ...head, at: new Date().toISOString() };
  await tx.query(
    'INSERT INTO audit_checkpoint (organisation_id, seq, hash, at, signature) VALUES ($1,$2,$3,$4,$5)',
    [organisationId, checkpoint.seq, checkpoint.hash, checkpoint.at, signCheckpoint(key, checkpoint)],
  );
  return checkpoint;
}

/** Every förbund with an audit trail (the periodic checkpoint job walks them). */
export async function organisationsWithAudit(tx: Tx): Promise<string[]> {
  const rows = (await tx.query(
    'SELECT id FROM organisation o WHERE EXISTS (SELECT 1 FROM audit_entry a WHERE a.organisation_id = o.id) ORDER BY id',
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}
