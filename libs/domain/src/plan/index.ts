export * from './plan-texts';
export * from './plan.schema';
export * from './plan-budget';
export * from './plan-checks';
export * from './plan-status';
