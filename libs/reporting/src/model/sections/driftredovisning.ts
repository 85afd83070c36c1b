import Decimal from 'decimal.js';
import { Money } from '@app/domain';
import { ReportRow, ReportTable } from '../report-model';
import { D, amount } from '../figures';
import { row, check } from '../table-helpers';
import { BuildContext } from '../build-context';

/** 5 Driftredovisning (årsredovisning) / helårsprognos (delårsrapport). Returns the net the driftredovisning implies, if any. */
export function driftredovisning(ctx: BuildContext): Decimal | null {
  const { input, year, kind, cur, prev, sections, checks, tables, ccName, pv } = ctx;
  // Budget figures
  const ordinary = input.budgets
    .filter((b) => b.year === year && b.kind === 'ORDINARY')
    .sort((a, b) => b.decided.localeCompare(a.decided))[0];
  const supplementary = input.budgets.filter((b) => b.year === year && b.kind === 'SUPPLEMENTARY');
  const ordLine = (cc: string) =>
    ordinary && ordinary.lines[cc] !== undefined ? D(ordinary.lines[cc]) : null;

  // 5 Driftredovisning (årsredovisning) / helårsprognos (delårsrapport)
  let driftNet: Decimal | null = null;
  if (kind === 'ARSREDOVISNING') {
    const codes = input.costCentres
      .map((c) => c.code)
      .filter((c) => input.current.costCentres[c] !== undefined || ordLine(c) !== null);
    const ccRows = codes.map((c) => {
      const utfall = D(input.current.costCentres[c]);
      const budget = ordLine(c) ?? new Money(0);
      const last =
        input.previous && input.previous.costCentres[c] !== undefined
          ? D(input.previous.costCentres[c])
          : null;
      return row(c, `${c} ${ccName.get(c) ?? ''}`.trim(), [utfall, budget, budget.minus(utfall), last]);
    });
    const sumCol = (col: number) => ccRows.reduce((a, r) => a.plus(D(r.values[col])), new Money(0));
    const costTotal = row(
      'summa_kostnader',
      'Summa kostnader',
      [sumCol(0), sumCol(1), sumCol(2), input.previous ? sumCol(3) : null],
      { total: true },
    );
    const unallocated = cur.verksamhetens_kostnader.minus(sumCol(0));
    const budgetIncome = ordinary?.financing?.fromParties ? D(ordinary.financing.fromParties) : null;
    const rows: ReportRow[] = [...ccRows, costTotal];
    if (!unallocated.isZero())
      rows.splice(
        rows.length - 1,
        0,
        row('utan_kostnadsstalle', 'Kostnader utan kostnadsställe', [unallocated, null, null, null]),
      );
    rows.push(
      row('intakter', 'Verksamhetens intäkter', [
        cur.verksamhetens_intakter,
        budgetIncome,
        budgetIncome ? cur.verksamhetens_intakter.minus(budgetIncome) : null,
        pv('verksamhetens_intakter'),
      ]),
      row('finansiella_poster', 'Finansiella poster, netto (utan kostnadsställe)', [
        cur.finansiella_intakter.minus(cur.finansiella_kostnader),
        null,
        null,
        prev ? prev.finansiella_intakter.minus(prev.finansiella_kostnader) : null,
      ]),
    );
    driftNet = cur.verksamhetens_intakter
      .minus(sumCol(0))
      .minus(unallocated)
      .minus(cur.avskrivningar)
      .plus(cur.finansiella_intakter)
      .minus(cur.finansiella_kostnader)
      .plus(cur.extraordinara_poster);
    rows.push(
      row('netto', 'Resultat enligt driftredovisningen', [driftNet, null, null, pv('arets_resultat')], {
        total: true,
      }),
    );
    const drift: ReportTable = {
      id: 'driftredovisning',
      title: 'Driftredovisning',
      columns: ['Utfall', 'Budget', 'Avvikelse', `Utfall ${year - 1}`],
      signedColumns: [2],
      rows,
      sums: { summa_kostnader: codes },
    };
    tables.push(drift);
    sections.push({
      id: 'driftredovisning',
      title: 'Driftredovisning',
      text: 'Kostnader per kostnadsställe mot beslutad budget. Avvikelse = budget − utfall; positivt är ett överskott.',
      tables: [drift],
      charts: [
        {
          id: 'budget_mot_utfall',
          title: 'Budget och utfall per kostnadsställe',
          kind: 'bars',
          categories: codes,
          series: [
            { name: 'Budget', values: ccRows.map((r) => r.values[1]) },
            { name: 'Utfall', values: ccRows.map((r) => r.values[0]) },
          ],
        },
      ],
    });
    checks.push(
      check(
        'driftredovisning_mot_resultatrakning',
        sumCol(0).plus(unallocated).equals(cur.verksamhetens_kostnader),
        `Driftredovisningens kostnader ${amount(sumCol(0).plus(unallocated))} = resultaträkningens verksamhetens kostnader ${amount(cur.verksamhetens_kostnader)}`,
        `Driftredovisningens kostnader ${amount(sumCol(0).plus(unallocated))} ≠ resultaträkningens verksamhetens kostnader ${amount(cur.verksamhetens_kostnader)}`,
      ),
    );
  } else {
    const forecast = input.forecasts
      .filter((f) => f.year === year && f.asOf <= input.current.end)
      .sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
    const esf = ordinary?.financing?.esf ? D(ordinary.financing.esf) : null;
    const codes = input.costCentres
      .map((c) => c.code)
      .filter((c) => ordLine(c) !== null || forecast?.lines[c] !== undefined);
    const ccRows = codes.map((c) => {
      let budget = ordLine(c) ?? new Money(0);
      // A cost centre budgeted net of its ESF financing is shown gross, like its forecast and outcome.
      if (esf && budget.isNegative()) budget = budget.plus(esf);
      const prognos = forecast?.lines[c] !== undefined ? D(forecast.lines[c]) : budget;
      return row(c, `${c} ${ccName.get(c) ?? ''}`.trim(), [
        budget,
        D(input.current.costCentres[c]),
        prognos,
        budget.minus(prognos),
      ]);
    });
    const sumCol = (col: number) => ccRows.reduce((a, r) => a.plus(D(r.values[col])), new Money(0));
    const prognos: ReportTable = {
      id: 'helarsprognos',
      title: 'Helårsprognos i förhållande till budget',
      columns: ['Budget', `Utfall ${input.current.end}`, 'Årsprognos', 'Avvikelse'],
      signedColumns: [3],
      rows: [...ccRows, row('summa', 'Summa', [sumCol(0), sumCol(1), sumCol(2), sumCol(3)], { total: true })],
      sums: { summa: codes },
    };
    const beslut: ReportTable = {
      id: 'beslut_under_aret',
      title: 'Beslut under året finansierade med eget kapital',
      columns: ['Belopp'],
      rows: supplementary.flatMap((s) =>
        Object.entries(s.lines).map(([c, v]) =>
          row(`${s.decided}_${c}`, `${s.decided}: ${c} ${ccName.get(c) ?? ''}`, [D(v)]),
        ),
      ),
    };
    if (beslut.rows.length) {
      beslut.rows.push(
        row('summa', 'Summa', [beslut.rows.reduce((a, r) => a.plus(D(r.values[0])), new Money(0))], {
          total: true,
        }),
      );
      beslut.sums = { summa: beslut.rows.filter((r) => r.id !== 'summa').map((r) => r.id) };
    }
    tables.push(prognos, beslut);
    sections.push({
      id: 'helarsprognos',
      title: 'Helårsprognos i förhållande till budget',
      text: 'Avvikelse = budget − årsprognos; positivt innebär att prognosen ligger under budget.',
      tables: beslut.rows.length ? [prognos, beslut] : [prognos],
      charts: [
        {
          id: 'budget_mot_prognos',
          title: 'Budget och prognos per kostnadsställe',
          kind: 'bars',
          categories: codes,
          series: [
            { name: 'Budget', values: ccRows.map((r) => r.values[0]) },
            { name: 'Årsprognos', values: ccRows.map((r) => r.values[2]) },
          ],
        },
      ],
    });
    driftNet = cur.arets_resultat;
  }
  return driftNet;
}
