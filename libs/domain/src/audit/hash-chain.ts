import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/**
 * The content of one audit entry as chained before the sequencer (entries written up to migration
 * AuditSequencer): its hash covers the content, its place in the chain (seq) and the previous entry's hash.
 */
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

/** What an entry says, without its place in the chain: written (and hashed) in the change's own transaction. */
export type AuditEntryContent = Omit<AuditContent, 'seq' | 'prevHash'>;

/** A chained entry in the shape written before the sequencer (seq, prevHash and hash set at insert). */
export interface AuditEntryWithHash extends AuditContent {
  id: string;
  hash: string;
}

/**
 * An audit entry as stored. `contentHash` is the SHA-256 of its {@link AuditEntryContent}, written with the
 * change; `seq`, `prevHash` and `hash` (the chain link) are filled once by the sequencer shortly after the
 * commit, and stay null until then. Entries from before the sequencer have no `contentHash`: their `hash`
 * covers the content and the link together ({@link hashAuditContent}).
 */
export interface AuditRecord extends Omit<AuditContent, 'seq'> {
  id: string;
  seq: number | null;
  hash: string | null;
  contentHash?: string | null;
}

export const GENESIS_HASH = null;

/** How long an entry may stay unsequenced before verification calls it a problem (the worker runs every few s). */
export const MAX_UNSEQUENCED_MS = 5 * 60_000;

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 8785 canonical JSON: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value);
}

/** An entry's content, field by field (so a row's other columns never slip into a hash). */
export function entryContentOf(e: AuditEntryContent): AuditEntryContent {
  return {
    organisationId: e.organisationId,
    at: e.at,
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    fromState: e.fromState,
    toState: e.toState,
    payload: e.payload,
    documentHash: e.documentHash,
  };
}

/** The legacy hash: content, seq and prevHash together (entries written before the sequencer). */
export function hashAuditContent(content: AuditContent): string {
  return sha256Hex(
    canonicalJson({ ...entryContentOf(content), seq: content.seq, prevHash: content.prevHash }),
  );
}

/** An entry's own hash, written with the change: SHA-256 over its canonical content. */
export function hashEntryContent(content: AuditEntryContent): string {
  return sha256Hex(canonicalJson(entryContentOf(content)));
}

/** The chain link the sequencer writes: binds the entry's content hash to its place and its predecessor. */
export function chainLinkHash(link: { seq: number; prevHash: string | null; contentHash: string }): string {
  return sha256Hex(canonicalJson({ seq: link.seq, prevHash: link.prevHash, contentHash: link.contentHash }));
}

export interface ChainVerification {
  valid: boolean;
  /** Every entry of the chain, sequenced or not. */
  entries: number;
  firstInvalidEntryId: string | null;
  reason: string | null;
  /** Entries written but not yet chained by the sequencer (each one's content hash was checked). */
  unsequenced: number;
}

/**
 * Recomputes a förbund's chain: `entries` in chain order (by seq), then the not yet sequenced ones (by insert
 * order). Checks every entry's content against its own hash, every sequenced entry's place and link, and names
 * the first entry that does not hold; an entry left unsequenced longer than `maxUnsequencedMs` is a problem too
 * (the sequencer stopped, or someone keeps it out of the chain).
 */
export function verifyChain(
  entries: readonly AuditRecord[],
  opts: { now?: Date; maxUnsequencedMs?: number } = {},
): ChainVerification {
  const now = (opts.now ?? new Date()).getTime();
  const maxUnsequencedMs = opts.maxUnsequencedMs ?? MAX_UNSEQUENCED_MS;
  let unsequenced = 0;
  const broken = (e: AuditRecord, reason: string): ChainVerification => ({
    valid: false,
    entries: entries.length,
    firstInvalidEntryId: e.id,
    reason,
    unsequenced: entries.filter((x) => x.seq === null).length,
  });
  let prev: string | null = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    const contentHash = e.contentHash ?? null;
    if (contentHash !== null && hashEntryContent(e) !== contentHash)
      return broken(e, 'content does not match its hash');
    if (e.seq === null) {
      if (contentHash === null) return broken(e, 'entry has neither a content hash nor a place in the chain');
      unsequenced += 1;
      const age = now - Date.parse(e.at);
      if (age > maxUnsequencedMs)
        return broken(e, `entry not sequenced ${Math.round(age / 1000)} s after it was written`);
      continue;
    }
    if (unsequenced > 0) return broken(e, 'sequenced entry after an unsequenced one');
    if (e.seq !== expectedSeq) return broken(e, `sequence gap: expected ${expectedSeq}, found ${e.seq}`);
    if (e.prevHash !== prev) return broken(e, 'link to previous entry broken');
    const expected: string =
      contentHash !== null
        ? chainLinkHash({ seq: e.seq, prevHash: e.prevHash, contentHash })
        : hashAuditContent({ ...e, seq: e.seq });
    if (expected !== e.hash)
      return broken(
        e,
        contentHash !== null ? 'chain link does not match its hash' : 'content does not match its hash',
      );
    prev = e.hash;
    expectedSeq += 1;
  }
  return { valid: true, entries: entries.length, firstInvalidEntryId: null, reason: null, unsequenced };
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
  entries: readonly AuditRecord[],
  checkpoint: { checkpoint: AuditCheckpoint; signature: string } | null,
  key: Buffer,
  opts: { now?: Date; maxUnsequencedMs?: number } = {},
): ChainVerification {
  const chain = verifyChain(entries, opts);
  if (!chain.valid || !checkpoint) return chain;
  const broken = (reason: string, firstInvalidEntryId: string | null = null): ChainVerification => ({
    ...chain,
    valid: false,
    firstInvalidEntryId,
    reason,
  });
  const cp = checkpoint.checkpoint;
  if (!signatureHolds(key, cp, checkpoint.signature)) return broken('checkpoint signature does not hold');
  const atCheckpoint = entries.find((e) => e.seq === cp.seq);
  if (!atCheckpoint)
    return broken(
      `chain ends at ${entries.length - chain.unsequenced} entries, before its checkpoint at ${cp.seq} (${cp.at})`,
    );
  if (atCheckpoint.hash !== cp.hash)
    return broken(`entry ${cp.seq} differs from its checkpoint (${cp.at})`, atCheckpoint.id);
  return chain;
}
