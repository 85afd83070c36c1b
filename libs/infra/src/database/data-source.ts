import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { lockMigrations, unlockMigrations } from './migration-lock.store';

export { MIGRATION_LOCK_KEY } from './migration-lock.store';
import { installTenantScope } from './tenant-scope';
import { installAuditSequencer } from '../audit/audit-sequencer';

/** The default for config DB_STATEMENT_TIMEOUT_MS: no SQL statement runs longer than 30 s. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

export function dataSourceOptions(
  url: string,
  opts: {
    poolSize?: number;
    applicationName?: string;
    statementTimeoutMs?: number;
    connectionTimeoutMillis?: number;
  } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: {
      max: opts.poolSize ?? 20,
      application_name: opts.applicationName ?? 'samordning',
      // Bounds every statement (config DB_STATEMENT_TIMEOUT_MS); a long import raises it with SET LOCAL.
      statement_timeout: opts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      // A starved pool errors instead of hanging.
      connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 10_000,
    },
  };
}

/** Runs the pending migrations under {@link MIGRATION_LOCK_KEY}; the lock is held on a connection of its own. */
async function runMigrationsLocked(ds: DataSource): Promise<void> {
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lockMigrations(lock);
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await unlockMigrations(lock);
    }
  } finally {
    await lock.release();
  }
}

/**
 * Opens a connection, runs pending migrations (under a lock, once however many instances start), and returns
 * the data source. Migrations run as `migrationUrl` (the schema owner) when given, else as `url`; the returned
 * source always uses `url`.
 */
export async function openDatabase(
  url: string,
  opts: {
    migrate?: boolean;
    migrationUrl?: string;
    poolSize?: number;
    applicationName?: string;
    statementTimeoutMs?: number;
  } = {},
): Promise<DataSource> {
  if (opts.migrate && opts.migrationUrl && opts.migrationUrl !== url) {
    const owner = new DataSource(
      dataSourceOptions(opts.migrationUrl, { poolSize: 2, applicationName: opts.applicationName }),
    );
    await owner.initialize();
    try {
      await runMigrationsLocked(owner);
    } finally {
      await owner.destroy();
    }
    return openDatabase(url, { ...opts, migrate: false });
  }
  const ds = new DataSource(dataSourceOptions(url, { ...opts, poolSize: Math.max(opts.poolSize ?? 20, 2) }));
  await ds.initialize();
  if (opts.migrate) await runMigrationsLocked(ds);
  // Row-level security's key: queries made inside runInTenantScope see only that förbund's rows.
  installTenantScope(ds);
  // Audit entries are chained by the sequencer right after the commit that wrote them (best effort).
  return installAuditSequencer(ds);
}
