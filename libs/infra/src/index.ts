export * from './config/config.schema';
export * from './database/data-source';
export * from './database/snake-naming.strategy';
export * from './entities';
export * from './audit/audit-writer';
export * from './jobs/jobs';
export * from './outbox/outbox';
export * from './database/sql';
