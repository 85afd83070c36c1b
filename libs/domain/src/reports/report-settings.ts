import { z } from 'zod';

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
  })
  .strict();

export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export interface ResolvedReportSettings {
  delarEnd: DelarEnd;
  deviationSign: DeviationSign;
  driftColumns: DriftColumn[];
}

export const DEFAULT_REPORT_SETTINGS: ResolvedReportSettings = {
  delarEnd: '06-30',
  deviationSign: 'BUDGET_MINUS_UTFALL',
  driftColumns: [...DRIFT_COLUMNS],
};

/** The settings with the defaults filled in; anything unreadable falls back to the default. */
export function resolveReportSettings(raw: unknown): ResolvedReportSettings {
  const parsed = reportSettingsSchema.safeParse(raw ?? {});
  const s = parsed.success ? parsed.data : {};
  return {
    delarEnd: s.delarEnd ?? DEFAULT_REPORT_SETTINGS.delarEnd,
    deviationSign: s.deviationSign ?? DEFAULT_REPORT_SETTINGS.deviationSign,
    driftColumns: s.driftColumns ?? [...DEFAULT_REPORT_SETTINGS.driftColumns],
  };
}

/** The last day of the delårsrapport's period of a year ("2025-06-30" or "2025-08-31"). */
export function delarPeriodEnd(year: number, settings: Pick<ResolvedReportSettings, 'delarEnd'>): string {
  return `${year}-${settings.delarEnd}`;
}
