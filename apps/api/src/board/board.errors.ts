/** Board mandates' own error codes; mapped to contract codes in common/errors/error-codes.ts. */
export enum BoardError {
  NOT_FOUND = 'BOARD_MANDATE_NOT_FOUND',
  INVALID = 'BOARD_MANDATE_INVALID',
  VERSION_CONFLICT = 'BOARD_MANDATE_VERSION_CONFLICT',
  SUBSTITUTION_REFUSED = 'BOARD_SUBSTITUTION_REFUSED',
}
