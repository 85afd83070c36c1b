import Decimal from 'decimal.js';
import { formatKronor, mapAccount, Money, ReportLine } from '@app/domain';
import { AccountMap, PeriodLedger } from '../report-input';
import { ReportTable } from '../report-model';
import { D, Figures } from '../figures';
import { row, check } from '../table-helpers';
import { BuildContext } from '../build-context';

/**
 * 6 Noter, each with both years as the seed prints them: this period and the comparison column. Result notes
 * compare with the previous period (last year; the delårsrapport: the same period last year), balance notes
 * with last year's closing balances (the year's opening balances when last year's ledger is not loaded).
 */
export function noter(ctx: BuildContext): void {
  const { input, kind, unit, cur, yearLabel, prevLabel, sections, checks, tables } = ctx;
  // The comparison ledger of result notes, and of balance notes (at last year-end).
  const prevRes = input.previous;
  const prevBal: { ub: AccountMap; end: string } | null =
    kind === 'ARSREDOVISNING'
      ? (input.previous ?? (Object.keys(input.current.ib).length ? { ub: input.current.ib, end: '' } : null))
      : (input.previousYearEnd ??
        (Object.keys(input.current.ib).length ? { ub: input.current.ib, end: '' } : null));
  const balPrevFigures: Figures | null = kind === 'ARSREDOVISNING' ? ctx.prev : ctx.prevEnd;
  const isBalance = (k: keyof Figures) => k === 'fordringar' || k === 'kortfristiga_skulder';
  const noteTable = (
    id: string,
    title: string,
    pick: (l: PeriodLedger | { ub: AccountMap }) => AccountMap,
    prevLedger: PeriodLedger | { ub: AccountMap } | null,
    line: ReportLine,
    sign: 1 | -1,
    key: keyof Figures,
    prevColumn: string,
    curColumn = yearLabel,
  ): ReportTable => {
    const map = pick(input.current);
    const prevMap = prevLedger ? pick(prevLedger) : null;
    const ofLine = (m: AccountMap) =>
      Object.keys(m).filter((a) => mapAccount(a, input.accountMapping) === line);
    const accounts = [...new Set([...ofLine(map), ...(prevMap ? ofLine(prevMap) : [])])].sort((a, b) =>
      a.localeCompare(b),
    );
    const name = (a: string) =>
      input.current.accountNames[a] ??
      (prevLedger && 'accountNames' in prevLedger ? prevLedger.accountNames[a] : '');
    const rows = accounts.map((a) =>
      row(a, `${a} ${name(a) ?? ''}`.trim(), [
        D(map[a] ?? 0).times(sign),
        ...(prevMap ? [D(prevMap[a] ?? 0).times(sign)] : []),
      ]),
    );
    const total = (col: number) => rows.reduce((s, r) => s.plus(D(r.values[col])), new Money(0));
    const t: ReportTable = {
      id,
      title,
      columns: prevMap ? [curColumn, prevColumn] : [curColumn],
      rows: [...rows, row('summa', 'Summa', prevMap ? [total(0), total(1)] : [total(0)], { total: true })],
      sums: { summa: rows.map((r) => r.id) },
    };
    const sums = t.rows.at(-1)!.values.map((v) => D(v));
    const statement: Array<Decimal | null> = [
      cur[key] as Decimal,
      ...(prevMap
        ? [((isBalance(key) ? balPrevFigures : ctx.prev)?.[key] as Decimal | undefined) ?? null]
        : []),
    ];
    sums.forEach((sumv, col) => {
      const st = statement[col];
      if (st === null || st === undefined) return;
      const suffix = col === 0 ? '' : ` (${t.columns[col]})`;
      checks.push(
        check(
          col === 0 ? `not_${id}` : `not_${id}_jamforelse`,
          sumv.equals(st),
          `${title}${suffix}: ${formatKronor(sumv)} = raden i räkningen`,
          `${title}${suffix}: notens summa ${formatKronor(sumv)} ≠ raden i räkningen ${formatKronor(st)}`,
        ),
      );
    });
    return t;
  };
  const res = (l: PeriodLedger | { ub: AccountMap }) => ('res' in l ? l.res : {});
  const ub = (l: PeriodLedger | { ub: AccountMap }) => l.ub;
  const balColumn =
    kind === 'ARSREDOVISNING'
      ? (input.previous?.end ?? input.current.start)
      : (input.previousYearEnd?.end ?? input.current.start);
  const notes = [
    noteTable(
      'not2',
      'Not 2 Verksamhetens intäkter',
      res,
      prevRes,
      'verksamhetens_intakter',
      -1,
      'verksamhetens_intakter',
      prevLabel,
    ),
    noteTable(
      'not3',
      'Not 3 Verksamhetens kostnader',
      res,
      prevRes,
      'verksamhetens_kostnader',
      1,
      'verksamhetens_kostnader',
      prevLabel,
    ),
    // Balance notes are dated, as the balance sheet: "2025-12-31 | 2024-12-31".
    noteTable(
      'not4',
      'Not 4 Fordringar',
      ub,
      prevBal,
      'fordringar',
      1,
      'fordringar',
      balColumn,
      input.current.end,
    ),
    noteTable(
      'not5',
      'Not 5 Kortfristiga skulder',
      ub,
      prevBal,
      'kortfristiga_skulder',
      -1,
      'kortfristiga_skulder',
      balColumn,
      input.current.end,
    ),
  ];
  tables.push(...notes);
  sections.push({
    id: 'noter',
    title: kind === 'ARSREDOVISNING' ? 'Noter' : 'Noter och redovisningsprinciper',
    text:
      'Not 1 Redovisningsprinciper. Förbundet följer lagen om kommunal bokföring och redovisning i tillämpliga delar. Belopp redovisas i ' +
      (unit === 'tkr' ? 'tusental kronor (tkr)' : 'kronor') +
      ', avrundade från exakta belopp; summor räknas på exakta belopp och avrundas sist.',
    tables: notes,
  });
}
