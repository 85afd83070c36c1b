import type { NnsReportModel } from './sections/nns-annex';
import type { SignersBasis } from '@app/domain';

/** The compiled report (CONTRACT.md §5): every figure an exact decimal string; presentation is the renderer's. */
export interface ReportRow {
  id: string;
  label: string;
  values: Array<string | null>;
  /** A total row (bold; checked against the rows above it). */
  total?: boolean;
  /** How to present the values: amounts (default), ratios as percent, or plain text. */
  /** `share`: an NNS share, printed in whole percent as the survey reports do. */
  format?: 'amount' | 'percent' | 'share' | 'text' | 'integer';
  level?: number;
  /** A group heading inside the table ("Tillgångar", "Omsättningstillgångar"): a row header without values. */
  heading?: boolean;
}

export interface ReportTable {
  id: string;
  title?: string;
  columns: string[];
  /** The heading of the label column (the board's "Ordinarie ledamot"); missing: none. */
  labelHeader?: string;
  rows: ReportRow[];
  /** Columns whose amounts are deviations, shown with an explicit plus sign. */
  signedColumns?: number[];
  /** Rows summed by each total row: the total's id → the ids of its rows. */
  sums?: Record<string, string[]>;
  notes?: string[];
}

export interface ReportChart {
  id: string;
  title: string;
  kind: 'bars';
  /** Values are amounts (default) or shares between 0 and 1. */
  format?: 'amount' | 'percent';
  categories: string[];
  series: Array<{ name: string; values: Array<string | null> }>;
}

export interface ReportSection {
  id: string;
  title: string;
  /** 2: a part of the chapter before it (e.g. 1.3 of the förvaltningsberättelse); missing: a chapter. */
  level?: 2;
  /** A numbered part's number within its chapter ("1.3"); chapters are numbered by their order. */
  number?: string;
  text?: string;
  tables: ReportTable[];
  charts?: ReportChart[];
  subsections?: Array<{ id: string; title: string; text: string }>;
  /** The signature page: printed as lines to sign on, each with the signer's name and title under it. */
  signatures?: ReportSignatures;
}

export interface ReportSignatures {
  statement: string;
  note?: string;
  /** The label of the place-and-date line ("Ort och datum"). */
  placeAndDate: string;
  /** The board's decision date the signers were chosen at; null: no decision date is known yet. */
  decisionDate: string | null;
  /**
   * The day the list of signers is for and where it comes from (the decision, else the compile date or the
   * year-end), with the sentence the page prints ("Styrelsen enligt uppdrag den 12 februari 2026, …").
   */
  boardAsOf?: { date: string; basis: SignersBasis; text: string };
  groups: Array<{ intro?: string; signers: Array<{ name: string; title: string }> }>;
}

export interface ReportCheck {
  id: string;
  status: 'PASS' | 'FAIL';
  message: string;
}

export interface ReportModel {
  kind: 'DELARSRAPPORT' | 'ARSREDOVISNING' | 'VERKSAMHETSPLAN';
  /** A document not yet decided or signed: the PDF carries a draft watermark. */
  draft?: boolean;
  /** The date the styrelse decided it (the verksamhetsplan). */
  decidedAt?: string;
  title: string;
  organisation: { slug: string; name: string };
  period: { start: string; end: string };
  unit: 'tkr' | 'kr';
  keyFigures: { current: Record<string, string>; previous: Record<string, string> };
  sections: ReportSection[];
  /** The förbund's report structure the sections follow: its version, or null for the seeds' default. */
  structureVersion?: number | null;
  /**
   * Each goal measured on the year's outcome (årsredovisning) or on the forecast for the year (delårsrapport);
   * a goal the forecast cannot measure is "ej mätbart än".
   */
  financialGoals: Array<{
    key: string;
    text: string;
    value: string;
    status: 'UPPFYLLT' | 'EJ_UPPFYLLT' | 'EJ_MATBART_AN';
    basis?: 'UTFALL' | 'PROGNOS';
  }>;
  /** NNS indikatorenkät (CONTRACT.md §6), present when the year has counts. */
  nns?: NnsReportModel;
  checks: ReportCheck[];
  /**
   * Every insats the period's report accounts for (delårsrapport, årsredovisning): with an approved follow-up,
   * missing one, or exempted by the förbundschef with a reason.
   */
  followUpCoverage?: Array<{
    insatsKey: string;
    insatsId: string | null;
    insatsName: string;
    period: string;
    state: 'GODKAND' | 'SAKNAS' | 'UNDANTAGEN';
    reason: string | null;
  }>;
  bilagor: Array<{
    id: string;
    title: string;
    insatsKey: string;
    period: string;
    /** The approved content's hash: for the audit trail and the checks, not printed in the published PDF. */
    contentHash: string | null;
    /** Who approved the follow-up and when, in words and Swedish time; null or missing: not known. */
    approval?: string | null;
    /** Set on a bilaga that stands for a missing or exempted follow-up. */
    coverage?: 'SAKNAS' | 'UNDANTAGEN';
    sections: Array<{ title: string; lines: Array<[string, string]> }>;
    /** Uploaded files of the follow-up; PDFs and images are appended to the report's PDF. */
    attachments: Array<{ fileId: string; name: string | null; contentType: string; sha256: string }>;
  }>;
}
