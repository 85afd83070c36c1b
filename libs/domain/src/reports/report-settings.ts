import { z } from 'zod';
import { isoDateSchema } from '../board/board-mandates';
import type { SignersBasis } from '../labels/report-section-labels';

/**
 * How a förbund wants its reports: where the delårsrapport's period ends, which way a deviation is signed,
 * and which columns its driftredovisning shows in which order. Every field is optional; the defaults are the
 * seeds' (30 June, budget − utfall, utfall/budget/avvikelse/last year's utfall).
 */
export const DELAR_ENDS = ['06-30', '08-31'] as const;
export const DEVIATION_SIGNS = ['BUDGET_MINUS_UTFALL', 'UTFALL_MINUS_BUDGET'] as const;
export const DRIFT_COLUMNS = ['UTFALL', 'BUDGET', 'AVVIKELSE', 'UTFALL_FOREGAENDE_AR'] as const;

export type DelarEnd = (typeof DELAR_ENDS)[number];
export type DeviationSign = (typeof DEVIATION_SIGNS)[number];
export type DriftColumn = (typeof DRIFT_COLUMNS)[number];

export const reportSettingsSchema = z
  .object({
    delarEnd: z.enum(DELAR_ENDS, { message: 'ska vara 06-30 eller 08-31' }).optional(),
    deviationSign: z
      .enum(DEVIATION_SIGNS, { message: 'ska vara BUDGET_MINUS_UTFALL eller UTFALL_MINUS_BUDGET' })
      .optional(),
    driftColumns: z
      .array(z.enum(DRIFT_COLUMNS, { message: `ska vara en av ${DRIFT_COLUMNS.join(', ')}` }))
      .min(1, { message: 'minst en kolumn krävs' })
      .refine((cols) => new Set(cols).size === cols.length, { message: 'en kolumn får bara finnas en gång' })
      .optional(),
    /**
     * The day the board plans to decide on the årsredovisning (YYYY-MM-DD). Until a signing request names the
     * decision date, the signature page lists the board sitting on this day; it counts only for the year before it.
     */
    plannedDecisionDate: isoDateSchema.nullish(),
  })
  .strict();

export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export interface ResolvedReportSettings {
  delarEnd: DelarEnd;
  deviationSign: DeviationSign;
  driftColumns: DriftColumn[];
  /** The board's planned decision date on the årsredovisning; null: none planned. */
  plannedDecisionDate: string | null;
}

export const DEFAULT_REPORT_SETTINGS: ResolvedReportSettings = {
  delarEnd: '06-30',
  deviationSign: 'BUDGET_MINUS_UTFALL',
  driftColumns: [...DRIFT_COLUMNS],
  plannedDecisionDate: null,
};

/** The settings with the defaults filled in; anything unreadable falls back to the default. */
export function resolveReportSettings(raw: unknown): ResolvedReportSettings {
  const parsed = reportSettingsSchema.safeParse(raw ?? {});
  const s = parsed.success ? parsed.data : {};
  return {
    delarEnd: s.delarEnd ?? DEFAULT_REPORT_SETTINGS.delarEnd,
    deviationSign: s.deviationSign ?? DEFAULT_REPORT_SETTINGS.deviationSign,
    driftColumns: s.driftColumns ?? [...DEFAULT_REPORT_SETTINGS.driftColumns],
    plannedDecisionDate: s.plannedDecisionDate ?? null,
  };
}

/**
 * The planned decision date that counts for the årsredovisning of `year`: the settings' date when it lies in the
 * year after (the board decides in the spring after the year-end); an older or a later plan counts for another year.
 */
export function plannedDecisionDateFor(
  settings: Pick<ResolvedReportSettings, 'plannedDecisionDate'>,
  year: number,
): string | null {
  const d = settings.plannedDecisionDate;
  return d && d.startsWith(`${year + 1}-`) ? d : null;
}

/**
 * The day whose board signs the årsredovisning of `year`, and why that day: the decision date a signing request
 * names; else the förbund's planned decision date (see plannedDecisionDateFor); else today in Sweden, never
 * before the year-end.
 */
export function signersDay(o: {
  requestDate: string | null;
  planned: string | null;
  today: string;
  year: number;
}): { date: string; basis: SignersBasis } {
  if (o.requestDate) return { date: o.requestDate, basis: 'DECISION' };
  if (o.planned) return { date: o.planned, basis: 'PLANNED' };
  const yearEnd = `${o.year}-12-31`;
  return o.today > yearEnd ? { date: o.today, basis: 'COMPILED' } : { date: yearEnd, basis: 'YEAR_END' };
}

/** The last day of the delårsrapport's period of a year ("2025-06-30" or "2025-08-31"). */
export function delarPeriodEnd(year: number, settings: Pick<ResolvedReportSettings, 'delarEnd'>): string {
  return `${year}-${settings.delarEnd}`;
}
