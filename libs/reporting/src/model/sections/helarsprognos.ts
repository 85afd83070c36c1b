import Decimal from 'decimal.js';
import { DEVIATION_SIGN_TEXT, driftPartHeadings, financingOf, formatKronor, Money } from '@app/domain';
import { ReportCheck, ReportTable } from '../report-model';
import { D, amount } from '../figures';
import { row, check } from '../table-helpers';
import { BuildContext } from '../build-context';
import { administrativeCosts } from '../administration-share';
import {
  BudgetLine,
  budgetedIncome,
  budgetFinancing,
  budgetFrame,
  budgetLines,
  deviation,
  ordinaryBudget,
  settingsOf,
} from '../budget-lines';

/** One cost centre's line of the delårsrapport's helårsprognos, and where its forecast comes from. */
export interface LineForecast {
  code: string;
  line: BudgetLine | undefined;
  /** The line's budgeted cost (net + income budgeted on it; tilläggsbudget included). */
  budget: Decimal;
  /** A line that only decisions during the year brought (shown with those decisions, not among the lines). */
  decidedDuringYear: boolean;
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
  const lines = budgetLines(input, year);
  const forecast = latestForecast(ctx);
  const owners = ownerForecasts(ctx);
  const known = input.costCentres.map((c) => c.code);
  const extra = [...lines.keys()].filter((c) => !known.includes(c)).sort();
  return [...known, ...extra]
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
      return {
        code,
        line,
        budget,
        decidedDuringYear: line?.onlySupplementary ?? false,
        utfall: D(input.current.costCentres[code]),
        prognos,
        source,
      };
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
  // As the ledger books it: income budgeted on a line reduces its cost. Lines decided during the year count too.
  const net = (r: LineForecast) => r.prognos.minus(r.line?.income ?? 0);
  const kostnader = rows.reduce((a, r) => a.plus(net(r)), new Money(0) as Decimal);
  // Income: the parties' allocation as decided in the funding (else as budgeted), plus other budgeted income
  // that is not booked against a line (ESF, NNS work, other).
  const ordinary = ordinaryBudget(input, year);
  const budgeted = budgetedIncome(ordinary) ?? new Money(0);
  const parties = financingOf(budgetFinancing(ordinary), 'PARTIES') ?? new Money(0);
  const intakter = (cur.medelstilldelning.isZero() ? parties : cur.medelstilldelning).plus(
    budgeted.minus(parties),
  );
  const resultat = intakter.minus(kostnader);
  const budgetram = budgetFrame(input, year);
  return {
    verksamhetens_intakter: intakter,
    verksamhetens_kostnader: kostnader,
    arets_resultat: resultat,
    eget_kapital: cur.ingaende_eget_kapital.plus(resultat),
    medelstilldelning: cur.medelstilldelning.isZero() ? parties : cur.medelstilldelning,
    // The same rule as the årsredovisning's outcome: a shared cost centre counts its administration share.
    administrativa_kostnader: administrativeCosts(
      input.costCentres,
      rows.map((r) => [r.code, net(r)] as const),
    ),
    budgetram,
  };
}

/**
 * The delårsrapport's helårsprognos (seed 000): per cost centre the budget (the same as the årsredovisning's:
 * intäkt, kostnad and netto where income is budgeted on a line), the outcome so far, the forecast and the
 * deviation; then the decisions during the year funded by equity, and the forecast for equity.
 */
export function helarsprognos(ctx: BuildContext): void {
  const { input, year, sections, tables, ccName, checks, cur } = ctx;
  const settings = settingsOf(input);
  const all = lineForecasts(ctx);
  const rows = all.filter((r) => !r.decidedDuringYear);
  const decided = all.filter((r) => r.decidedDuringYear);
  const withIncome = all.some((r) => r.line && !r.line.income.isZero());
  const heads = driftPartHeadings('BUDGET', year);
  const budgetCols = withIncome ? heads.map((h) => h.label) : [heads[1].label];
  const columns = [...budgetCols, `Utfall ${input.current.end}`, 'Årsprognos', 'Avvikelse'];
  const signedColumns = [columns.length - 1];
  const values = (r: LineForecast): Array<Decimal | null> => [
    ...(withIncome
      ? [
          r.line && !r.line.income.isZero() ? r.line.income : null,
          r.budget,
          r.budget.minus(r.line?.income ?? 0),
        ]
      : [r.budget]),
    r.utfall,
    r.prognos,
    deviation(settings, r.budget, r.prognos),
  ];
  const label = (code: string) => `${code} ${ccName.get(code) ?? ''}`.trim();
  const sumRow = (id: string, text: string, rs: LineForecast[]) =>
    row(
      id,
      text,
      columns.map((_, col) =>
        rs.every((r) => values(r)[col] === null)
          ? null
          : rs.reduce((a, r) => a.plus(values(r)[col] ?? 0), new Money(0) as Decimal),
      ),
      { total: true },
    );
  const owners = all.filter((r) => r.source === 'PROGNOS_HELAR');
  const topped = rows.filter((r) => r.line && !r.line.supplementary.isZero());
  const notes = [
    ...(owners.length
      ? [
          `Årsprognosen för ${owners.map((r) => label(r.code)).join(', ')} är projektägarens prognos för helåret i delårsuppföljningen.`,
        ]
      : []),
    ...topped.map(
      (r) =>
        `Budgeten för ${label(r.code)} innehåller tilläggsbudget ${formatKronor(r.line!.supplementary)} (beslut ${r.line!.decisions.map((d) => d.decided).join(', ')}).`,
    ),
    ...(withIncome
      ? ['Intäkter som budgeterats på en rad (t.ex. ESF-medel) visas som intäkt; netto = kostnad − intäkt.']
      : []),
  ];
  const prognos: ReportTable = {
    id: 'helarsprognos',
    title: 'Helårsprognos i förhållande till budget',
    columns,
    signedColumns,
    rows: [...rows.map((r) => row(r.code, label(r.code), values(r))), sumRow('summa', 'Summa', rows)],
    sums: { summa: rows.map((r) => r.code) },
    ...(notes.length ? { notes } : {}),
  };
  const equityFunded = decided.every((r) => r.line?.decisions.every((d) => d.fundedBy === 'EQUITY'));
  const dates = [...new Set(decided.flatMap((r) => r.line?.decisions.map((d) => d.decided) ?? []))];
  const beslut: ReportTable = {
    id: 'beslut_under_aret',
    title: equityFunded
      ? `Beslut under året finansierade med eget kapital (${dates.join(', ')})`
      : `Beslut under året, tilläggsbudget (${dates.join(', ')})`,
    columns,
    signedColumns,
    rows: [
      ...decided.map((r) => row(`beslut_${r.code}`, label(r.code), values(r))),
      sumRow('summa', 'Summa beslut under året', decided),
    ],
    sums: { summa: decided.map((r) => `beslut_${r.code}`) },
  };
  // The equity forecast: the year's forecast result split into the ordinary lines and the decisions.
  const f = yearForecast(ctx);
  const net = (r: LineForecast) => r.prognos.minus(r.line?.income ?? 0);
  const decidedCost = decided.reduce((a, r) => a.plus(net(r)), new Money(0) as Decimal);
  const buffer = bufferOf(input);
  const ek: ReportTable = {
    id: 'eget_kapital_prognos',
    title: `Prognos för eget kapital ${year}`,
    columns: ['Belopp'],
    rows: [
      row('eget_kapital_ib', `Eget kapital vid årets början`, [cur.ingaende_eget_kapital]),
      row('resultat_utan_beslut', 'Prognos för resultatet före beslut under året', [
        f.arets_resultat.plus(decidedCost),
      ]),
      row('beslut_eget_kapital', 'Beslut under året', [decidedCost.negated()]),
      row('resultat', 'Prognos för årets resultat', [f.arets_resultat], { total: true }),
      row('eget_kapital_ub', 'Eget kapital vid årets slut, prognos', [f.eget_kapital], { total: true }),
      ...(buffer ? [row('buffert', 'varav buffert enligt finansiellt mål', [buffer], { level: 1 })] : []),
    ],
    sums: {
      resultat: ['resultat_utan_beslut', 'beslut_eget_kapital'],
      eget_kapital_ub: ['eget_kapital_ib', 'resultat'],
    },
  };
  tables.push(prognos, ...(decided.length ? [beslut] : []), ek);
  sections.push({
    id: 'helarsprognos',
    title: 'Helårsprognos i förhållande till budget',
    text: DEVIATION_SIGN_TEXT[settings.deviationSign].prognos,
    tables: [prognos, ...(decided.length ? [beslut] : []), ek],
    charts: [
      {
        id: 'budget_mot_prognos',
        title: 'Budget och prognos per kostnadsställe',
        kind: 'bars',
        // The lines of the prognos table; the decisions during the year have a table of their own.
        categories: rows.map((r) => r.code),
        series: [
          { name: heads[1].label, values: rows.map((r) => amount(r.budget)) },
          { name: 'Årsprognos', values: rows.map((r) => amount(r.prognos)) },
        ],
      },
    ],
  });
  checks.push(...reconcileOwnerForecasts(ctx));
}

/** The förbund's equity buffer, where a financial goal states one (eget kapital at least an amount); else null. */
export function bufferOf(input: BuildContext['input']): Decimal | null {
  const g = input.financialGoals.find((x) => x.metric === 'eget_kapital' && x.op === '>=');
  return g ? D(g.value) : null;
}
