/** The insats register's own error codes; mapped to contract codes in common/errors/error-codes.ts. */
export enum InsatsError {
  NOT_FOUND = 'INSATS_NOT_FOUND',
  INVALID = 'INSATS_INVALID',
  VERSION_CONFLICT = 'INSATS_VERSION_CONFLICT',
  HAS_FOLLOW_UPS = 'INSATS_HAS_FOLLOW_UPS',
}
