import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  AuditAction,
  AuditPayload,
  checkAuditPayload,
  AuditEntryContent,
  AuditRecord,
  hashEntryContent,
  verifyChain,
  verifyChainAgainstCheckpoint,
  ChainVerification,
} from '@app/domain';
import { latestAuditCheckpoint } from './audit-checkpoint.store';
import { AuditRow, chainRows, entityRows, insertAuditEntry } from './audit-entry.store';
import { noteChainWritten } from './audit-sequencer';

export type { AuditRow } from './audit-entry.store';

export interface AuditInput<A extends AuditAction = AuditAction> {
  organisationId: string | null;
  actorId: string | null;
  action: A;
  entityType: string;
  entityId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  payload?: AuditPayload<A>;
  documentHash?: string | null;
}

/**
 * Appends one entry to a förbund's audit trail, inside the transaction of the change it records: the change and
 * its entry commit together or not at all. The entry is written with the SHA-256 of its own content and no
 * place in the chain; no lock is taken and no chain head read, so writers of one förbund never wait on each
 * other here. The sequencer (audit-sequencer.ts) chains it shortly after the commit. The payload is checked
 * here, so a bad one fails the change before anything else runs.
 */
export async function appendAudit<A extends AuditAction>(
  em: EntityManager,
  input: AuditInput<A>,
): Promise<void> {
  if (!em.queryRunner?.isTransactionActive) throw new Error('appendAudit must run inside a transaction');
  const payload = checkAuditPayload(input.action, input.payload ?? {});
  const content: AuditEntryContent = {
    organisationId: input.organisationId,
    at: new Date().toISOString(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    fromState: input.fromState ?? null,
    toState: input.toState ?? null,
    payload: JSON.parse(JSON.stringify(payload)),
    documentHash: input.documentHash ?? null,
  };
  await insertAuditEntry(em, randomUUID(), content, hashEntryContent(content));
  noteChainWritten(em, input.organisationId);
}

export function rowToAuditEntry(r: AuditRow): Required<AuditRecord> {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    seq: r.seq === null ? null : Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    fromState: r.from_state,
    toState: r.to_state,
    payload: r.payload,
    documentHash: r.document_hash,
    prevHash: r.prev_hash,
    hash: r.hash,
    contentHash: r.content_hash,
  };
}

/**
 * Reads a förbund's chain in order and checks every entry's content hash and every link; entries the sequencer
 * has not chained within MAX_UNSEQUENCED_MS are a problem. Given the checkpoint key, also holds the chain
 * against its last signed checkpoint (deleted newest entries, recomputed hashes, forged checkpoints).
 */
export async function verifyAuditChain(
  em: EntityManager,
  organisationId: string,
  checkpointKey?: Buffer,
): Promise<ChainVerification> {
  const entries = (await chainRows(em, organisationId)).map(rowToAuditEntry);
  if (!checkpointKey) return verifyChain(entries);
  return verifyChainAgainstCheckpoint(
    entries,
    await latestAuditCheckpoint(em, organisationId),
    checkpointKey,
  );
}

export async function auditEntriesFor(
  em: EntityManager,
  entityType: string,
  entityId: string,
): Promise<AuditRecord[]> {
  return (await entityRows(em, entityType, entityId)).map(rowToAuditEntry);
}
