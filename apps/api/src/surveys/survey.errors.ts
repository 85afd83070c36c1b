/** The NNS surveys' own error codes; mapped to contract codes in common/errors/error-codes.ts. */
export enum SurveyError {
  NO_CATALOGUE = 'SURVEY_NO_CATALOGUE',
  CATALOGUE_INVALID = 'SURVEY_CATALOGUE_INVALID',
  COUNTS_INVALID = 'SURVEY_COUNTS_INVALID',
  BAD_YEAR = 'SURVEY_BAD_YEAR',
  NOT_FOUND = 'SURVEY_NOT_FOUND',
}
