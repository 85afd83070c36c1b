import { periodLabel } from './labels';

/**
 * The words a report uses for whether each insats that owes a follow-up has one: approved, missing or
 * exempted by the förbundschef for the period.
 */
export type FollowUpCoverageState = 'GODKAND' | 'SAKNAS' | 'UNDANTAGEN';

export const FOLLOW_UP_COVERAGE_LABEL: Record<FollowUpCoverageState, string> = {
  GODKAND: 'Godkänd uppföljning',
  SAKNAS: 'Uppföljning saknas',
  UNDANTAGEN: 'Undantagen',
};

/** "Undantagen: <skäl>", as the report prints an exempted insats. */
export function exemptedText(reason: string): string {
  return `${FOLLOW_UP_COVERAGE_LABEL.UNDANTAGEN}: ${reason.trim()}`;
}

/** The check's message for one insats of the period, in the report's list of checks. */
export function followUpCoverageMessage(
  insatsName: string,
  period: string,
  state: FollowUpCoverageState,
  reason?: string | null,
): string {
  const p = periodLabel(period);
  if (state === 'GODKAND') return `${insatsName}: godkänd uppföljning för ${p} finns med`;
  if (state === 'UNDANTAGEN')
    return `${insatsName}: undantagen från uppföljning för ${p} av förbundschefen (${(reason ?? '').trim()})`;
  return `${insatsName}: uppföljning saknas för ${p}; insatsen är finansierad under perioden men har ingen godkänd uppföljning`;
}

/** The bilaga's one line for an insats without an approved follow-up. */
export const FOLLOW_UP_MISSING_TEXT =
  'Ingen godkänd uppföljning finns för perioden. Insatsen är finansierad under perioden och redovisas därför här.';
