import { createHash } from 'node:crypto';
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
