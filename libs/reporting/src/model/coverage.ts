import { FollowUpCoverageState, owesPeriod } from '@app/domain';
import { D } from './figures';
import { ApprovedFollowUp, ReportInput, ReportInsats } from './report-input';

/** One insats the report accounts for: with its approved follow-up, missing one, or exempted. */
export interface FollowUpCoverage {
  insatsKey: string;
  insatsId: string | null;
  insatsName: string;
  period: string;
  state: FollowUpCoverageState;
  /** The förbundschef's reason (exempted only). */
  reason: string | null;
  followUp: ApprovedFollowUp | null;
}

/**
 * Whether an insats is funded in the year: granted an amount by decision (the insats' budget for the year) or
 * given a line in one of the year's budgets on its cost centre.
 */
export function fundedIn(ins: ReportInsats, year: number, budgets: ReportInput['budgets']): boolean {
  const granted = ins.budgets[String(year)];
  if (granted !== undefined && !D(granted).isZero()) return true;
  return budgets.some(
    (b) => b.year === year && b.lines[ins.costCentre] !== undefined && !D(b.lines[ins.costCentre]).isZero(),
  );
}

/**
 * Every insats the period's report must account for, in insats order: those funded in the year that ran during
 * the period (its dates), and any other insats with an approved follow-up for the period.
 */
export function followUpCoverage(
  input: ReportInput,
  period: string,
  followUps: ApprovedFollowUp[],
): FollowUpCoverage[] {
  const year = input.year;
  const byKey = new Map(followUps.map((f) => [f.insatsKey, f]));
  const out: FollowUpCoverage[] = [];
  const seen = new Set<string>();
  for (const ins of input.insatser) {
    const f = byKey.get(ins.key) ?? null;
    const runs = owesPeriod({ start: ins.start ?? '0000-01-01', end: ins.end ?? '9999-12-31' }, period);
    if (!f && !(runs && fundedIn(ins, year, input.budgets))) continue;
    seen.add(ins.key);
    const reason = ins.exempt?.[period]?.trim() || null;
    out.push({
      insatsKey: ins.key,
      insatsId: ins.id ?? null,
      insatsName: ins.name,
      period,
      state: f ? 'GODKAND' : reason ? 'UNDANTAGEN' : 'SAKNAS',
      reason: f ? null : reason,
      followUp: f,
    });
  }
  // An approved follow-up of an insats the list does not hold (kept, as before, in its own order).
  for (const f of followUps)
    if (!seen.has(f.insatsKey))
      out.push({
        insatsKey: f.insatsKey,
        insatsId: null,
        insatsName: f.insatsName,
        period,
        state: 'GODKAND',
        reason: null,
        followUp: f,
      });
  return out;
}
