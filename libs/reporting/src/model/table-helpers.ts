import Decimal from 'decimal.js';
import { formatAmount, formatKronor, Money, toUnit } from '@app/domain';
import { ReportCheck, ReportRow, ReportTable } from './report-model';
import { D, amount, ratioStr } from './figures';

export const row = (
  id: string,
  label: string,
  values: Array<Decimal | null>,
  extra: Partial<ReportRow> = {},
): ReportRow => ({
  id,
  label,
  values: values.map((v) => (v === null ? null : extra.format === 'percent' ? ratioStr(v) : amount(v))),
  ...extra,
});

/** Checks that a table's totals equal the sum of their rows, exactly, column by column. */
export function tableSumCheck(t: ReportTable): ReportCheck[] {
  const out: ReportCheck[] = [];
  for (const [totalId, parts] of Object.entries(t.sums ?? {})) {
    const tr = t.rows.find((r) => r.id === totalId)!;
    const problems: string[] = [];
    tr.values.forEach((v, col) => {
      if (v === null) return;
      const s = parts.reduce(
        (a, id) => a.plus(D(t.rows.find((r) => r.id === id)?.values[col] ?? 0)),
        new Money(0),
      );
      if (!s.equals(D(v)))
        problems.push(
          `i kolumnen ${t.columns[col]} blir raderna tillsammans ${formatKronor(s)} men raden ${tr.label} säger ${formatKronor(D(v))}`,
        );
    });
    const shown = tr.values
      .map((v, col) => (v === null ? null : `${t.columns[col]}: ${formatKronor(D(v))}`))
      .filter((v) => v !== null);
    out.push({
      id: `summa_${t.id}_${totalId}`,
      status: problems.length ? 'FAIL' : 'PASS',
      message: problems.length
        ? `${t.title ?? t.id}: ${problems.join('; ')}.`
        : `${t.title ?? t.id}: raden ${tr.label} är summan av raderna ovanför (${shown.join(', ')}).`,
    });
  }
  return out;
}

/** Where rounded rows do not add up to the rounded total, the table says so instead of fudging a row. */
export function roundingNotes(t: ReportTable, unit: 'tkr' | 'kr'): void {
  for (const [totalId, parts] of Object.entries(t.sums ?? {})) {
    const tr = t.rows.find((r) => r.id === totalId)!;
    tr.values.forEach((v, col) => {
      if (v === null || tr.format === 'percent') return;
      const rounded = parts.reduce(
        (a, id) => a.plus(toUnit(D(t.rows.find((r) => r.id === id)?.values[col] ?? 0), unit)),
        new Money(0),
      );
      const totalRounded = toUnit(D(v), unit);
      if (!rounded.equals(totalRounded)) {
        (t.notes ??= []).push(
          `Avrundning: ${t.columns[col]}: de avrundade raderna summerar till ${formatAmount(rounded.times(unit === 'tkr' ? 1000 : 1), unit)} medan summan, avrundad från exakta belopp, är ${formatAmount(D(v), unit)}.`,
        );
      }
    });
  }
}

export const check = (id: string, ok: boolean, pass: string, fail: string): ReportCheck => ({
  id,
  status: ok ? 'PASS' : 'FAIL',
  message: ok ? pass : fail,
});

export function compareOp(op: string, a: Decimal, b: Decimal): boolean {
  return op === '<='
    ? a.lte(b)
    : op === '>='
      ? a.gte(b)
      : op === '<'
        ? a.lt(b)
        : op === '>'
          ? a.gt(b)
          : a.eq(b);
}
