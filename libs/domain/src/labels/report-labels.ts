/**
 * The words of the reports (PDF, XLSX, the model's texts): titles and file names of report kinds, check
 * statuses, amount units, assessments, financing sources, the months. Beside `labels.ts`, the one home of
 * the Swedish words for the platform's codes.
 */
import type { ReportingUnit } from '../money/money';
import { CHOICE_LABEL, REPORT_KIND_LABEL } from './labels';

export const MONTH_NAMES: readonly string[] = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** A report's title: "Årsredovisning 2025", "Delårsrapport januari–augusti 2025" (up to the period's end month), "Verksamhetsplan och budget 2026". */
export function reportTitle(kind: string, year: number, periodEnd?: string): string {
  if (kind === 'DELARSRAPPORT')
    return `${REPORT_KIND_LABEL.DELARSRAPPORT} januari–${MONTH_NAMES[Number((periodEnd ?? '').slice(5, 7)) - 1]} ${year}`;
  return `${REPORT_KIND_LABEL[kind] ?? kind} ${year}`;
}

/** The first word of a report's file names, per kind. */
export const REPORT_FILE_PREFIX: Record<string, string> = {
  ARSREDOVISNING: 'arsredovisning',
  DELARSRAPPORT: 'delarsrapport',
  VERKSAMHETSPLAN: 'verksamhetsplan',
};

/** A compiled report's file name without extension: "arsredovisning-samspelet-2025-v3". */
export function reportFileBase(kind: string, slug: string, year: number, version: number): string {
  return `${REPORT_FILE_PREFIX[kind] ?? 'rapport'}-${slug}-${year}-v${version}`;
}

/** A report check's status as the report prints it. */
export const CHECK_STATUS_LABEL: Record<string, string> = {
  PASS: 'GODKÄND',
  FAIL: 'EJ GODKÄND',
};

/** The title of the checks' working document (a PDF beside the published report). */
export const CHECKS_DOCUMENT_TITLE = 'Kontroller';

/** Anything but a passed check reads as not passed. */
export function checkStatusLabel(status: string): string {
  return status === 'PASS' ? CHECK_STATUS_LABEL.PASS : CHECK_STATUS_LABEL.FAIL;
}

/** The line under a report's tables: "Belopp i tkr" or "Belopp i kronor". */
export const AMOUNT_UNIT_LABEL: Record<ReportingUnit, string> = {
  tkr: 'Belopp i tkr',
  kr: 'Belopp i kronor',
};

/** An assessment (bedömning) inside a sentence: "delvis uppfyllt", "ej mätbart än". */
export const CHOICE_PHRASE: Record<string, string> = Object.fromEntries(
  Object.entries(CHOICE_LABEL).map(([code, label]) => [code, label.toLowerCase()]),
);

/** Where a budget's financing comes from (the budget's `financing` keys). */
export const FINANCING_LABEL: Record<string, string> = {
  fromParties: 'medlemmarnas tilldelning',
  fromEquity: 'eget kapital',
  esf: 'ESF',
  nns: 'NNS-arbete',
  other: 'övriga intäkter',
};

/** What kind of money a financing row is (the förbund names the row itself). */
export const FINANCING_SOURCE_LABEL: Record<string, string> = {
  PARTIES: 'Medlemmarnas tilldelning',
  EQUITY: 'Eget kapital',
  ESF: 'ESF',
  NNS: 'NNS-arbete',
  OTHER: 'Övrigt',
};

/** The driftredovisning's columns, as headings ("Utfall 2024" carries the year). */
export function driftColumnLabel(column: string, year: number): string {
  return (
    {
      UTFALL: 'Utfall',
      BUDGET: 'Budget',
      AVVIKELSE: 'Avvikelse',
      UTFALL_FOREGAENDE_AR: `Utfall ${year - 1}`,
    }[column] ?? column
  );
}

/** The parts of a driftredovisning amount (issue 14.3): what came in, what it cost, and netto = kostnad − intäkt. */
export const DRIFT_PARTS = ['INTAKT', 'KOSTNAD', 'NETTO'] as const;
export type DriftPart = (typeof DRIFT_PARTS)[number];
const DRIFT_PART_LABEL: Record<DriftPart, string> = { INTAKT: 'intäkt', KOSTNAD: 'kostnad', NETTO: 'netto' };

/**
 * The headings of one driftredovisning column split into its parts, each naming its year and part so that a
 * header cell reads on its own ("Utfall 2025 intäkt"); the deviation is on the net.
 */
export function driftPartHeadings(column: string, year: number): Array<{ part: DriftPart; label: string }> {
  const head = {
    UTFALL: `Utfall ${year}`,
    BUDGET: `Budget ${year}`,
    UTFALL_FOREGAENDE_AR: `Utfall ${year - 1}`,
  }[column];
  if (!head) return [{ part: 'NETTO', label: `${driftColumnLabel(column, year)} netto` }];
  return DRIFT_PARTS.map((part) => ({ part, label: `${head} ${DRIFT_PART_LABEL[part]}` }));
}

/** How a deviation is computed, in the sentence under the table: "Avvikelse = budget − utfall; …". */
export const DEVIATION_SIGN_TEXT: Record<string, { utfall: string; prognos: string }> = {
  BUDGET_MINUS_UTFALL: {
    utfall: 'Avvikelse = budget − utfall; positivt är ett överskott.',
    prognos: 'Avvikelse = budget − årsprognos; positivt innebär att prognosen ligger under budget.',
  },
  UTFALL_MINUS_BUDGET: {
    utfall: 'Avvikelse = utfall − budget; negativt är ett överskott.',
    prognos: 'Avvikelse = årsprognos − budget; negativt innebär att prognosen ligger under budget.',
  },
};

/** The delårsrapport's period end a förbund can choose, in words. */
export const DELAR_END_LABEL: Record<string, string> = {
  '06-30': '30 juni',
  '08-31': '31 augusti',
};

/** Where the year's NNS counts come from, inside a sentence: "Underlaget är {…}". */
export const NNS_SOURCE_PHRASE: Record<string, string> = {
  IMPORT: 'antal inlästa från enkäter på papper eller i ett annat verktyg',
  PLATFORM:
    'svar lämnade i plattformen (deltagare anonymt med engångskod, styrelse och beredningsgrupp inloggade)',
  IMPORT_AND_PLATFORM: 'inlästa antal och svar lämnade i plattformen, summerade',
};

/** Short group words that fit under a chart's bar without breaking mid-word. */
export const SURVEY_GROUP_SHORT_LABEL: Record<string, string> = {
  DELTAGARE_PAGAENDE: 'deltagare',
  DELTAGARE_AVSLUT: 'deltagare',
  PERSONAL: 'personal',
  STYRELSE: 'styrelse',
  BEREDNINGSGRUPP: 'beredning',
};

// The förbundschef's texts are keyed by the report sections' catalogue: reports/report-structure.ts.
