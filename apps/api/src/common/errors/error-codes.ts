/** The codes of CONTRACT.md §3 that clients see in `extensions.code`. */
export enum ContractCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL = 'INTERNAL',
}

/** Errors every feature shares. */
export enum CommonError {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NO_ACCESS_RULE = 'NO_ACCESS_RULE',
}

export enum AuthError {
  INVALID_CREDENTIALS = 'AUTH_INVALID_CREDENTIALS',
  TOKEN_INVALID = 'AUTH_TOKEN_INVALID',
  TOO_MANY_ATTEMPTS = 'AUTH_TOO_MANY_ATTEMPTS',
  WEAK_PASSWORD = 'AUTH_WEAK_PASSWORD',
  INVITATION_INVALID = 'AUTH_INVITATION_INVALID',
}

export enum OrganisationError {
  BUNDLE_INVALID = 'ORG_BUNDLE_INVALID',
  NOT_FOUND = 'ORG_NOT_FOUND',
}

export type FeatureErrorCode = CommonError | AuthError | OrganisationError;

/** The one place where a feature's error becomes a contract code. */
export const GRAPHQL_CODE: Record<FeatureErrorCode, ContractCode> = {
  [CommonError.UNAUTHENTICATED]: ContractCode.UNAUTHENTICATED,
  [CommonError.FORBIDDEN]: ContractCode.FORBIDDEN,
  [CommonError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [CommonError.BAD_USER_INPUT]: ContractCode.BAD_USER_INPUT,
  [CommonError.NO_ACCESS_RULE]: ContractCode.INTERNAL,
  [AuthError.INVALID_CREDENTIALS]: ContractCode.UNAUTHENTICATED,
  [AuthError.TOKEN_INVALID]: ContractCode.UNAUTHENTICATED,
  [AuthError.TOO_MANY_ATTEMPTS]: ContractCode.RATE_LIMITED,
  [AuthError.WEAK_PASSWORD]: ContractCode.BAD_USER_INPUT,
  [AuthError.INVITATION_INVALID]: ContractCode.BAD_USER_INPUT,
  [OrganisationError.BUNDLE_INVALID]: ContractCode.BAD_USER_INPUT,
  [OrganisationError.NOT_FOUND]: ContractCode.NOT_FOUND,
};
