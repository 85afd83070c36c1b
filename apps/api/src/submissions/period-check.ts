import { owesPeriod, periodKind, periodLabel, periodYear } from '@app/domain';
import { AppError } from '../common/errors/app-error';
import { SubmissionError } from '../common/errors/error-codes';

/** A period's year; anything that is not DELAR-ÅÅÅÅ or HELAR-ÅÅÅÅ is refused with the field named. */
export function periodYearOf(period: string): number {
  const year = periodYear(period);
  if (periodKind(period) && year) return year;
  throw new AppError(SubmissionError.BAD_PERIOD, 'Perioden ska vara DELAR-ÅÅÅÅ eller HELAR-ÅÅÅÅ.', {
    details: [{ path: '$.period', message: 'ska vara DELAR-ÅÅÅÅ eller HELAR-ÅÅÅÅ' }],
  });
}

/**
 * Only a period the insats ran in is owed, so only such a follow-up can be started: no Delår for an insats that
 * starts in September, nothing after it ended. The reason names the insats and the period in words.
 */
export function assertPeriodOwed(
  insats: { name: string; start: string; end: string | null },
  period: string,
): void {
  if (owesPeriod(insats, period)) return;
  throw new AppError(
    SubmissionError.BAD_PERIOD,
    `${insats.name} pågick inte under ${periodLabel(period)} och har ingen uppföljning för den perioden.`,
    { details: [{ path: '$.period', message: 'insatsen pågick inte under perioden' }] },
  );
}
