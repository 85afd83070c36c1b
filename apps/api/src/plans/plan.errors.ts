/** The verksamhetsplan's own error codes; mapped to contract codes in common/errors/error-codes.ts. */
export enum PlanError {
  NOT_FOUND = 'PLAN_NOT_FOUND',
  INVALID = 'PLAN_INVALID',
  VERSION_CONFLICT = 'PLAN_VERSION_CONFLICT',
  INVALID_TRANSITION = 'PLAN_INVALID_TRANSITION',
}
