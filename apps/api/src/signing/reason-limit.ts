import { AppError } from '../common/errors/app-error';
import { SigningError } from '../common/errors/error-codes';

/** A reason is a sentence or a paragraph (printed on the signeringsintyg and in the audit trail), not a document. */
export const MAX_REASON_LENGTH = 1000;

/** Refuses a reason longer than MAX_REASON_LENGTH, with the field named, before anything is read or written. */
export function checkReasonLength(reason: string | null | undefined, path = '$.reason'): void {
  if (reason && reason.length > MAX_REASON_LENGTH)
    throw new AppError(SigningError.REASON_REQUIRED, 'Skälet är för långt; skriv det kortare.', {
      details: [{ path, message: 'får vara högst 1 000 tecken' }],
    });
}
