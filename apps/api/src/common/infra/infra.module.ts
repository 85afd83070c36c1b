import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import Redis from 'ioredis';
import {
  AppConfig,
  createFileStorage,
  loadConfig,
  openDatabase,
  shutdownTracing,
  UnitOfWork,
} from '@app/infra';
import { APP_CONFIG, DATA_SOURCE, FILE_STORAGE, REDIS } from './tokens';

/** Configuration (read once), the database pool and the Redis client, shared by every feature. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    {
      provide: DATA_SOURCE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        openDatabase(config.DATABASE_URL, {
          applicationName: 'samordning-api',
          statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
        }),
    },
    { provide: UnitOfWork, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new UnitOfWork(ds) },
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(config.REDIS_URL, {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          lazyConnect: false,
        }),
    },
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG, DATA_SOURCE],
      useFactory: (config: AppConfig, ds: DataSource) => createFileStorage(config, ds),
    },
  ],
  exports: [APP_CONFIG, DATA_SOURCE, REDIS, FILE_STORAGE, UnitOfWork],
})
export class InfraModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.ds.destroy().catch(() => undefined);
    this.redis.disconnect();
    await shutdownTracing();
  }
}
