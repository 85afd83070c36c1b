import Decimal from 'decimal.js';
import { mapAccount, Money, ReportLine } from '@app/domain';
import { AccountMap } from '../report-input';
import { ReportTable } from '../report-model';
import { D, amount } from '../figures';
import { row, check } from '../table-helpers';
import { BuildContext } from '../build-context';

/** 6 Noter. */
export function noter(ctx: BuildContext): void {
  const { input, kind, unit, cur, yearLabel, sections, checks, tables } = ctx;
  const noteTable = (
    id: string,
    title: string,
    map: AccountMap,
    line: ReportLine,
    sign: 1 | -1,
    statement: Decimal,
  ): ReportTable => {
    const accounts = Object.entries(map)
      .filter(([a]) => mapAccount(a, input.accountMapping) === line)
      .sort(([a], [b]) => a.localeCompare(b));
    const rows = accounts.map(([a, v]) =>
      row(a, `${a} ${input.current.accountNames[a] ?? ''}`.trim(), [D(v).times(sign)]),
    );
    const t: ReportTable = {
      id,
      title,
      columns: [yearLabel],
      rows: [
        ...rows,
        row('summa', 'Summa', [rows.reduce((s, r) => s.plus(D(r.values[0])), new Money(0))], { total: true }),
      ],
      sums: { summa: rows.map((r) => r.id) },
    };
    const sumv = D(t.rows.at(-1)!.values[0]);
    checks.push(
      check(
        `not_${id}`,
        sumv.equals(statement),
        `${title}: ${amount(sumv)} = raden i räkningen`,
        `${title}: notens summa ${amount(sumv)} ≠ raden i räkningen ${amount(statement)}`,
      ),
    );
    return t;
  };
  const notes = [
    noteTable(
      'not2',
      'Not 2 Verksamhetens intäkter',
      input.current.res,
      'verksamhetens_intakter',
      -1,
      cur.verksamhetens_intakter,
    ),
    noteTable(
      'not3',
      'Not 3 Verksamhetens kostnader',
      input.current.res,
      'verksamhetens_kostnader',
      1,
      cur.verksamhetens_kostnader,
    ),
    noteTable('not4', 'Not 4 Fordringar', input.current.ub, 'fordringar', 1, cur.fordringar),
    noteTable(
      'not5',
      'Not 5 Kortfristiga skulder',
      input.current.ub,
      'kortfristiga_skulder',
      -1,
      cur.kortfristiga_skulder,
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
