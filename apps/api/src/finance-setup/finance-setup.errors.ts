/** The financial set-up's own error codes (issue 18); mapped to contract codes in common/errors/error-codes.ts. */
export enum FinanceSetupError {
  INVALID = 'FINANCE_SETUP_INVALID',
  VERSION_CONFLICT = 'FINANCE_SETUP_VERSION_CONFLICT',
  NOT_FOUND = 'FINANCE_SETUP_NOT_FOUND',
}
