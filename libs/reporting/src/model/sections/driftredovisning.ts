import Decimal from 'decimal.js';
import { DEVIATION_SIGN_TEXT, driftColumnLabel, DriftColumn, formatKronor, Money } from '@app/domain';
import { ReportRow, ReportTable } from '../report-model';
import { D, amount } from '../figures';
import { row, check } from '../table-helpers';
import { BuildContext } from '../build-context';
import {
  budgetedIncome,
  budgetLines,
  deviation,
  incomeRows,
  ordinaryBudget,
  settingsOf,
} from '../budget-lines';
import { helarsprognos } from './helarsprognos';

type Cells = Partial<Record<DriftColumn, Decimal | null>>;

/** 5 Driftredovisning (årsredovisning) / helårsprognos (delårsrapport). Returns the net the driftredovisning implies, if any. */
export function driftredovisning(ctx: BuildContext): Decimal | null {
  if (ctx.kind !== 'ARSREDOVISNING') {
    helarsprognos(ctx);
    return ctx.cur.arets_resultat;
  }
  const { input, year, cur, prev, sections, checks, tables, ccName, pv } = ctx;
  const settings = settingsOf(input);
  const ordinary = ordinaryBudget(input, year);
  const lines = budgetLines(ordinary);
  const columns = settings.driftColumns;
  const place = (cells: Cells): Array<Decimal | null> => columns.map((c) => cells[c] ?? null);

  // Every cost centre with an outcome this year or last, or a budget line: one that ended last year still
  // belongs in last year's column, or that column no longer adds up to last year's costs.
  const booked = (c: string) =>
    input.current.costCentres[c] !== undefined ||
    (input.previous?.costCentres[c] !== undefined && columns.includes('UTFALL_FOREGAENDE_AR')) ||
    lines.has(c);
  const known = input.costCentres.map((c) => c.code);
  const unlisted = Object.keys(input.previous?.costCentres ?? {}).filter((c) => !known.includes(c));
  const codes = [...known, ...unlisted.sort()].filter(booked);
  const cells = codes.map((c) => {
    const utfall =
      input.current.costCentres[c] !== undefined ? D(input.current.costCentres[c]) : new Money(0);
    const budget = lines.get(c)?.net ?? new Money(0);
    const last =
      input.previous && input.previous.costCentres[c] !== undefined ? D(input.previous.costCentres[c]) : null;
    return {
      UTFALL: utfall,
      BUDGET: budget,
      AVVIKELSE: deviation(settings, budget, utfall),
      UTFALL_FOREGAENDE_AR: last,
    } as Cells;
  });
  const ccRows = codes.flatMap((c, i) => [
    row(c, `${c} ${ccName.get(c) ?? ''}`.trim(), place(cells[i])),
    ...incomeRows(c, lines.get(c), (b) => place({ BUDGET: b })),
  ]);
  const sumOf = (col: DriftColumn) =>
    cells.reduce((a, r) => a.plus(r[col] ?? new Money(0)), new Money(0) as Decimal);
  const utfallSum = sumOf('UTFALL');
  const costTotal = row(
    'summa_kostnader',
    'Summa kostnader',
    place({
      UTFALL: utfallSum,
      BUDGET: sumOf('BUDGET'),
      AVVIKELSE: sumOf('AVVIKELSE'),
      UTFALL_FOREGAENDE_AR: input.previous ? sumOf('UTFALL_FOREGAENDE_AR') : null,
    }),
    { total: true },
  );
  const unallocated = cur.verksamhetens_kostnader.minus(utfallSum);
  const budgetIncome = budgetedIncome(ordinary);
  const rows: ReportRow[] = [...ccRows];
  if (!unallocated.isZero())
    rows.push(row('utan_kostnadsstalle', 'Kostnader utan kostnadsställe', place({ UTFALL: unallocated })));
  rows.push(costTotal);
  const driftNet = cur.verksamhetens_intakter
    .minus(utfallSum)
    .minus(unallocated)
    .minus(cur.avskrivningar)
    .plus(cur.finansiella_intakter)
    .minus(cur.finansiella_kostnader)
    .plus(cur.extraordinara_poster);
  rows.push(
    row(
      'intakter',
      'Verksamhetens intäkter',
      place({
        UTFALL: cur.verksamhetens_intakter,
        BUDGET: budgetIncome,
        // Income: more than budgeted is a surplus, whichever way the förbund signs its cost deviations.
        AVVIKELSE: budgetIncome ? cur.verksamhetens_intakter.minus(budgetIncome) : null,
        UTFALL_FOREGAENDE_AR: pv('verksamhetens_intakter'),
      }),
    ),
    row(
      'finansiella_poster',
      'Finansiella poster, netto (utan kostnadsställe)',
      place({
        UTFALL: cur.finansiella_intakter.minus(cur.finansiella_kostnader),
        UTFALL_FOREGAENDE_AR: prev ? prev.finansiella_intakter.minus(prev.finansiella_kostnader) : null,
      }),
    ),
    row(
      'netto',
      'Resultat enligt driftredovisningen',
      place({ UTFALL: driftNet, UTFALL_FOREGAENDE_AR: pv('arets_resultat') }),
      { total: true },
    ),
  );
  const signed = columns.indexOf('AVVIKELSE');
  const drift: ReportTable = {
    id: 'driftredovisning',
    title: 'Driftredovisning',
    columns: columns.map((c) => driftColumnLabel(c, year)),
    ...(signed >= 0 ? { signedColumns: [signed] } : {}),
    rows,
    sums: { summa_kostnader: codes },
  };
  tables.push(drift);
  sections.push({
    id: 'driftredovisning',
    title: 'Driftredovisning',
    text: `Kostnader per kostnadsställe mot beslutad budget. ${DEVIATION_SIGN_TEXT[settings.deviationSign].utfall}`,
    tables: [drift],
    charts: [
      {
        id: 'budget_mot_utfall',
        title: 'Budget och utfall per kostnadsställe',
        kind: 'bars',
        categories: codes,
        series: [
          { name: 'Budget', values: cells.map((r) => amount(r.BUDGET as Decimal)) },
          { name: 'Utfall', values: cells.map((r) => amount(r.UTFALL as Decimal)) },
        ],
      },
    ],
  });
  const driftCosts = utfallSum.plus(unallocated);
  checks.push(
    check(
      'driftredovisning_mot_resultatrakning',
      driftCosts.equals(cur.verksamhetens_kostnader),
      `Driftredovisningens kostnader (${formatKronor(driftCosts)}) är desamma som resultaträkningens verksamhetens kostnader (${formatKronor(cur.verksamhetens_kostnader)}).`,
      `Driftredovisningens kostnader (${formatKronor(driftCosts)}) skiljer sig från resultaträkningens verksamhetens kostnader (${formatKronor(cur.verksamhetens_kostnader)}) med ${formatKronor(driftCosts.minus(cur.verksamhetens_kostnader).abs())}.`,
    ),
  );
  return driftNet;
}
