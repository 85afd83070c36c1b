import Decimal from 'decimal.js';
import { DEVIATION_SIGN_TEXT, financingOf, formatKronor, Money } from '@app/domain';
import { ReportCheck, ReportTable } from '../report-model';
import { D, amount } from '../figures';
import { row, check } from '../table-helpers';
import { BuildContext } from '../build-context';
import {
  BudgetLine,
  budgetedIncome,
  budgetFinancing,
  budgetLines,
  deviation,
  incomeRows,
  ordinaryBudget,
  settingsOf,
} from '../budget-lines';

/** One cost centre's line of the delårsrapport's helårsprognos, and where its forecast comes from. */
export interface LineForecast {
  code: string;
  line: BudgetLine | undefined;
  /** The line's budgeted cost (net + income budgeted on it). */
  budget: Decimal;
  utfall: Decimal;
  prognos: Decimal;
  source: 'FORECAST' | 'PROGNOS_HELAR' | 'BUDGET';
}

/** The projektägarnas "Prognos för helåret" per cost centre, from the period's approved delår follow-ups. */
export function ownerForecasts(ctx: BuildContext): Map<string, { amount: Decimal; insatser: string[] }> {
  const out = new Map<string, { amount: Decimal; insatser: string[] }>();
  if (ctx.kind !== 'DELARSRAPPORT') return out;
  for (const f of ctx.followUps) {
    const p = (f.answers as Record<string, Record<string, string> | undefined>).ekonomi?.prognos_helar;
    if (p === undefined || p === null || p === '') continue;
    const cur = out.get(f.costCentre) ?? { amount: new Money(0) as Decimal, insatser: [] };
    out.set(f.costCentre, { amount: cur.amount.plus(D(p)), insatser: [...cur.insatser, f.insatsName] });
  }
  return out;
}

/**
 * The forecast per cost centre: the förbund's latest forecast line; where it has none, the projektägare's
 * prognos for the year; else the budget. Budgets are on a cost basis (the line plus income budgeted on it).
 */
export function lineForecasts(ctx: BuildContext): LineForecast[] {
  const { input, year } = ctx;
  const lines = budgetLines(ordinaryBudget(input, year));
  const forecast = latestForecast(ctx);
  const owners = ownerForecasts(ctx);
  return input.costCentres
    .map((c) => c.code)
    .filter((c) => lines.has(c) || forecast?.lines[c] !== undefined || owners.has(c))
    .map((code) => {
      const line = lines.get(code);
      const budget = line?.cost ?? new Money(0);
      const fromLedger = forecast?.lines[code];
      const owner = owners.get(code);
      const [prognos, source]: [Decimal, LineForecast['source']] =
        fromLedger !== undefined
          ? [D(fromLedger), 'FORECAST']
          : owner
            ? [owner.amount, 'PROGNOS_HELAR']
            : [budget, 'BUDGET'];
      return { code, line, budget, utfall: D(input.current.costCentres[code]), prognos, source };
    });
}

export function latestForecast(ctx: BuildContext) {
  return ctx.input.forecasts
    .filter((f) => f.year === ctx.year && f.asOf <= ctx.input.current.end)
    .sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
}

/** The projektägare's prognos against the förbund's forecast line of the same cost centre, where both exist. */
export function reconcileOwnerForecasts(ctx: BuildContext): ReportCheck[] {
  const forecast = latestForecast(ctx);
  return [...ownerForecasts(ctx).entries()].map(([code, o]) => {
    const name = `${code} ${ctx.ccName.get(code) ?? ''}`.trim();
    const who = o.insatser.join(', ');
    const ledger = forecast?.lines[code];
    if (ledger === undefined)
      return check(
        `prognos_helar_${code}`,
        true,
        `${who}: projektägarens prognos för helåret (${formatKronor(o.amount)}) används för kostnadsställe ${name}, som saknas i förbundets prognos.`,
        '',
      );
    return check(
      `prognos_helar_${code}`,
      D(ledger).equals(o.amount),
      `${who}: projektägarens prognos för helåret (${formatKronor(o.amount)}) är densamma som förbundets prognos för kostnadsställe ${name} (${formatKronor(D(ledger))}).`,
      `${who}: projektägarens prognos för helåret (${formatKronor(o.amount)}) skiljer sig från förbundets prognos för kostnadsställe ${name} (${formatKronor(D(ledger))}) med ${formatKronor(o.amount.minus(D(ledger)).abs())}; stäm av prognosen med projektägaren.`,
    );
  });
}

/** The year's result and equity as the delårsrapport forecasts them, for the financial goals. */
export interface YearForecast {
  verksamhetens_intakter: Decimal;
  verksamhetens_kostnader: Decimal;
  arets_resultat: Decimal;
  eget_kapital: Decimal;
  medelstilldelning: Decimal;
  administrativa_kostnader: Decimal;
  budgetram: Decimal;
}

export function yearForecast(ctx: BuildContext): YearForecast {
  const { input, year, cur } = ctx;
  const rows = lineForecasts(ctx);
  const admin = new Set(input.costCentres.filter((c) => c.category === 'ADMINISTRATION').map((c) => c.code));
  // As the ledger books it: income budgeted on a line reduces its cost.
  const net = (r: LineForecast) => r.prognos.minus(r.line?.income ?? 0);
  const inRows = new Set(rows.map((r) => r.code));
  const decided = input.budgets
    .filter((b) => b.year === year && b.kind === 'SUPPLEMENTARY')
    .flatMap((b) => Object.entries(b.lines).filter(([c]) => !inRows.has(c)))
    .reduce((a, [, v]) => a.plus(D(v)), new Money(0) as Decimal);
  const kostnader = rows.reduce((a, r) => a.plus(net(r)), new Money(0) as Decimal).plus(decided);
  // Income: the parties' allocation as decided in the funding (else as budgeted), plus other budgeted income
  // that is not booked against a line (ESF, NNS work, other).
  const ordinary = ordinaryBudget(input, year);
  const budgeted = budgetedIncome(ordinary) ?? new Money(0);
  const parties = financingOf(budgetFinancing(ordinary), 'PARTIES') ?? new Money(0);
  const intakter = (cur.medelstilldelning.isZero() ? parties : cur.medelstilldelning).plus(
    budgeted.minus(parties),
  );
  const resultat = intakter.minus(kostnader);
  const budgetram = input.budgets
    .filter((b) => b.year === year)
    .reduce((s, b) => s.plus(Object.values(b.lines).reduce((x, v) => x.plus(v), new Money(0))), new Money(0));
  return {
    verksamhetens_intakter: intakter,
    verksamhetens_kostnader: kostnader,
    arets_resultat: resultat,
    eget_kapital: cur.ingaende_eget_kapital.plus(resultat),
    medelstilldelning: cur.medelstilldelning.isZero() ? parties : cur.medelstilldelning,
    administrativa_kostnader: rows
      .filter((r) => admin.has(r.code))
      .reduce((a, r) => a.plus(net(r)), new Money(0)),
    budgetram,
  };
}

/** The delårsrapport's helårsprognos: budget, outcome so far, forecast and deviation per cost centre. */
export function helarsprognos(ctx: BuildContext): void {
  const { input, year, sections, tables, ccName, checks } = ctx;
  const settings = settingsOf(input);
  const rows = lineForecasts(ctx);
  const supplementary = input.budgets.filter((b) => b.year === year && b.kind === 'SUPPLEMENTARY');
  const codes = rows.map((r) => r.code);
  const ccRows = rows.flatMap((r) => [
    row(`${r.code}`, `${r.code} ${ccName.get(r.code) ?? ''}`.trim(), [
      r.budget,
      r.utfall,
      r.prognos,
      deviation(settings, r.budget, r.prognos),
    ]),
    ...incomeRows(r.code, r.line, (b) => [b, null, null, null]),
  ]);
  const sum = (f: (r: LineForecast) => Decimal) =>
    rows.reduce((a, r) => a.plus(f(r)), new Money(0) as Decimal);
  const owners = rows.filter((r) => r.source === 'PROGNOS_HELAR');
  const prognos: ReportTable = {
    id: 'helarsprognos',
    title: 'Helårsprognos i förhållande till budget',
    columns: ['Budget', `Utfall ${input.current.end}`, 'Årsprognos', 'Avvikelse'],
    signedColumns: [3],
    rows: [
      ...ccRows,
      row(
        'summa',
        'Summa',
        [
          sum((r) => r.budget),
          sum((r) => r.utfall),
          sum((r) => r.prognos),
          sum((r) => deviation(settings, r.budget, r.prognos)),
        ],
        { total: true },
      ),
    ],
    sums: { summa: codes },
    ...(owners.length
      ? {
          notes: [
            `Årsprognosen för ${owners.map((r) => `${r.code} ${ccName.get(r.code) ?? ''}`.trim()).join(', ')} är projektägarens prognos för helåret i delårsuppföljningen.`,
          ],
        }
      : {}),
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
    text: DEVIATION_SIGN_TEXT[settings.deviationSign].prognos,
    tables: beslut.rows.length ? [prognos, beslut] : [prognos],
    charts: [
      {
        id: 'budget_mot_prognos',
        title: 'Budget och prognos per kostnadsställe',
        kind: 'bars',
        categories: codes,
        series: [
          { name: 'Budget', values: rows.map((r) => amount(r.budget)) },
          { name: 'Årsprognos', values: rows.map((r) => amount(r.prognos)) },
        ],
      },
    ],
  });
  checks.push(...reconcileOwnerForecasts(ctx));
}
