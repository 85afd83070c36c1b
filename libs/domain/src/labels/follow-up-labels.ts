import { periodLabel } from './labels';
import { swedishMinute } from '../format/swedish-time';

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

/** An indicator the follow-up did not measure (nothing entered, or a share of nobody: no participant finished). */
export const NOT_MEASURED_TEXT = '– (ej mätt)';

/**
 * Who approved a follow-up and when, in words and Swedish time, as the published bilaga says it (the content
 * hash stays in the audit trail): "Godkänd av Anna Berg 2025-08-14 kl. 10:12 och Per Ek 2025-08-15 kl. 09:00."
 */
export function followUpApprovalText(approvals: ReadonlyArray<{ name: string; at: string }>): string | null {
  if (!approvals.length) return null;
  const parts = approvals.map((a) => `${a.name} ${swedishMinute(a.at)}`);
  const joined =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}` : parts[0];
  return `Godkänd av ${joined}.`;
}
