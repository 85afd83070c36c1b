import { DataSource, EntityManager } from 'typeorm';
import { deferAudit, discardDeferredAudit, flushDeferredAudit } from '../audit/audit-writer';

/**
 * The handle a store works with: a transaction's manager (for writes and consistent reads) or the data
 * source's own manager (for plain reads). Stores take it as their first argument and never open one.
 */
export type Tx = Pick<EntityManager, 'query'> & Partial<Pick<EntityManager, 'queryRunner'>>;

/** A transaction's handle: appendAudit and enqueueJob need one whose transaction is active. */
export type WriteTx = EntityManager;

/**
 * Runs a use case in one transaction and hands its handle on, so no caller chooses between the data
 * source and a transaction's manager by hand: `uow.write(tx => …)` for a change (its audit entry and outbox
 * row go through the same `tx`), `uow.read(tx => …)` for reads.
 */
export class UnitOfWork {
  constructor(private readonly ds: DataSource) {}

  /**
   * The audit entries the use case appends are chained as the transaction's last statements, so the
   * förbund's chain lock is held only until the commit right after.
   */
  write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.ds.transaction(async (tx) => {
      deferAudit(tx);
      try {
        const result = await work(tx);
        await flushDeferredAudit(tx);
        return result;
      } finally {
        discardDeferredAudit(tx);
      }
    });
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(this.ds.manager);
  }

  /** For stores read outside a use case (field resolvers, loaders). */
  get reader(): Tx {
    return this.ds.manager;
  }
}
