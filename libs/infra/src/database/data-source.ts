import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export function dataSourceOptions(
  url: string,
  opts: { poolSize?: number; applicationName?: string; connectionTimeoutMillis?: number } = {},
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
      // A starved pool errors instead of hanging.
      connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 10_000,
    },
  };
}

/** Opens a connection, runs pending migrations, and returns the data source. */
export async function openDatabase(
  url: string,
  opts: { migrate?: boolean; poolSize?: number; applicationName?: string } = {},
): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(url, opts));
  await ds.initialize();
  if (opts.migrate) await ds.runMigrations({ transaction: 'each' });
  return ds;
}
