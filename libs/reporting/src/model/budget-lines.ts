import Decimal from 'decimal.js';
import { financingRows, FinancingRow, Money, resolveReportSettings } from '@app/domain';
import type { ResolvedReportSettings } from '@app/domain';
import { D } from './figures';
import { ReportRow } from './report-model';
import { row } from './table-helpers';
import { ReportInput } from './report-input';

/** One cost centre's line of the year's ordinary budget: its net budget, the income budgeted on it and its cost. */
export interface BudgetLine {
  costCentre: string;
  /** The decided line: cost less the income budgeted on it. */
  net: Decimal;
  /** Income budgeted on the line (e.g. ESF money booked against the project's costs); zero when none. */
  income: Decimal;
  incomeSource: string | null;
  /** What the line may cost: net + income. */
  cost: Decimal;
}

export type OrdinaryBudget = ReportInput['budgets'][number];

/** The year's ordinary budget: the latest decided. */
export function ordinaryBudget(input: ReportInput, year: number): OrdinaryBudget | undefined {
  return input.budgets
    .filter((b) => b.year === year && b.kind === 'ORDINARY')
    .sort((a, b) => b.decided.localeCompare(a.decided))[0];
}

/**
 * The budget per cost centre as both reports show it (the delårsrapport on a cost basis, the driftredovisning
 * net): from the decided line and the income budgeted on it, never from a rule about the line's sign.
 */
export function budgetLines(budget: OrdinaryBudget | undefined): Map<string, BudgetLine> {
  const out = new Map<string, BudgetLine>();
  for (const [code, v] of Object.entries(budget?.lines ?? {})) {
    const inc = budget?.lineIncome?.[code];
    const income = inc ? D(inc.amount) : new Money(0);
    const net = D(v);
    out.set(code, {
      costCentre: code,
      net,
      income,
      incomeSource: inc?.source ?? null,
      cost: net.plus(income),
    });
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
  const onLines = [...budgetLines(budget).values()].reduce((a, l) => a.plus(l.income), new Money(0));
  return rows.reduce((a, r) => a.plus(r.amount), new Money(0)).minus(onLines);
}

export const settingsOf = (input: ReportInput): ResolvedReportSettings =>
  resolveReportSettings(input.organisation.settings ?? {});

/** A deviation signed the way the förbund reads it: budget − utfall (default) or utfall − budget. */
export function deviation(settings: ResolvedReportSettings, budget: Decimal, outcome: Decimal): Decimal {
  return settings.deviationSign === 'UTFALL_MINUS_BUDGET' ? outcome.minus(budget) : budget.minus(outcome);
}

/** The rows a budget line carrying income adds under itself: what it may cost and what it brings in. */
export function incomeRows(
  code: string,
  line: BudgetLine | undefined,
  place: (budget: Decimal) => Array<Decimal | null>,
): ReportRow[] {
  if (!line || line.income.isZero()) return [];
  return [
    row(`${code}_budgeterade_kostnader`, 'varav budgeterade kostnader', place(line.cost), { level: 1 }),
    row(
      `${code}_budgeterade_intakter`,
      `varav budgeterade intäkter${line.incomeSource ? ` (${line.incomeSource})` : ''}`,
      place(line.income),
      { level: 1 },
    ),
  ];
}
