export * from './money/money';
export * from './common/issues';
export * from './access/roles';
export * from './audit/hash-chain';
export * from './bundle/key-figures';
export * from './bundle/bundle.schema';
export * from './bundle/bundle.validate';
