import { SurveyError } from '../../surveys/survey.errors';
import { PlanError } from '../../plans/plan.errors';
import { InsatsError } from '../../insatser/insats.errors';
import { FinanceSetupError } from '../../finance-setup/finance-setup.errors';
import { BoardError } from '../../board/board.errors';

export { SurveyError, PlanError, InsatsError, FinanceSetupError, BoardError };

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
  PERSON_NAME_LOCKED = 'ORG_PERSON_NAME_LOCKED',
  INVALID = 'ORG_INVALID',
  TAKEN = 'ORG_TAKEN',
}

export enum FileError {
  ORGANISATION_REQUIRED = 'FILE_ORGANISATION_REQUIRED',
  FORBIDDEN = 'FILE_FORBIDDEN',
  TOO_LARGE = 'FILE_TOO_LARGE',
  TYPE_NOT_ALLOWED = 'FILE_TYPE_NOT_ALLOWED',
  QUOTA_EXCEEDED = 'FILE_QUOTA_EXCEEDED',
  NOT_FOUND = 'FILE_NOT_FOUND',
  /** Not usable as the förbund's logo (type, size in pixels, CMYK). */
  LOGO_INVALID = 'FILE_LOGO_INVALID',
}

export enum LedgerError {
  FILE_INVALID = 'LEDGER_FILE_INVALID',
  FILE_NOT_FOUND = 'LEDGER_FILE_NOT_FOUND',
  BUDGET_INVALID = 'LEDGER_BUDGET_INVALID',
}

export enum SubmissionError {
  NOT_FOUND = 'SUBMISSION_NOT_FOUND',
  FORBIDDEN = 'SUBMISSION_FORBIDDEN',
  INVALID_TRANSITION = 'SUBMISSION_INVALID_TRANSITION',
  VERSION_CONFLICT = 'SUBMISSION_VERSION_CONFLICT',
  COMMENT_REQUIRED = 'SUBMISSION_COMMENT_REQUIRED',
  INVALID_ANSWERS = 'SUBMISSION_INVALID_ANSWERS',
  BAD_PERIOD = 'SUBMISSION_BAD_PERIOD',
  BAD_TEMPLATE = 'SUBMISSION_BAD_TEMPLATE',
  SIGNATURE_REQUIRED = 'SUBMISSION_SIGNATURE_REQUIRED',
  SIGNATURE_INVALID = 'SUBMISSION_SIGNATURE_INVALID',
  OPEN_COMMENTS = 'SUBMISSION_OPEN_COMMENTS',
}

export enum ReportError {
  NOT_FOUND = 'REPORT_NOT_FOUND',
  BAD_YEAR = 'REPORT_BAD_YEAR',
  BAD_TEXTS = 'REPORT_BAD_TEXTS',
  BAD_STRUCTURE = 'REPORT_BAD_STRUCTURE',
  VERSION_CONFLICT = 'REPORT_VERSION_CONFLICT',
  BAD_EXEMPTION = 'REPORT_BAD_EXEMPTION',
  EXEMPTION_NOT_FOUND = 'REPORT_EXEMPTION_NOT_FOUND',
  BAD_SETTINGS = 'REPORT_BAD_SETTINGS',
}

export enum SigningError {
  NOT_FOUND = 'SIGNING_NOT_FOUND',
  NOT_READY = 'SIGNING_REPORT_NOT_READY',
  OVERRIDE_REQUIRED = 'SIGNING_OVERRIDE_REQUIRED',
  ALREADY_OPEN = 'SIGNING_ALREADY_OPEN',
  NOT_ON_LIST = 'SIGNING_NOT_ON_LIST',
  REFUSED = 'SIGNING_REFUSED',
  BAD_CREDENTIALS = 'SIGNING_BAD_CREDENTIALS',
  TOTP_NOT_SET_UP = 'SIGNING_TOTP_NOT_SET_UP',
  REASON_REQUIRED = 'SIGNING_REASON_REQUIRED',
  NO_SIGNERS = 'SIGNING_NO_SIGNERS',
  BANKID_UNAVAILABLE = 'SIGNING_BANKID_UNAVAILABLE',
  REMINDED_RECENTLY = 'SIGNING_REMINDED_RECENTLY',
}

export type FeatureErrorCode =
  | CommonError
  | AuthError
  | OrganisationError
  | FileError
  | LedgerError
  | SubmissionError
  | ReportError
  | SigningError
  | SurveyError
  | PlanError
  | InsatsError
  | FinanceSetupError
  | BoardError;

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
  [OrganisationError.PERSON_NAME_LOCKED]: ContractCode.FORBIDDEN,
  [OrganisationError.INVALID]: ContractCode.BAD_USER_INPUT,
  [OrganisationError.TAKEN]: ContractCode.BAD_USER_INPUT,
  [FileError.ORGANISATION_REQUIRED]: ContractCode.BAD_USER_INPUT,
  [FileError.FORBIDDEN]: ContractCode.FORBIDDEN,
  [FileError.TOO_LARGE]: ContractCode.BAD_USER_INPUT,
  [FileError.TYPE_NOT_ALLOWED]: ContractCode.BAD_USER_INPUT,
  [FileError.LOGO_INVALID]: ContractCode.BAD_USER_INPUT,
  [FileError.QUOTA_EXCEEDED]: ContractCode.BAD_USER_INPUT,
  [FileError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [LedgerError.FILE_INVALID]: ContractCode.BAD_USER_INPUT,
  [LedgerError.FILE_NOT_FOUND]: ContractCode.NOT_FOUND,
  [LedgerError.BUDGET_INVALID]: ContractCode.BAD_USER_INPUT,
  [SubmissionError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [SubmissionError.FORBIDDEN]: ContractCode.FORBIDDEN,
  [SubmissionError.INVALID_TRANSITION]: ContractCode.INVALID_TRANSITION,
  [SubmissionError.VERSION_CONFLICT]: ContractCode.VERSION_CONFLICT,
  [SubmissionError.COMMENT_REQUIRED]: ContractCode.BAD_USER_INPUT,
  [SubmissionError.INVALID_ANSWERS]: ContractCode.BAD_USER_INPUT,
  [SubmissionError.BAD_PERIOD]: ContractCode.BAD_USER_INPUT,
  [SubmissionError.BAD_TEMPLATE]: ContractCode.BAD_USER_INPUT,
  [SubmissionError.SIGNATURE_REQUIRED]: ContractCode.BAD_USER_INPUT,
  [SubmissionError.SIGNATURE_INVALID]: ContractCode.BAD_USER_INPUT,
  [SubmissionError.OPEN_COMMENTS]: ContractCode.BAD_USER_INPUT,
  [ReportError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [ReportError.BAD_YEAR]: ContractCode.BAD_USER_INPUT,
  [ReportError.BAD_SETTINGS]: ContractCode.BAD_USER_INPUT,
  [ReportError.BAD_TEXTS]: ContractCode.BAD_USER_INPUT,
  [ReportError.BAD_STRUCTURE]: ContractCode.BAD_USER_INPUT,
  [ReportError.VERSION_CONFLICT]: ContractCode.VERSION_CONFLICT,
  [ReportError.BAD_EXEMPTION]: ContractCode.BAD_USER_INPUT,
  [ReportError.EXEMPTION_NOT_FOUND]: ContractCode.NOT_FOUND,
  [SigningError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [SigningError.NOT_READY]: ContractCode.INVALID_TRANSITION,
  [SigningError.OVERRIDE_REQUIRED]: ContractCode.BAD_USER_INPUT,
  [SigningError.ALREADY_OPEN]: ContractCode.INVALID_TRANSITION,
  [SigningError.NOT_ON_LIST]: ContractCode.FORBIDDEN,
  [SigningError.REFUSED]: ContractCode.INVALID_TRANSITION,
  [SigningError.BAD_CREDENTIALS]: ContractCode.BAD_USER_INPUT,
  [SigningError.TOTP_NOT_SET_UP]: ContractCode.BAD_USER_INPUT,
  [SigningError.REASON_REQUIRED]: ContractCode.BAD_USER_INPUT,
  [SigningError.NO_SIGNERS]: ContractCode.BAD_USER_INPUT,
  [SigningError.BANKID_UNAVAILABLE]: ContractCode.BAD_USER_INPUT,
  [SigningError.REMINDED_RECENTLY]: ContractCode.RATE_LIMITED,
  [SurveyError.NO_CATALOGUE]: ContractCode.BAD_USER_INPUT,
  [SurveyError.CATALOGUE_INVALID]: ContractCode.BAD_USER_INPUT,
  [SurveyError.COUNTS_INVALID]: ContractCode.BAD_USER_INPUT,
  [SurveyError.BAD_YEAR]: ContractCode.BAD_USER_INPUT,
  [SurveyError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [SurveyError.ANSWERS_INVALID]: ContractCode.BAD_USER_INPUT,
  [SurveyError.CODE_INVALID]: ContractCode.BAD_USER_INPUT,
  [SurveyError.ALREADY_ANSWERED]: ContractCode.INVALID_TRANSITION,
  [SurveyError.INVALID_TRANSITION]: ContractCode.INVALID_TRANSITION,
  [SurveyError.VERSION_CONFLICT]: ContractCode.VERSION_CONFLICT,
  [SurveyError.RATE_LIMITED]: ContractCode.RATE_LIMITED,
  [PlanError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [PlanError.INVALID]: ContractCode.BAD_USER_INPUT,
  [PlanError.VERSION_CONFLICT]: ContractCode.VERSION_CONFLICT,
  [PlanError.INVALID_TRANSITION]: ContractCode.INVALID_TRANSITION,
  [InsatsError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [InsatsError.INVALID]: ContractCode.BAD_USER_INPUT,
  [InsatsError.VERSION_CONFLICT]: ContractCode.VERSION_CONFLICT,
  [InsatsError.HAS_FOLLOW_UPS]: ContractCode.INVALID_TRANSITION,
  [FinanceSetupError.INVALID]: ContractCode.BAD_USER_INPUT,
  [FinanceSetupError.VERSION_CONFLICT]: ContractCode.VERSION_CONFLICT,
  [FinanceSetupError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [BoardError.NOT_FOUND]: ContractCode.NOT_FOUND,
  [BoardError.INVALID]: ContractCode.BAD_USER_INPUT,
  [BoardError.VERSION_CONFLICT]: ContractCode.VERSION_CONFLICT,
  [BoardError.SUBSTITUTION_REFUSED]: ContractCode.BAD_USER_INPUT,
};
