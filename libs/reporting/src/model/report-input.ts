import type {
  AccountRange,
  CostSplitPurpose,
  FinancingRow,
  NnsModel,
  PlanBudget,
  ReportingUnit,
  ReportSettings,
  SignersBasis,
  StructureEntry,
  TemplateDef,
} from '@app/domain';

export type ReportKind = 'DELARSRAPPORT' | 'ARSREDOVISNING';

/** Amounts by account as exact decimal strings, debit positive (as in SIE). */
export type AccountMap = Record<string, string>;

/** Balances for one period: opening balances, period outcome of result accounts, closing balances. */
export interface PeriodLedger {
  start: string;
  end: string;
  /** Opening balances of balance accounts at `start`. */
  ib: AccountMap;
  /** Balances of balance accounts at `end`. */
  ub: AccountMap;
  /** Outcome of result accounts over the period. */
  res: AccountMap;
  /** Outcome per cost centre over the period (all result accounts carrying the centre). */
  costCentres: Record<string, string>;
  /**
   * The outcome per cost centre and account (debit positive): income booked on a centre (e.g. ESF money on an
   * income account) is the centre's intäkt in the driftredovisning. Missing: every centre's outcome is kostnad.
   */
  costCentreAccounts?: Record<string, AccountMap>;
  accountNames: Record<string, string>;
}

export interface ApprovedFollowUp {
  insatsKey: string;
  insatsName: string;
  insatsType: 'INDIVID' | 'STRUKTUR';
  costCentre: string;
  period: string;
  contentHash: string | null;
  answers: Record<string, unknown>;
  matpunkter: Array<{ key: string; text: string; metric?: string | null }>;
  /** Uploaded bilagor of the follow-up (resolved from answers.bilagor). */
  attachments: Array<{ fileId: string; name: string | null; contentType: string; sha256: string }>;
  /** Who approved it and when (the last round's approvals, ISO instants), printed in words; missing: not shown. */
  approvals?: Array<{ name: string; at: string }>;
  /** The template version the follow-up was filled in with (a förbund's own fields); missing: the standard one. */
  template?: TemplateDef | null;
}

/** An insats as the report sees it: its budget per year and, to judge which periods it owes, its dates. */
export interface ReportInsats {
  key: string;
  name: string;
  costCentre: string;
  budgets: Record<string, string>;
  id?: string;
  /** First and last day (ISO dates); missing: the insats counts as running the whole period. */
  start?: string;
  end?: string | null;
  /** Periods the förbundschef exempted the insats from, with the reason (period → reason). */
  exempt?: Record<string, string>;
}

/** Everything a report is computed from, gathered by the worker; the model builder is pure over it. */
export interface ReportInput {
  kind: ReportKind;
  year: number;
  organisation: {
    slug: string;
    name: string;
    unit: ReportingUnit;
    vision: string | null;
    /** The förbund's report choices (delår end, deviation sign, driftredovisning columns); missing: defaults. */
    settings?: ReportSettings | null;
  };
  accountMapping: AccountRange[];
  current: PeriodLedger;
  /** The comparison period: last year (årsredovisning) or the same period last year (delårsrapport). */
  previous: PeriodLedger | null;
  /** For the delårsrapport's balance sheet comparison: last year-end. */
  previousYearEnd: PeriodLedger | null;
  costCentres: Array<{
    code: string;
    name: string;
    category: 'ADMINISTRATION' | 'FORBUND' | 'INSATS';
    /**
     * A shared cost centre's split (issue 18): parts of its costs that count as something else (ADMINISTRATION,
     * STRUKTUR, INDIVID, FORBUND), shares as exact decimal fractions together at most 1; the rest keeps the
     * category. Missing or null: none.
     */
    split?: Array<{ purpose: CostSplitPurpose; share: string; note?: string }> | null;
  }>;
  funding: Array<{ year: number; party: string; partyName: string; amount: string }>;
  budgets: Array<{
    year: number;
    decided: string;
    kind: 'ORDINARY' | 'SUPPLEMENTARY';
    fundedBy: string | null;
    /** Cost centre → the line's net budget. */
    lines: Record<string, string>;
    /** Income budgeted on a line (cost centre → amount and source); the line's cost is line + income. */
    lineIncome?: Record<string, { amount: string; source: string }> | null;
    outlook: Record<string, string> | null;
    /** The old fixed keys (fromParties, fromEquity, esf, other) or the förbund's own rows. */
    financing: Record<string, string> | FinancingRow[] | null;
  }>;
  forecasts: Array<{ year: number; asOf: string; lines: Record<string, string> }>;
  financialGoals: Array<{ key: string; text: string; metric: string; op: string; value: string }>;
  history: Array<{ year: number; figures: Record<string, string | number> }>;
  insatser: ReportInsats[];
  followUps: ApprovedFollowUp[];
  /**
   * Everyone whose board or revisor mandate ran some day of the report's year (issue 18.2): `party` is the name of
   * whoever appointed them (null: the förbund itself); `from`/`to` the mandate's days (missing or null: open);
   * `gender` as the förbund recorded it (missing: no gender split is printed).
   */
  board: Array<{
    name: string;
    role: string;
    title: string | null;
    party: string | null;
    personId?: string;
    from?: string | null;
    to?: string | null;
    gender?: 'KVINNA' | 'MAN' | 'ANNAT' | null;
  }>;
  /**
   * The board at the decision date the report is compiled for (issue 18.2: the board changes between year-end and
   * signing): every mandate that covers that day. Missing or empty: the signature page names the board at year-end.
   */
  signers?: {
    decisionDate: string;
    board: ReportInput['board'];
    /**
     * Where `decisionDate` comes from: a signing request's decision date (DECISION), or, with none yet, the
     * förbund's planned decision date (PLANNED), the day the report is compiled (COMPILED) or the year-end when that
     * is later (YEAR_END). Missing: DECISION (older inputs).
     */
    basis?: SignersBasis;
  } | null;
  /** The ledger imports the report stands on, with their own checks. */
  imports: Array<{ year: number; version: number; transactions: number; warnings: number }>;
  texts: Record<string, string>;
  /**
   * The decided verksamhetsplan of the next year (årsredovisning), its three-year budget computed by the plan's
   * rule (DOMAIN.md §8): the budgetprognos prints it line by line. Missing or null: the budgets stand alone.
   */
  nextPlan?: { year: number; decidedAt: string | null; budget: PlanBudget } | null;
  /** The förbund's chosen sections (a version of its report structure); missing or null: the seeds' default. */
  structure?: { version: number; entries: StructureEntry[] } | null;
  /** NNS indikatorenkät of the year (årsredovisning): shares from counts, and the indicators the annex shows. */
  nns?: {
    model: NnsModel;
    source: 'IMPORT' | 'PLATFORM' | 'IMPORT_AND_PLATFORM';
    /** Indicator numbers the förbund shows in its annex; empty or missing: every indicator with counts. */
    selected?: number[];
    /** The national picture beside the förbund's own: counts of the förbund that contribute, added up. */
    national?: { organisations: number; model: NnsModel } | null;
  } | null;
}

// The förbundschef's own texts and their headings: one home in libs/domain's labels.
export { REPORT_TEXT_KEYS, type ReportTextKey } from '@app/domain';
