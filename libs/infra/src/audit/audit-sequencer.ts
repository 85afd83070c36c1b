import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
// Relative, not '@app/domain': openDatabase installs the sequencer, and test/global-setup.ts loads it without path aliases.
import { chainLinkHash } from '../../../domain/src/audit/hash-chain';
import { runInPlatformScope } from '../database/tenant-scope';
import {
  chainHead,
  chainsWithUnsequenced,
  fillChainLinks,
  lockChain,
  unsequencedEntries,
} from './audit-entry.store';

/**
 * The audit trail's sequencer, as in a transparency log: writers insert entries with their own content hash
 * and no place in the chain (appendAudit); the sequencer gives each entry its seq, prev_hash and chain hash,
 * per förbund chain, in the order the entries became visible as committed (within one run: insert order).
 *
 * Where it runs:
 * - right after every commit that wrote audit entries, in the same process (API or worker), best effort and
 *   without the request waiting for it (coalesced: one run per chain and process at a time, and one more if
 *   entries arrived meanwhile);
 * - in every worker, every {@link SEQUENCE_EVERY_MS} over every chain with waiting entries: the guarantee, also
 *   for entries whose process died between commit and sequencing.
 * Two sequencers (two processes, two machines) never fork a chain: each run is one short transaction of its
 * own that takes the chain's advisory lock first, reads the head and the waiting entries after it, and fills
 * them with one `UPDATE … WHERE seq IS NULL`; the unique (organisation_id, seq) index and the table's trigger
 * (seq, prev_hash and hash set once, from NULL) stand behind that. Only sequencers wait on the lock.
 */

/** How often each worker sequences every chain with waiting entries. */
export const SEQUENCE_EVERY_MS = 1000;

/** Entries chained per transaction (a long backlog goes in several short transactions). */
const BATCH = 500;

const logger = new Logger('AuditSequencer');

export const auditChainKey = (organisationId: string | null) => `audit:${organisationId ?? 'platform'}`;

/**
 * Chains every entry of one chain that is waiting; returns how many it chained. Runs in transactions of its
 * own (never inside a caller's), unscoped: the platform's chain and every förbund's are sequenced alike.
 */
export async function sequenceAuditChain(ds: DataSource, organisationId: string | null): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await runInPlatformScope('the audit sequencer chains entries of every förbund', () =>
      ds.transaction((tx) => sequenceBatch(tx, organisationId)),
    );
    total += n;
    if (n < BATCH) return total;
  }
}

async function sequenceBatch(tx: EntityManager, organisationId: string | null): Promise<number> {
  await lockChain(tx, auditChainKey(organisationId));
  // Read after the lock: the head and the waiting entries as the previous sequencer left them (READ COMMITTED).
  const waiting = await unsequencedEntries(tx, organisationId, BATCH);
  if (!waiting.length) return 0;
  const head = await chainHead(tx, organisationId);
  let seq = head ? Number(head.seq) : 0;
  let prevHash = head?.hash ?? null;
  const links = waiting.map((e) => {
    seq += 1;
    const link = {
      id: e.id,
      seq,
      prevHash,
      hash: chainLinkHash({ seq, prevHash, contentHash: e.content_hash }),
    };
    prevHash = link.hash;
    return link;
  });
  const filled = await fillChainLinks(tx, links);
  // Under the lock nobody else fills these entries; if anything did, chain nothing rather than leave a gap.
  if (filled.length !== links.length)
    throw new Error(`audit sequencer: ${links.length - filled.length} entries were sequenced by another run`);
  return filled.length;
}

/** Chains every chain that has waiting entries; returns how many entries it chained. */
export async function sequenceAllAuditChains(ds: DataSource): Promise<number> {
  const chains = await runInPlatformScope('the audit sequencer finds waiting entries of every förbund', () =>
    chainsWithUnsequenced(ds.manager),
  );
  let total = 0;
  for (const organisationId of chains) total += await sequenceAuditChain(ds, organisationId);
  return total;
}

/** One process's best-effort sequencing after commits: at most one run per chain at a time, plus one rerun. */
class AfterCommitSequencer {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  constructor(private readonly ds: DataSource) {}

  nudge(organisationId: string | null): void {
    const key = auditChainKey(organisationId);
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    const run = this.runChain(key, organisationId);
    this.running.set(key, run);
    void run.finally(() => this.running.delete(key));
  }

  /** Resolves when no run started here is still going (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()]);
  }

  private async runChain(key: string, organisationId: string | null): Promise<void> {
    // Let the caller's commit finish first (this is called from inside it).
    await Promise.resolve();
    do {
      this.again.delete(key);
      try {
        if (!this.ds.isInitialized) return;
        await sequenceAuditChain(this.ds, organisationId);
      } catch (e) {
        // The workers' periodic run chains what was left.
        if (this.ds.isInitialized)
          logger.warn(`sequencing ${key} after commit failed: ${(e as Error).message}`);
        return;
      }
    } while (this.again.has(key));
  }
}

const SEQUENCERS = new WeakMap<DataSource, AfterCommitSequencer>();
/** The chains each open transaction wrote entries to (by its query runner). */
const WRITTEN = new WeakMap<QueryRunner, Set<string | null>>();

/** appendAudit notes the chain it wrote to; the subscriber below nudges the sequencer after the commit. */
export function noteChainWritten(em: EntityManager, organisationId: string | null): void {
  const qr = em.queryRunner;
  if (!qr) return;
  const set = WRITTEN.get(qr) ?? new Set<string | null>();
  set.add(organisationId);
  WRITTEN.set(qr, set);
}

/**
 * Makes `ds` sequence the chains a transaction wrote to right after it commits (best effort, not awaited by
 * the committer). Idempotent; openDatabase installs it on every data source.
 */
export function installAuditSequencer(ds: DataSource): DataSource {
  if (SEQUENCERS.has(ds)) return ds;
  const sequencer = new AfterCommitSequencer(ds);
  SEQUENCERS.set(ds, sequencer);
  const subscriber: EntitySubscriberInterface = {
    afterTransactionCommit: ({ queryRunner }) => {
      if (queryRunner.isTransactionActive) return; // a savepoint released: the transaction goes on
      const chains = WRITTEN.get(queryRunner);
      if (!chains) return;
      WRITTEN.delete(queryRunner);
      for (const organisationId of chains) sequencer.nudge(organisationId);
    },
    afterTransactionRollback: ({ queryRunner }) => {
      if (!queryRunner.isTransactionActive) WRITTEN.delete(queryRunner);
    },
  };
  ds.subscribers.push(subscriber);
  return ds;
}

/** Waits for the after-commit runs `ds` has started (tests; a process about to exit). */
export async function afterCommitSequencingIdle(ds: DataSource): Promise<void> {
  await SEQUENCERS.get(ds)?.idle();
}
