import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

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
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
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

/**
 * Opens a connection, runs pending migrations, and returns the data source. Migrations run as
 * `migrationUrl` (the schema owner) when given, else as `url`; the returned source always uses `url`.
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
      dataSourceOptions(opts.migrationUrl, { poolSize: 1, applicationName: opts.applicationName }),
    );
    await owner.initialize();
    try {
      await owner.runMigrations({ transaction: 'each' });
    } finally {
      await owner.destroy();
    }
    return openDatabase(url, { ...opts, migrate: false });
  }
  const ds = new DataSource(dataSourceOptions(url, opts));
  await ds.initialize();
  if (opts.migrate) await ds.runMigrations({ transaction: 'each' });
  return ds;
}
