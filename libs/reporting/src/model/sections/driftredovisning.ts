import Decimal from 'decimal.js';
import {
  DEVIATION_SIGN_TEXT,
  driftPartHeadings,
  DriftColumn,
  DriftPart,
  formatKronor,
  mapAccount,
  Money,
} from '@app/domain';
import { PeriodLedger } from '../report-input';
import { ReportRow, ReportTable } from '../report-model';
import { D, amount } from '../figures';
import { row, check } from '../table-helpers';
import { BuildContext } from '../build-context';
import {
  budgetedIncome,
  budgetFrame,
  budgetLines,
  deviation,
  ordinaryBudget,
  settingsOf,
} from '../budget-lines';
import { helarsprognos } from './helarsprognos';

type Parts = Partial<Record<DriftPart, Decimal | null>>;
type Cells = Partial<Record<DriftColumn, Parts>>;

/** An amount split into intäkt and kostnad, with netto = kostnad − intäkt. */
const split = (intakt: Decimal | null, kostnad: Decimal | null): Parts => ({
  INTAKT: intakt,
  KOSTNAD: kostnad,
  NETTO: intakt === null && kostnad === null ? null : (kostnad ?? new Money(0)).minus(intakt ?? 0),
});
const nz = (v: Decimal) => (v.isZero() ? null : v);

/**
 * 5 Driftredovisning (årsredovisning) / helårsprognos (delårsrapport). Returns the result the driftredovisning
 * implies, if any. Each of the förbund's columns (reportSettings.driftColumns) is split into intäkt, kostnad and
 * netto as the seed prints it; the deviation is on the net, signed as the förbund chose.
 */
export function driftredovisning(ctx: BuildContext): Decimal | null {
  if (ctx.kind !== 'ARSREDOVISNING') {
    helarsprognos(ctx);
    return ctx.cur.arets_resultat;
  }
  const { input, year, cur, prev, sections, tables, ccName } = ctx;
  const settings = settingsOf(input);
  const lines = budgetLines(input, year);
  const columns = settings.driftColumns;
  const slots = columns.flatMap((c) => driftPartHeadings(c, year).map((h) => ({ column: c, ...h })));
  const place = (cells: Cells): Array<Decimal | null> => slots.map((s) => cells[s.column]?.[s.part] ?? null);
  const withLast = columns.includes('UTFALL_FOREGAENDE_AR');

  // Every cost centre with an outcome this year or last, or a budget line: one that ended last year still
  // belongs in last year's column, or that column no longer adds up to last year's costs.
  const booked = (c: string) =>
    input.current.costCentres[c] !== undefined ||
    (input.previous?.costCentres[c] !== undefined && withLast) ||
    lines.has(c);
  const known = input.costCentres.map((c) => c.code);
  const unlisted = [...Object.keys(input.previous?.costCentres ?? {}), ...lines.keys()].filter(
    (c) => !known.includes(c),
  );
  const codes = [...known, ...[...new Set(unlisted)].sort()].filter(booked);
  const outcome = (c: string) =>
    input.current.costCentres[c] !== undefined ? D(input.current.costCentres[c]) : new Money(0);
  const last = (c: string) =>
    input.previous?.costCentres[c] !== undefined ? D(input.previous.costCentres[c]) : null;
  // Income the ledger books on a centre (an income account carrying it) is the centre's intäkt; the rest of its
  // outcome is kostnad, so that netto is the centre's outcome as booked.
  const incomeOn = (l: PeriodLedger | null, c: string): Decimal | null => {
    const accounts = l?.costCentreAccounts?.[c];
    if (!accounts) return null;
    const v = Object.entries(accounts)
      .filter(([a]) => mapAccount(a, input.accountMapping) === 'verksamhetens_intakter')
      .reduce((x, [, y]) => x.plus(D(y)), new Money(0) as Decimal)
      .negated();
    return nz(v);
  };
  const bookedParts = (l: PeriodLedger | null, net: Decimal | null, c: string): Parts => {
    if (net === null) return split(null, null);
    const inc = incomeOn(l, c);
    return split(inc, net.plus(inc ?? 0));
  };
  // A line that only a decision during the year brought has no budget of its own on its row (as the seed prints
  // it and as the delårsrapport shows it, apart); the decisions get a budget row of their own below the lines.
  const budgetOf = (c: string): Parts => {
    const l = lines.get(c);
    return l && !l.onlySupplementary ? split(nz(l.income), l.cost) : split(null, new Money(0));
  };
  const lineBudget = (c: string): Decimal => {
    const l = lines.get(c);
    return l && !l.onlySupplementary ? l.net : new Money(0);
  };
  const cells: Cells[] = codes.map((c) => ({
    UTFALL: bookedParts(input.current, outcome(c), c),
    BUDGET: budgetOf(c),
    AVVIKELSE: { NETTO: deviation(settings, lineBudget(c), outcome(c)) },
    UTFALL_FOREGAENDE_AR: input.previous ? bookedParts(input.previous, last(c), c) : {},
  }));
  const rows: ReportRow[] = codes.map((c, i) =>
    row(c, `${c} ${ccName.get(c) ?? ''}`.trim(), place(cells[i])),
  );
  const costIds = [...codes];
  const decided = [...lines.values()].filter((l) => l.onlySupplementary);
  if (decided.length) {
    const sum = decided.reduce((a, l) => a.plus(l.net), new Money(0) as Decimal);
    const dates = [...new Set(decided.flatMap((l) => l.decisions.map((d) => d.decided)))];
    const equity = decided.every((l) => l.decisions.every((d) => d.fundedBy === 'EQUITY'));
    rows.push(
      row(
        'beslut_under_aret',
        `${equity ? 'Beslut under året finansierade med eget kapital' : 'Beslut under året, tilläggsbudget'} (${dates.join(', ')})`,
        place({ BUDGET: split(null, sum), AVVIKELSE: { NETTO: deviation(settings, sum, new Money(0)) } }),
      ),
    );
    costIds.push('beslut_under_aret');
  }

  // Costs the ledger books on no cost centre belong to the costs all the same.
  const incomeSum = (l: PeriodLedger | null) =>
    codes.reduce((a, c) => a.plus(incomeOn(l, c) ?? 0), new Money(0) as Decimal);
  const utfallSum = codes
    .reduce((a, c) => a.plus(outcome(c)), new Money(0) as Decimal)
    .plus(incomeSum(input.current));
  const unallocated = cur.verksamhetens_kostnader.minus(utfallSum);
  if (!unallocated.isZero()) {
    rows.push(
      row(
        'utan_kostnadsstalle',
        'Kostnader utan kostnadsställe',
        place({
          UTFALL: split(null, unallocated),
          AVVIKELSE: { NETTO: deviation(settings, new Money(0), unallocated) },
        }),
      ),
    );
    costIds.push('utan_kostnadsstalle');
  }
  const sumOf = (ids: string[]) =>
    slots.map((_, col) => {
      const vs = ids.map((id) => rows.find((r) => r.id === id)!.values[col]);
      return vs.every((v) => v === null)
        ? null
        : vs.reduce((a, v) => a.plus(D(v ?? 0)), new Money(0) as Decimal);
    });
  rows.push(row('summa_kostnader', 'Summa kostnader', sumOf(costIds), { total: true }));

  // The financing and the financial items, as intäkter (netto negative), so that the table ends in the result.
  const ordinary = ordinaryBudget(input, year);
  const budgetIncome = budgetedIncome(ordinary);
  const other: ReportRow[] = [
    row(
      'intakter',
      incomeSum(input.current).isZero() && incomeSum(input.previous).isZero()
        ? 'Verksamhetens intäkter (finansiering)'
        : 'Verksamhetens intäkter utan kostnadsställe (finansiering)',
      place({
        UTFALL: split(cur.verksamhetens_intakter.minus(incomeSum(input.current)), null),
        BUDGET: budgetIncome ? split(budgetIncome, null) : {},
        AVVIKELSE: {
          NETTO: budgetIncome
            ? deviation(
                settings,
                budgetIncome.negated(),
                cur.verksamhetens_intakter.minus(incomeSum(input.current)).negated(),
              )
            : null,
        },
        UTFALL_FOREGAENDE_AR: prev
          ? split(prev.verksamhetens_intakter.minus(incomeSum(input.previous)), null)
          : {},
      }),
    ),
  ];
  const item = (id: string, label: string, now: Decimal, before: Decimal | null, income: boolean) => {
    if (now.isZero() && (before === null || before.isZero())) return;
    const parts = (v: Decimal) => (income ? split(v, null) : split(null, v));
    other.push(
      row(
        id,
        label,
        place({
          UTFALL: parts(now),
          AVVIKELSE: { NETTO: deviation(settings, new Money(0), income ? now.negated() : now) },
          UTFALL_FOREGAENDE_AR: before === null ? {} : parts(before),
        }),
      ),
    );
  };
  item('avskrivningar', 'Avskrivningar', cur.avskrivningar, prev?.avskrivningar ?? null, false);
  item(
    'finansiella_intakter',
    'Finansiella intäkter',
    cur.finansiella_intakter,
    prev?.finansiella_intakter ?? null,
    true,
  );
  item(
    'finansiella_kostnader',
    'Finansiella kostnader',
    cur.finansiella_kostnader,
    prev?.finansiella_kostnader ?? null,
    false,
  );
  item(
    'extraordinara_poster',
    'Extraordinära poster',
    cur.extraordinara_poster,
    prev?.extraordinara_poster ?? null,
    true,
  );
  rows.push(...other);
  const totalIds = ['summa_kostnader', ...other.map((r) => r.id)];
  const summa = row('summa', 'Summa (netto = kostnad − intäkt)', sumOf(totalIds), { total: true });
  rows.push(summa);
  const netAt = (column: DriftColumn) => {
    const i = slots.findIndex((s) => s.column === column && s.part === 'NETTO');
    return i >= 0 && summa.values[i] !== null ? D(summa.values[i]).negated() : null;
  };
  // The result: intäkter − kostnader, what the netto total says with the sign turned.
  const driftNet = cur.verksamhetens_intakter
    .minus(cur.verksamhetens_kostnader)
    .minus(cur.avskrivningar)
    .plus(cur.finansiella_intakter)
    .minus(cur.finansiella_kostnader)
    .plus(cur.extraordinara_poster);
  const budgetFrameNet = budgetFrame(input, year);
  const budgetedResult = budgetIncome ? budgetIncome.minus(budgetFrameNet) : null;
  rows.push(
    row(
      'netto',
      'Årets resultat (intäkter − kostnader)',
      place({
        UTFALL: { NETTO: driftNet },
        BUDGET: { NETTO: budgetedResult },
        UTFALL_FOREGAENDE_AR: prev ? { NETTO: prev.arets_resultat } : {},
      }),
      { total: true },
    ),
  );
  const signed = slots.map((s, i) => (s.column === 'AVVIKELSE' ? i : -1)).filter((i) => i >= 0);
  const drift: ReportTable = {
    id: 'driftredovisning',
    title: 'Driftredovisning',
    columns: slots.map((s) => s.label),
    ...(signed.length ? { signedColumns: signed } : {}),
    rows,
    sums: { summa_kostnader: costIds, summa: totalIds },
    notes: [
      'Budgeten per rad är den beslutade budgeten med årets tilläggsbudgetar på raden; insatser som beslutats under året har sin budget på raden ”Beslut under året”. Intäkter som budgeterats på en rad (t.ex. ESF-medel) visas som intäkt och netto = kostnad − intäkt.',
    ],
  };
  tables.push(drift);
  sections.push({
    id: 'driftredovisning',
    title: 'Driftredovisning',
    text: `Intäkter och kostnader per kostnadsställe mot beslutad budget, inklusive tilläggsbudgetar. ${DEVIATION_SIGN_TEXT[settings.deviationSign].utfall}`,
    tables: [drift],
    charts: [
      {
        id: 'budget_mot_utfall',
        title: 'Budget och utfall per kostnadsställe (netto)',
        kind: 'bars',
        categories: codes,
        series: [
          { name: 'Budget', values: codes.map((c) => amount(lineBudget(c))) },
          { name: 'Utfall', values: codes.map((c) => amount(outcome(c))) },
        ],
      },
    ],
  });
  driftChecks(ctx, {
    utfallCosts: utfallSum.plus(unallocated),
    driftNet,
    shownNet: netAt('UTFALL'),
    budgetFrameNet,
    shownBudget: sumNet(drift, 'summa_kostnader', slots, 'BUDGET'),
  });
  return driftNet;
}

function sumNet(
  t: ReportTable,
  id: string,
  slots: Array<{ column: DriftColumn; part: DriftPart }>,
  column: DriftColumn,
): Decimal | null {
  const i = slots.findIndex((s) => s.column === column && s.part === 'NETTO');
  const v = i >= 0 ? t.rows.find((r) => r.id === id)?.values[i] : null;
  return v === null || v === undefined ? null : D(v);
}

function driftChecks(
  ctx: BuildContext,
  f: {
    utfallCosts: Decimal;
    driftNet: Decimal;
    shownNet: Decimal | null;
    budgetFrameNet: Decimal;
    shownBudget: Decimal | null;
  },
): void {
  const { cur, checks } = ctx;
  checks.push(
    check(
      'driftredovisning_mot_resultatrakning',
      f.utfallCosts.equals(cur.verksamhetens_kostnader),
      `Driftredovisningens kostnader (${formatKronor(f.utfallCosts)}) är desamma som resultaträkningens verksamhetens kostnader (${formatKronor(cur.verksamhetens_kostnader)}).`,
      `Driftredovisningens kostnader (${formatKronor(f.utfallCosts)}) skiljer sig från resultaträkningens verksamhetens kostnader (${formatKronor(cur.verksamhetens_kostnader)}) med ${formatKronor(f.utfallCosts.minus(cur.verksamhetens_kostnader).abs())}.`,
    ),
  );
  if (f.shownNet !== null)
    checks.push(
      check(
        'driftredovisning_netto_mot_resultat',
        f.shownNet.equals(f.driftNet),
        `Driftredovisningens summa netto med omvänt tecken (${formatKronor(f.shownNet)}) är årets resultat (${formatKronor(f.driftNet)}).`,
        `Driftredovisningens summa netto med omvänt tecken (${formatKronor(f.shownNet)}) är inte årets resultat (${formatKronor(f.driftNet)}).`,
      ),
    );
  if (f.shownBudget !== null)
    checks.push(
      check(
        'driftredovisning_budget_mot_budgetram',
        f.shownBudget.equals(f.budgetFrameNet),
        `Driftredovisningens budget för verksamhetens kostnader (${formatKronor(f.shownBudget)}) är årets beviljade budget med tilläggsbudgetar (${formatKronor(f.budgetFrameNet)}), som målet om att budgeten hålls räknar med.`,
        `Driftredovisningens budget för verksamhetens kostnader (${formatKronor(f.shownBudget)}) skiljer sig från årets beviljade budget med tilläggsbudgetar (${formatKronor(f.budgetFrameNet)}) med ${formatKronor(f.shownBudget.minus(f.budgetFrameNet).abs())}.`,
      ),
    );
}
