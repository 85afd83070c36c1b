import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, QueryRunner } from 'typeorm';

/**
 * Row-level security's key (defence in depth for tenant isolation, see SECURITY.md).
 *
 * Every tenant table has a policy that shows a row only when its förbund equals the transaction-local setting
 * `app.organisation_id` (migration TenantRls). Code that knows the förbund it works for runs inside
 * {@link runInTenantScope}; every transaction the data source opens there starts with
 * `set_config('app.organisation_id', <förbund>, true)`, and a plain `ds.query` / `uow.read` outside a
 * transaction runs in a short transaction of its own that does the same. The setting is transaction-local, so
 * it ends with COMMIT or ROLLBACK and never reaches the next user of a pooled connection.
 *
 * Without a scope (worker jobs, the CLI, login, public routes) the setting is absent and the policies let every
 * row through, as before. {@link runInPlatformScope} says so explicitly for cross-förbund work inside a request
 * that otherwise runs scoped (the setting is then 'platform', which the policies treat like an absent one
 * today); each call names its reason, so the exceptions can be found with grep.
 */
export type DbScope =
  | { readonly kind: 'tenant'; readonly organisationId: string }
  | { readonly kind: 'platform'; readonly reason: string };

/** The setting the policies read (migration TenantRls). */
export const TENANT_SETTING = 'app.organisation_id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const storage = new AsyncLocalStorage<DbScope>();

/** The scope the current async call chain runs in, if any. */
export function currentDbScope(): DbScope | undefined {
  return storage.getStore();
}

/** A tenant scope for a förbund id; throws on anything that is not a uuid (the policies cast it). */
export function tenantScope(organisationId: string): DbScope {
  if (!UUID.test(organisationId)) throw new Error(`not a förbund id: ${organisationId}`);
  return { kind: 'tenant', organisationId };
}

/** Runs `work` so that every query it makes sees only `organisationId`'s rows of the tenant tables. */
export function runInTenantScope<T>(organisationId: string, work: () => T): T {
  return storage.run(tenantScope(organisationId), work);
}

/**
 * Runs `work` without a tenant scope, on purpose: cross-förbund work (the platform admin, NNS figures, a public
 * route that finds its förbund from a link) called from a request that otherwise runs scoped.
 */
export function runInPlatformScope<T>(reason: string, work: () => T): T {
  return storage.run({ kind: 'platform', reason }, work);
}

/** Runs `work` in `scope` (or as the caller does when undefined). */
export function runInDbScope<T>(scope: DbScope | undefined, work: () => T): T {
  return scope ? storage.run(scope, work) : work();
}

/**
 * The setting's value for the current scope: the förbund's id (checked again, a scope may be built by hand: it
 * is inlined into SQL below), 'platform' for an explicit platform scope, null without a scope.
 */
function settingOf(): string | null {
  const s = storage.getStore();
  if (!s) return null;
  if (s.kind === 'platform') return 'platform';
  if (!UUID.test(s.organisationId)) throw new Error(`not a förbund id: ${s.organisationId}`);
  return s.organisationId;
}

const INSTALLED = Symbol('tenant-scope-installed');

/**
 * Makes `ds` honour the current {@link DbScope}: each query runner it creates sets the transaction-local
 * setting at the start of every outermost transaction and wraps a query outside a transaction in one. Idempotent.
 */
export function installTenantScope(ds: DataSource): DataSource {
  const marked = ds as DataSource & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return ds;
  marked[INSTALLED] = true;
  const create = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>) =>
    scopedRunner(create(...args));
  return ds;
}

function scopedRunner(qr: QueryRunner): QueryRunner {
  const query = qr.query.bind(qr) as (
    sql: string,
    parameters?: unknown[],
    structured?: boolean,
  ) => Promise<unknown>;
  const start = qr.startTransaction.bind(qr);
  const setting = (value: string) => query('SELECT set_config($1, $2, true)', [TENANT_SETTING, value]);

  // The setting to send with the outermost START TRANSACTION itself (one round trip instead of two).
  let withBegin: string | null = null;

  qr.startTransaction = async (...args: Parameters<QueryRunner['startTransaction']>) => {
    // Read before the first await: the scope of the caller that opens the transaction.
    const value = settingOf();
    const outermost = !qr.isTransactionActive;
    // SET TRANSACTION ISOLATION LEVEL must precede every query of the transaction: then the setting follows.
    withBegin = value && outermost && !args[0] ? value : null;
    try {
      await start(...args);
    } finally {
      withBegin = null;
    }
    const depth = (qr as unknown as { transactionDepth?: number }).transactionDepth ?? 1;
    if (value && depth === 1 && args[0]) {
      try {
        await setting(value);
      } catch (e) {
        await qr.rollbackTransaction().catch(() => undefined);
        throw e;
      }
    }
  };

  qr.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
    if (withBegin && sql === 'START TRANSACTION') {
      // Simple protocol, as below; the id is a checked uuid, safe to inline.
      const v = withBegin;
      withBegin = null;
      return query(`START TRANSACTION; SELECT set_config('${TENANT_SETTING}', '${v}', true)`);
    }
    const value = settingOf();
    if (!value || qr.isTransactionActive) return query(sql, parameters, structured);
    // A single statement outside a transaction: one of its own, so the setting stays transaction-local. BEGIN
    // and the setting go in one round trip (simple protocol; the id is a checked uuid, safe to inline).
    await query(`START TRANSACTION; SELECT set_config('${TENANT_SETTING}', '${value}', true)`);
    let result: unknown;
    try {
      result = await query(sql, parameters, structured);
    } catch (e) {
      await query('ROLLBACK').catch(() => undefined);
      throw e;
    }
    await query('COMMIT');
    return result;
  }) as QueryRunner['query'];
  return qr;
}
