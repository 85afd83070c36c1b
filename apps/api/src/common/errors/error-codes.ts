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

export enum FileError {
  ORGANISATION_REQUIRED = 'FILE_ORGANISATION_REQUIRED',
  FORBIDDEN = 'FILE_FORBIDDEN',
  TOO_LARGE = 'FILE_TOO_LARGE',
  TYPE_NOT_ALLOWED = 'FILE_TYPE_NOT_ALLOWED',
  NOT_FOUND = 'FILE_NOT_FOUND',
}

export enum LedgerError {
  FILE_INVALID = 'LEDGER_FILE_INVALID',
  FILE_NOT_FOUND = 'LEDGER_FILE_NOT_FOUND',
  WRONG_ORGANISATION = 'LEDGER_WRONG_ORGANISATION',
  BUDGET_INVALID = 'LEDGER_BUDGET_INVALID',
}

export type FeatureErrorCode = CommonError | AuthError | OrganisationError | FileError | LedgerError;

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
  [FileError.ORGANISATION_REQUIRED]: ContractCode.BAD_USER_INPUT,
  [FileError.FORBIDDEN]: ContractCode.FORBIDDEN,
  [FileError.TOO_LARGE]: ContractCode.BAD_USER_INPUT,
  [FileError.TYPE_NOT_ALLOWED]: ContractCode.BAD_USER_INPUT,
  [FileError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [LedgerError.FILE_INVALID]: ContractCode.BAD_USER_INPUT,
  [LedgerError.FILE_NOT_FOUND]: ContractCode.NOT_FOUND,
  [LedgerError.WRONG_ORGANISATION]: ContractCode.FORBIDDEN,
  [LedgerError.BUDGET_INVALID]: ContractCode.BAD_USER_INPUT,
};
