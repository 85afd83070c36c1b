import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  AuditAction,
  AuditPayload,
  checkAuditPayload,
  AuditContent,
  AuditEntryWithHash,
  hashAuditContent,
  verifyChain,
  verifyChainAgainstCheckpoint,
  ChainVerification,
} from '@app/domain';
import { latestAuditCheckpoint } from './audit-checkpoint.store';
import { AuditRow, chainHead, chainRows, entityRows, insertAuditEntry, lockChain } from './audit-entry.store';

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
 * Transactions run by the UnitOfWork collect their audit entries here and chain them as the transaction's
 * last statements (see {@link flushDeferredAudit}): the per-chain lock is then held for the few
 * milliseconds between the chain write and the commit, not for the whole use case, so writers of one
 * förbund no longer queue behind each other's work. The entries are still written in the change's own
 * transaction: the change and its entry commit together or not at all.
 */
const DEFERRED = new WeakMap<object, AuditInput[]>();

/** Makes `em`'s transaction collect its audit entries until {@link flushDeferredAudit}. */
export function deferAudit(em: EntityManager): void {
  if (em.queryRunner) DEFERRED.set(em.queryRunner, []);
}

/**
 * Chains the entries collected in `em`'s transaction, in the order they were appended. Chains are locked in
 * a fixed order (by key), so two transactions touching the same two chains cannot deadlock.
 */
export async function flushDeferredAudit(em: EntityManager): Promise<void> {
  const queue = em.queryRunner ? DEFERRED.get(em.queryRunner) : undefined;
  if (!queue) return;
  if (em.queryRunner) DEFERRED.delete(em.queryRunner);
  if (!queue.length) return;
  const keys = [...new Set(queue.map((e) => chainKeyOf(e.organisationId)))].sort();
  for (const key of keys) await lockChain(em, key);
  for (const entry of queue) await writeAuditEntry(em, entry, { locked: true });
}

/** Forgets what a failed transaction collected. */
export function discardDeferredAudit(em: EntityManager): void {
  if (em.queryRunner) DEFERRED.delete(em.queryRunner);
}

const chainKeyOf = (organisationId: string | null) => `audit:${organisationId ?? 'platform'}`;

/**
 * Appends one entry to a förbund's hash chain, inside the transaction of the change it records. In a
 * UnitOfWork transaction the entry is chained at the transaction's end; elsewhere at once (the advisory
 * lock then serialises writers of that chain until the transaction ends). The payload is checked here,
 * so a bad one fails the change before anything else runs.
 */
export async function appendAudit<A extends AuditAction>(
  em: EntityManager,
  input: AuditInput<A>,
): Promise<void> {
  if (!em.queryRunner?.isTransactionActive) throw new Error('appendAudit must run inside a transaction');
  const checked = { ...input, payload: checkAuditPayload(input.action, input.payload ?? {}) } as AuditInput;
  const queue = DEFERRED.get(em.queryRunner);
  if (queue) queue.push(checked);
  else await writeAuditEntry(em, checked, { locked: false });
}

async function writeAuditEntry(
  em: EntityManager,
  input: AuditInput,
  opts: { locked: boolean },
): Promise<AuditEntryWithHash> {
  if (!opts.locked) await lockChain(em, chainKeyOf(input.organisationId));
  const payload = input.payload ?? {};
  const last = await chainHead(em, input.organisationId);
  const content: AuditContent = {
    organisationId: input.organisationId,
    seq: last ? Number(last.seq) + 1 : 1,
    at: new Date().toISOString(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    fromState: input.fromState ?? null,
    toState: input.toState ?? null,
    payload: JSON.parse(JSON.stringify(payload)),
    documentHash: input.documentHash ?? null,
    prevHash: last ? last.hash : null,
  };
  const hash = hashAuditContent(content);
  const id = randomUUID();
  await insertAuditEntry(em, id, content, hash);
  return { ...content, id, hash };
}

export function rowToAuditEntry(r: AuditRow): AuditEntryWithHash {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    seq: Number(r.seq),
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
  };
}

/**
 * Reads a förbund's chain in order and recomputes every link; given the checkpoint key, also holds the
 * chain against its last signed checkpoint (deleted newest entries, recomputed hashes, forged checkpoints).
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
): Promise<AuditEntryWithHash[]> {
  return (await entityRows(em, entityType, entityId)).map(rowToAuditEntry);
}
