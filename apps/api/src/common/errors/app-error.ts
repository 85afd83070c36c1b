import { ValidationIssue } from '@app/domain';
import { FeatureErrorCode } from './error-codes';

/** An error a person can act on: a feature code, a Swedish message, and optional details. */
export class AppError extends Error {
  constructor(
    public readonly code: FeatureErrorCode,
    message: string,
    public readonly extra: {
      details?: ValidationIssue[];
      currentVersion?: number;
      [k: string]: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) =>
  new AppError('NOT_FOUND' as FeatureErrorCode, `${what} hittades inte.`);
export const forbidden = () =>
  new AppError('FORBIDDEN' as FeatureErrorCode, 'Du har inte behörighet till detta.');
export const badInput = (details: ValidationIssue[], message = 'Uppgifterna innehåller fel; se details.') =>
  new AppError('BAD_USER_INPUT' as FeatureErrorCode, message, { details });
