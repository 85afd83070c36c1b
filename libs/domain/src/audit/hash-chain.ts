import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** The content of one audit entry that its hash covers. */
export interface AuditContent {
  organisationId: string | null;
  seq: number;
  at: string; // ISO 8601, millisecond precision
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  fromState: string | null;
  toState: string | null;
  payload: unknown;
  documentHash: string | null;
  prevHash: string | null;
}

export interface AuditEntryWithHash extends AuditContent {
  id: string;
  hash: string;
}

export const GENESIS_HASH = null;

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 8785 canonical JSON: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value);
}

export function hashAuditContent(content: AuditContent): string {
  return sha256Hex(canonicalJson(content));
}

export interface ChainVerification {
  valid: boolean;
  entries: number;
  firstInvalidEntryId: string | null;
  reason: string | null;
}

/** Recomputes a förbund's chain in order; names the first entry whose hash or link does not hold. */
export function verifyChain(entries: readonly AuditEntryWithHash[]): ChainVerification {
  let prev: string | null = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    const { id: _id, hash, ...content } = e;
    if (e.seq !== expectedSeq) {
      return {
        valid: false,
        entries: entries.length,
        firstInvalidEntryId: e.id,
        reason: `sequence gap: expected ${expectedSeq}, found ${e.seq}`,
      };
    }
    if (e.prevHash !== prev) {
      return {
        valid: false,
        entries: entries.length,
        firstInvalidEntryId: e.id,
        reason: 'link to previous entry broken',
      };
    }
    if (hashAuditContent(content) !== hash) {
      return {
        valid: false,
        entries: entries.length,
        firstInvalidEntryId: e.id,
        reason: 'content does not match its hash',
      };
    }
    prev = hash;
    expectedSeq += 1;
  }
  return { valid: true, entries: entries.length, firstInvalidEntryId: null, reason: null };
}

/** A förbund's chain head at one moment, signed with a key the database does not hold. */
export interface AuditCheckpoint {
  organisationId: string;
  seq: number;
  hash: string;
  at: string; // ISO 8601
}

/** The checkpoint key, derived from a secret kept outside the database (config AUDIT_CHECKPOINT_SECRET). */
export function checkpointKey(secret: string): Buffer {
  return createHmac('sha256', 'samordning/audit-checkpoint/v1').update(secret).digest();
}

export function signCheckpoint(key: Buffer, checkpoint: AuditCheckpoint): string {
  return createHmac('sha256', key).update(canonicalJson(checkpoint)).digest('hex');
}

function signatureHolds(key: Buffer, checkpoint: AuditCheckpoint, signature: string): boolean {
  const expected = Buffer.from(signCheckpoint(key, checkpoint), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Recomputes the chain and holds it against its last signed checkpoint: a chain whose newest entries were
 * deleted (shorter than the checkpoint), whose hashes were recomputed (the entry at the checkpoint's seq
 * differs), or whose checkpoint was forged (signature fails) is broken.
 */
export function verifyChainAgainstCheckpoint(
  entries: readonly AuditEntryWithHash[],
  checkpoint: { checkpoint: AuditCheckpoint; signature: string } | null,
  key: Buffer,
): ChainVerification {
  const chain = verifyChain(entries);
  if (!chain.valid || !checkpoint) return chain;
  const broken = (reason: string, firstInvalidEntryId: string | null = null): ChainVerification => ({
    valid: false,
    entries: entries.length,
    firstInvalidEntryId,
    reason,
  });
  const cp = checkpoint.checkpoint;
  if (!signatureHolds(key, cp, checkpoint.signature)) return broken('checkpoint signature does not hold');
  const atCheckpoint = entries.find((e) => e.seq === cp.seq);
  if (!atCheckpoint)
    return broken(`chain ends at ${entries.length} entries, before its checkpoint at ${cp.seq} (${cp.at})`);
  if (atCheckpoint.hash !== cp.hash)
    return broken(`entry ${cp.seq} differs from its checkpoint (${cp.at})`, atCheckpoint.id);
  return chain;
}
