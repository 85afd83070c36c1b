import Decimal from 'decimal.js';
import { swedishMonthSpan } from '@app/domain';
import { computeFigures, Figures } from './figures';
import { FollowUpCoverage, followUpCoverage } from './coverage';
import { ReportInput } from './report-input';
import { ReportCheck, ReportSection, ReportTable } from './report-model';

/** What every section reads: the input, the figures computed once, and the lists the sections add to. */
export interface BuildContext {
  input: ReportInput;
  year: number;
  kind: ReportInput['kind'];
  unit: ReportInput['organisation']['unit'];
  cur: Figures;
  prev: Figures | null;
  prevEnd: Figures | null;
  yearLabel: string;
  prevLabel: string;
  /** Sections, checks and tables in report order; each section builder appends its own. */
  sections: ReportSection[];
  /** Parts of a chapter (level-2 sections) by catalogue id; the report structure places them. */
  parts: Map<string, ReportSection>;
  checks: ReportCheck[];
  tables: ReportTable[];
  ccName: Map<string, string>;
  /** The previous period's value of a figure, or null when there is no previous period. */
  pv: (k: keyof Figures) => Decimal | null;
  /** The approved follow-ups for the report's period (HELAR-year / DELAR-year). */
  followUps: ReportInput['followUps'];
  /** The report's follow-up period ("HELAR-2025", "DELAR-2025"). */
  period: string;
  /** Every insats the period's report accounts for: approved, missing or exempted, in insats order. */
  coverage: FollowUpCoverage[];
  /** The bundle's history, oldest year first. */
  history: ReportInput['history'];
}

export function createBuildContext(input: ReportInput): BuildContext {
  const { year, kind } = input;
  const cur = computeFigures(input.current, input, year);
  const prev = input.previous ? computeFigures(input.previous, input, year - 1) : null;
  const prevEnd = input.previousYearEnd ? computeFigures(input.previousYearEnd, input, year - 1) : prev;
  const period = `${kind === 'ARSREDOVISNING' ? 'HELAR' : 'DELAR'}-${year}`;
  const followUps = input.followUps.filter((f) => f.period === period);
  return {
    input,
    year,
    kind,
    unit: input.organisation.unit,
    cur,
    prev,
    prevEnd,
    yearLabel:
      kind === 'ARSREDOVISNING' ? String(year) : swedishMonthSpan(input.current.start, input.current.end),
    prevLabel: kind === 'ARSREDOVISNING' ? String(year - 1) : `Motsv. period ${year - 1}`,
    sections: [],
    parts: new Map(),
    checks: [],
    tables: [],
    ccName: new Map(input.costCentres.map((c) => [c.code, c.name])),
    pv: (k) => (prev ? (prev[k] as Decimal) : null),
    followUps,
    period,
    coverage: followUpCoverage(input, period, followUps),
    history: [...input.history].sort((a, b) => a.year - b.year),
  };
}
