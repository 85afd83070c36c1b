import { DataSource, EntityManager } from 'typeorm';
import { runInPlatformScope, runInTenantScope } from './tenant-scope';

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
   * The audit entries the use case appends are inserted with their own content hash and no lock; the audit
   * sequencer chains them right after the commit (libs/infra/src/audit/audit-sequencer.ts).
   */
  write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.ds.transaction((tx) => work(tx));
  }

  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(this.ds.manager);
  }

  /**
   * A change for one förbund: the transaction is scoped to it (row-level security), so a store that forgot its
   * `WHERE organisation_id` still sees and changes only this förbund's rows. Inside a request the access
   * interceptor already scopes every transaction to the operation's förbund; this says it where the caller is
   * not a request (a job, a script) or wants it spelled out.
   */
  tenant<T>(organisationId: string, work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return runInTenantScope(organisationId, () => this.write(work));
  }

  /**
   * A transaction that works across förbund on purpose (the platform admin, national figures, a public link
   * that finds its förbund itself), even when called from a scoped request. `reason` names why, for review.
   */
  platform<T>(reason: string, work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return runInPlatformScope(reason, () => this.write(work));
  }

  /** For stores read outside a use case (field resolvers, loaders). */
  get reader(): Tx {
    return this.ds.manager;
  }
}
