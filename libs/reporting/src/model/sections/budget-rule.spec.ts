import { cell, samspeletInput } from '../__fixtures__/samspelet';
import { buildReport } from '../build-report';
import { budgetFrame } from '../budget-lines';
import { ReportModel, ReportTable } from '../report-model';
import { ReportInput } from '../report-input';
import Decimal from 'decimal.js';
import { toAmountString } from '@app/domain';

const table = (m: ReportModel, id: string): ReportTable | undefined =>
  m.sections.flatMap((s) => s.tables).find((t) => t.id === id);
const PARTS = ['intäkt', 'kostnad', 'netto'] as const;

/** The delårsrapport's budget of a line: from the helårsprognos, or from the decisions during the year. */
function delarBudget(m: ReportModel, code: string): Array<string | null> | undefined {
  for (const [id, rowId] of [
    ['helarsprognos', code],
    ['beslut_under_aret', `beslut_${code}`],
  ]) {
    const t = table(m, id);
    if (t?.rows.some((r) => r.id === rowId)) return PARTS.map((p) => cell(t, rowId, `Budget 2025 ${p}`));
  }
  return undefined;
}

/** The årsredovisning's budget of every line of the driftredovisning that has a budget. */
function arBudgets(m: ReportModel): Map<string, Array<string | null>> {
  const drift = table(m, 'driftredovisning')!;
  return new Map(
    drift.rows
      .filter((r) => /^\d+$/.test(r.id))
      .map((r) => [r.id, PARTS.map((p) => cell(drift, r.id, `Budget 2025 ${p}`))] as const)
      .filter(([, v]) => v[1] !== null && v[1] !== '0.00'),
  );
}

/** A budget part summed over rows, as a decimal string (null parts count as zero). */
const sumPart = (t: ReportTable, ids: string[], column: string): string =>
  toAmountString(ids.reduce((a, id) => a.plus(cell(t, id, column) ?? 0), new Decimal(0)));

function sameBudgetEverywhere(ar: ReportInput, delar: ReportInput): void {
  const a = buildReport(ar);
  const d = buildReport(delar);
  const lines = arBudgets(a);
  expect(lines.size).toBeGreaterThan(5);
  for (const [code, budget] of lines) expect([code, delarBudget(d, code)]).toEqual([code, budget]);
  // lines decided during the year: apart in both reports, with the same budget
  const beslut = table(d, 'beslut_under_aret');
  const drift0 = table(a, 'driftredovisning')!;
  if (beslut) {
    const ids = beslut.rows.filter((r) => r.id.startsWith('beslut_')).map((r) => r.id);
    expect(cell(drift0, 'beslut_under_aret', 'Budget 2025 kostnad')).toBe(
      sumPart(beslut, ids, 'Budget 2025 kostnad'),
    );
  } else expect(drift0.rows.some((r) => r.id === 'beslut_under_aret')).toBe(false);
  // the ÅR's drift total is the frame the goal "Beviljad budget hålls" counts
  const drift = table(a, 'driftredovisning')!;
  const frame = toAmountString(budgetFrame(ar, 2025));
  expect(cell(drift, 'summa_kostnader', 'Budget 2025 netto')).toBe(frame);
  expect(a.checks.find((c) => c.id === 'driftredovisning_budget_mot_budgetram')?.status).toBe('PASS');
  expect([...a.checks, ...d.checks].filter((c) => c.status === 'FAIL')).toEqual([]);
}

describe('one budget per line in the delårsrapport and the årsredovisning (issue 18.3)', () => {
  it('Samspelet 2025: every drift line has the same intäkt, kostnad and netto in both; the total is the goal’s frame', () => {
    sameBudgetEverywhere(samspeletInput('ar'), samspeletInput('delar'));
    const a = buildReport(samspeletInput('ar'));
    // the frame 10 103 000 includes the 740 000 tilläggsbudget of 2025-05-27
    expect(cell(table(a, 'driftredovisning')!, 'summa_kostnader', 'Budget 2025 netto')).toBe('10103000.00');
    const goal = a.financialGoals.find((g) => g.key === 'budget_halls')!;
    expect(goal.value.startsWith('0.935068')).toBe(true);
  });

  it('a tilläggsbudget on an existing line adds to that line in both reports', () => {
    const [ar, delar] = (['ar', 'delar'] as const).map((k) => {
      const input = samspeletInput(k);
      input.budgets.push({
        year: 2025,
        decided: '2025-04-15',
        kind: 'SUPPLEMENTARY',
        fundedBy: 'EQUITY',
        lines: { '800': '100000.00' },
        outlook: null,
        financing: null,
      });
      return input;
    });
    sameBudgetEverywhere(ar, delar);
    const d = buildReport(delar);
    expect(cell(table(d, 'helarsprognos')!, '800', 'Budget 2025 kostnad')).toBe('1300000.00');
    expect(table(d, 'helarsprognos')!.notes?.join(' ')).toContain('tilläggsbudget');
    expect(cell(table(buildReport(ar), 'driftredovisning')!, '800', 'Budget 2025 netto')).toBe('1300000.00');
  });

  it('without income budgeted on a line, the line is its decided figure in both, and no intäkt column is invented', () => {
    const [ar, delar] = (['ar', 'delar'] as const).map((k) => {
      const input = samspeletInput(k);
      for (const b of input.budgets) b.lineIncome = null;
      return input;
    });
    const d = buildReport(delar);
    const p = table(d, 'helarsprognos')!;
    expect(p.columns[0]).toBe('Budget 2025 kostnad');
    expect(cell(p, '835', 'Budget 2025 kostnad')).toBe('-150000.00');
    const drift = table(buildReport(ar), 'driftredovisning')!;
    expect(PARTS.map((x) => cell(drift, '835', `Budget 2025 ${x}`))).toEqual([
      null,
      '-150000.00',
      '-150000.00',
    ]);
  });
});
