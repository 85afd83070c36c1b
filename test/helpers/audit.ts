import { DataSource } from 'typeorm';
import { afterCommitSequencingIdle, sequenceAllAuditChains } from '@app/infra';

/**
 * Chains every audit entry written so far, as the worker's sequencer does a moment later: for tests that
 * read seq, prev_hash or hash (or the chain head) right after a write.
 */
export async function sequenceAudit(ds: DataSource): Promise<number> {
  await afterCommitSequencingIdle(ds);
  return sequenceAllAuditChains(ds);
}
