import Decimal from 'decimal.js';
import { financingRows, FinancingRow, Money, resolveReportSettings } from '@app/domain';
import type { ResolvedReportSettings } from '@app/domain';
import { ReportInput } from './report-input';

/**
 * One cost centre's budget for the year, by the one rule both reports use (issue 18.3): the decided line plus
 * any tilläggsbudget on it is the line's net; income budgeted on the line (lineIncome) is its intäkt; its
 * kostnad is net + intäkt, so netto = kostnad − intäkt.
 */
// Not figures.ts's D: figures.ts reads the budget frame from here.
const D = (v: string | null | undefined): Decimal =>
  new Money(v === null || v === undefined || v === '' ? 0 : v);

export interface BudgetLine {
  costCentre: string;
  /** Netto: the ordinary line plus tilläggsbudget, less nothing (income is already netted in the decided line). */
  net: Decimal;
  /** Intäkt: income budgeted on the line (e.g. ESF money booked against the project's costs); zero when none. */
  income: Decimal;
  incomeSource: string | null;
  /** Kostnad: what the line may cost, net + income. */
  cost: Decimal;
  /** The ordinary budget's line (zero when the line came with a tilläggsbudget only). */
  original: Decimal;
  /** Tilläggsbudget decided during the year on this line, with the decision dates. */
  supplementary: Decimal;
  decisions: Array<{ decided: string; amount: Decimal; fundedBy: string | null }>;
  /** True when the line exists only through decisions during the year. */
  onlySupplementary: boolean;
}

export type OrdinaryBudget = ReportInput['budgets'][number];

/** The year's ordinary budget: the latest decided. */
export function ordinaryBudget(input: ReportInput, year: number): OrdinaryBudget | undefined {
  return input.budgets
    .filter((b) => b.year === year && b.kind === 'ORDINARY')
    .sort((a, b) => b.decided.localeCompare(a.decided))[0];
}

/** The year's tilläggsbudgetar (supplementary decisions), oldest first. */
export function supplementaryBudgets(input: ReportInput, year: number): OrdinaryBudget[] {
  return input.budgets
    .filter((b) => b.year === year && b.kind === 'SUPPLEMENTARY')
    .sort((a, b) => a.decided.localeCompare(b.decided));
}

/**
 * The budget per cost centre as both the delårsrapport and the årsredovisning show it: the ordinary line plus
 * the year's tilläggsbudget, income per line from the data (never from a rule about the line's sign).
 * Ordinary lines first in their order, then lines that only decisions during the year brought.
 */
export function budgetLines(input: ReportInput, year: number): Map<string, BudgetLine> {
  const budget = ordinaryBudget(input, year);
  const out = new Map<string, BudgetLine>();
  const zero = () => new Money(0) as Decimal;
  const lineOf = (code: string): BudgetLine => {
    let l = out.get(code);
    if (!l) {
      l = {
        costCentre: code,
        net: zero(),
        income: zero(),
        incomeSource: null,
        cost: zero(),
        original: zero(),
        supplementary: zero(),
        decisions: [],
        onlySupplementary: true,
      };
      out.set(code, l);
    }
    return l;
  };
  for (const [code, v] of Object.entries(budget?.lines ?? {})) {
    const l = lineOf(code);
    l.original = D(v);
    l.onlySupplementary = false;
  }
  for (const [code, inc] of Object.entries(budget?.lineIncome ?? {})) {
    const l = lineOf(code);
    l.income = l.income.plus(D(inc.amount));
    l.incomeSource = inc.source;
    l.onlySupplementary = false;
  }
  for (const s of supplementaryBudgets(input, year))
    for (const [code, v] of Object.entries(s.lines)) {
      const l = lineOf(code);
      l.supplementary = l.supplementary.plus(D(v));
      l.decisions.push({ decided: s.decided, amount: D(v), fundedBy: s.fundedBy });
    }
  for (const l of out.values()) {
    l.net = l.original.plus(l.supplementary);
    l.cost = l.net.plus(l.income);
  }
  return out;
}

/** The budget's financing rows, whichever shape they were stored in. */
export function budgetFinancing(budget: OrdinaryBudget | undefined): FinancingRow[] {
  return financingRows(budget?.financing ?? null);
}

/**
 * The budgeted "verksamhetens intäkter": the financing that is not equity, less the income budgeted on lines
 * (that is booked against the lines' costs, not as the förbund's income). Null when the budget has no financing.
 */
export function budgetedIncome(budget: OrdinaryBudget | undefined): Decimal | null {
  const rows = budgetFinancing(budget).filter((r) => r.source !== 'EQUITY');
  if (!rows.length) return null;
  const onLines = Object.values(budget?.lineIncome ?? {}).reduce((a, l) => a.plus(D(l.amount)), new Money(0));
  return rows.reduce((a, r) => a.plus(r.amount), new Money(0)).minus(onLines);
}

export const settingsOf = (input: ReportInput): ResolvedReportSettings =>
  resolveReportSettings(input.organisation.settings ?? {});

/** A deviation signed the way the förbund reads it: budget − utfall (default) or utfall − budget. */
export function deviation(settings: ResolvedReportSettings, budget: Decimal, outcome: Decimal): Decimal {
  return settings.deviationSign === 'UTFALL_MINUS_BUDGET' ? outcome.minus(budget) : budget.minus(outcome);
}

/**
 * The year's budget frame: every decided line of the year, ordinary and tilläggsbudget, net. The financial goal
 * "Beviljad budget hålls" measures against it and the driftredovisning's budget total equals it.
 */
export function budgetFrame(input: ReportInput, year: number): Decimal {
  return [...budgetLines(input, year).values()].reduce((a, l) => a.plus(l.net), new Money(0) as Decimal);
}
