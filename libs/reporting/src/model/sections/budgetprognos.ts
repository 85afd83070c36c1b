import Decimal from 'decimal.js';
import { FINANCING_LABEL, FINANCING_SOURCES, formatKronor, Money } from '@app/domain';
import { budgetFinancing, budgetLines, ordinaryBudget } from '../budget-lines';
import { ReportCheck, ReportRow, ReportTable } from '../report-model';
import { D } from '../figures';
import { check, row } from '../table-helpers';
import { BuildContext } from '../build-context';
import { bufferOf } from './helarsprognos';

/** One year of the budgetprognos: its financing rows, its cost lines, and costs not yet put on a line. */
interface PrognosYear {
  year: number;
  financing: Array<{ label: string; amount: Decimal | null; equity: boolean }>;
  lines: Map<string, Decimal>;
  unallocated: Decimal | null;
}

interface Prognos {
  years: PrognosYear[];
  decided: string | null;
  source: 'PLAN' | 'BUDGET';
  buffer: Decimal | null;
  notes: string[];
}

/** From the next year's decided verksamhetsplan: its three years line by line, as the board decided them. */
function fromPlan(ctx: BuildContext): Prognos | null {
  const plan = ctx.input.nextPlan;
  if (!plan || plan.year !== ctx.year + 1) return null;
  const label = (k: string) => {
    const l = FINANCING_LABEL[k] ?? k;
    return l.charAt(0).toUpperCase() + l.slice(1);
  };
  const years = plan.budget.years.map((y) => ({
    year: y.year,
    financing: (['fromParties', 'fromEquity', 'esf', 'other'] as const).map((k) => ({
      label: label(k),
      amount: D(y[k]) as Decimal | null,
      equity: k === 'fromEquity',
    })),
    lines: new Map(Object.entries(y.lines).map(([c, v]) => [c, D(v)])),
    unallocated: null,
  }));
  // A source that is zero every year is left out.
  const keep = new Set(
    years.flatMap((y) => y.financing.filter((f) => !f.amount?.isZero()).map((f) => f.label)),
  );
  for (const y of years) y.financing = y.financing.filter((f) => keep.has(f.label));
  const buffer = D(plan.budget.years[0]?.buffer ?? 0);
  return {
    years,
    decided: plan.decidedAt,
    source: 'PLAN',
    buffer: buffer.isZero() ? bufferOf(ctx.input) : buffer,
    notes: [
      'Eget kapital som förs över till ett planår är föregående års ej budgeterade medel (verksamhetsplanens regel).',
    ],
  };
}

/** From the budgets alone: the next year's decided budget line by line, the plan years as the budget data holds them. */
function fromBudgets(ctx: BuildContext): Prognos | null {
  const { input, year } = ctx;
  const y1 = year + 1;
  const next = ordinaryBudget(input, y1);
  if (!next) return null;
  // The förbund's own rows in its order; an old bundle's fixed keys in the seed's order (parties, equity, ESF, …).
  const rows = Array.isArray(next.financing)
    ? budgetFinancing(next)
    : budgetFinancing(next).sort(
        (a, b) => FINANCING_SOURCES.indexOf(a.source) - FINANCING_SOURCES.indexOf(b.source),
      );
  const notes: string[] = [];
  const years: PrognosYear[] = [y1, y1 + 1, y1 + 2].map((y) => {
    const own = ordinaryBudget(input, y);
    const lines = new Map([...budgetLines(input, y).entries()].map(([c, l]) => [c, l.cost]));
    if (y === y1 || own) {
      const fin = budgetFinancing(own);
      return {
        year: y,
        financing: rows.map((r) => {
          const same = fin.find((f) => f.label === r.label);
          return { label: r.label, amount: same ? D(same.amount) : null, equity: r.source === 'EQUITY' };
        }),
        lines,
        unallocated: null,
      };
    }
    // A plan year without a budget of its own: the parties' allocation as the budget year's, the costs as the
    // budget's outlook states them in total.
    const outlook = next.outlook?.[String(y)];
    return {
      year: y,
      financing: rows.map((r) => ({
        label: r.label,
        amount: r.source === 'PARTIES' ? D(r.amount) : null,
        equity: r.source === 'EQUITY',
      })),
      lines,
      unallocated: outlook !== undefined ? D(outlook) : null,
    };
  });
  if (years.some((y) => y.unallocated !== null))
    notes.push(
      `Planåren saknar egen budget per kostnadsställe: kostnaderna är budgetens plan i sammandrag och medlen från parterna antas vara desamma som ${y1}.`,
    );
  return { years, decided: next.decided, source: 'BUDGET', buffer: bufferOf(input), notes };
}

const sum = (vs: Array<Decimal | null>) => vs.reduce<Decimal>((a, v) => a.plus(v ?? 0), new Money(0));

/**
 * 7 Budgetprognos (årsredovisning only), as seed 001 prints it: the financing rows per year, every cost line for
 * the budget year and the two plan years, the totals, what is not budgeted, and the equity: at the start (the
 * year-end just reported), the budgeted result, at the end, the buffer and what remains beside it.
 * Every total and difference is a report check.
 */
export function budgetprognos(ctx: BuildContext): void {
  const { input, year, kind, sections, tables, checks, ccName, cur } = ctx;
  if (kind !== 'ARSREDOVISNING') return;
  const p = fromPlan(ctx) ?? fromBudgets(ctx);
  if (p) {
    const ys = p.years;
    const per = (f: (y: PrognosYear, i: number) => Decimal | null) => ys.map((y, i) => f(y, i));
    const rows: ReportRow[] = [
      row(
        'rubrik_finansiering',
        'Finansiering',
        ys.map(() => null),
        { heading: true },
      ),
    ];
    const finIds = ys[0].financing.map((_, i) => `finansiering_${i + 1}`);
    ys[0].financing.forEach((f, i) =>
      rows.push(
        row(
          finIds[i],
          f.label,
          per((y) => y.financing[i]?.amount ?? null),
          { level: 1 },
        ),
      ),
    );
    const finTotal = per((y) => sum(y.financing.map((f) => f.amount)));
    rows.push(row('summa_finansiering', 'Summa budget', finTotal, { total: true }));
    rows.push(
      row(
        'rubrik_kostnader',
        'Kostnader',
        ys.map(() => null),
        { heading: true },
      ),
    );
    const codes = [...new Set(ys.flatMap((y) => [...y.lines.keys()]))];
    const known = input.costCentres.map((c) => c.code);
    codes.sort((a, b) => (known.indexOf(a) + 1 || 1e9) - (known.indexOf(b) + 1 || 1e9) || a.localeCompare(b));
    const costIds = codes.map((c) => `kostnad_${c}`);
    codes.forEach((c, i) =>
      rows.push(
        row(
          costIds[i],
          `${c} ${ccName.get(c) ?? ''}`.trim(),
          per((y) => y.lines.get(c) ?? null),
          { level: 1 },
        ),
      ),
    );
    if (ys.some((y) => y.unallocated !== null)) {
      costIds.push('kostnad_ej_fordelad');
      rows.push(
        row(
          'kostnad_ej_fordelad',
          'Kostnader enligt plan, ej fördelade per kostnadsställe',
          per((y) => y.unallocated),
          {
            level: 1,
          },
        ),
      );
    }
    const costTotal = per((y) => sum([...y.lines.values(), y.unallocated]));
    rows.push(row('summa_kostnader', 'Summa budgeterade kostnader', costTotal, { total: true }));
    const ejBudgeterat = per((_, i) => finTotal[i]!.minus(costTotal[i]!));
    rows.push(row('ej_budgeterat', 'Ej budgeterat (summa budget − kostnader)', ejBudgeterat));
    // Equity: the year-end just reported, then each year's result (income other than equity, less costs).
    const income = per((y) => sum(y.financing.filter((f) => !f.equity).map((f) => f.amount)));
    const result = per((_, i) => income[i]!.minus(costTotal[i]!));
    const ib: Decimal[] = [];
    const ub: Decimal[] = [];
    ys.forEach((_, i) => {
      ib.push(i === 0 ? cur.eget_kapital : ub[i - 1]);
      ub.push(ib[i].plus(result[i]!));
    });
    rows.push(
      row(
        'rubrik_eget_kapital',
        'Eget kapital',
        ys.map(() => null),
        { heading: true },
      ),
      row('eget_kapital_ib', 'Eget kapital vid årets början', ib, { level: 1 }),
      row('budgeterat_resultat', 'Budgeterat resultat (intäkter − kostnader)', result, { level: 1 }),
      row('eget_kapital_ub', 'Eget kapital vid årets slut', ub, { total: true }),
    );
    const remaining = p.buffer ? ub.map((v) => v.minus(p.buffer!)) : null;
    if (p.buffer && remaining)
      rows.push(
        row(
          'buffert',
          'varav buffert',
          ys.map(() => p.buffer),
          { level: 1 },
        ),
        row('kvar_eget_kapital', 'Kvar eget kapital utöver bufferten', remaining, { level: 1 }),
      );
    const bp: ReportTable = {
      id: 'budgetprognos',
      title: `Budgetprognos ${ys[0].year}–${ys[ys.length - 1].year}`,
      columns: ys.map((y) => String(y.year)),
      rows,
      sums: { summa_finansiering: finIds, summa_kostnader: costIds },
      ...(p.notes.length ? { notes: [...p.notes] } : {}),
    };
    tables.push(bp);
    const basis =
      p.source === 'PLAN'
        ? `Enligt beslutad verksamhetsplan och budget ${ys[0].year}${p.decided ? ` (${p.decided})` : ''}.`
        : `Enligt senast beslutade budget ${ys[0].year}${p.decided ? ` (${p.decided})` : ''}.`;
    sections.push({
      id: 'budgetprognos',
      title: `Budgetprognos ${ys[0].year}–${ys[ys.length - 1].year}`,
      text: `${basis} Eget kapital vid årets början ${ys[0].year} är eget kapital enligt balansräkningen ${year}-12-31.${p.buffer ? ` Bufferten (${formatKronor(p.buffer)}) är förbundets finansiella mål för eget kapital.` : ''}`,
      tables: [bp],
    });
    checks.push(
      ...ys.flatMap((y, i) => [
        difference(
          `budgetprognos_ej_budgeterat_${y.year}`,
          `Budgetprognosen ${y.year}: ej budgeterat`,
          ejBudgeterat[i]!,
          finTotal[i]!,
          costTotal[i]!,
          'summa budget',
          'summa budgeterade kostnader',
        ),
        difference(
          `budgetprognos_resultat_${y.year}`,
          `Budgetprognosen ${y.year}: budgeterat resultat`,
          result[i]!,
          income[i]!,
          costTotal[i]!,
          'intäkterna (finansieringen utom eget kapital)',
          'summa budgeterade kostnader',
        ),
        difference(
          `budgetprognos_eget_kapital_${y.year}`,
          `Budgetprognosen ${y.year}: eget kapital vid årets slut`,
          ub[i],
          ib[i],
          result[i]!.negated(),
          'eget kapital vid årets början',
          'det budgeterade resultatet med omvänt tecken',
        ),
        ...(i > 0
          ? [
              check(
                `budgetprognos_ingaende_${y.year}`,
                ib[i].equals(ub[i - 1]),
                `Budgetprognosen ${y.year}: eget kapital vid årets början (${formatKronor(ib[i])}) är ${ys[i - 1].year} års eget kapital vid årets slut.`,
                `Budgetprognosen ${y.year}: eget kapital vid årets början (${formatKronor(ib[i])}) är inte ${ys[i - 1].year} års eget kapital vid årets slut (${formatKronor(ub[i - 1])}).`,
              ),
            ]
          : [
              check(
                `budgetprognos_ingaende_${y.year}`,
                ib[0].equals(cur.eget_kapital),
                `Budgetprognosen ${y.year}: eget kapital vid årets början (${formatKronor(ib[0])}) är balansräkningens eget kapital ${year}-12-31.`,
                `Budgetprognosen ${y.year}: eget kapital vid årets början (${formatKronor(ib[0])}) är inte balansräkningens eget kapital ${year}-12-31 (${formatKronor(cur.eget_kapital)}).`,
              ),
            ]),
        ...(p.buffer && remaining
          ? [
              difference(
                `budgetprognos_kvar_${y.year}`,
                `Budgetprognosen ${y.year}: kvar eget kapital utöver bufferten`,
                remaining[i],
                ub[i],
                p.buffer,
                'eget kapital vid årets slut',
                'bufferten',
              ),
            ]
          : []),
      ]),
    );
  }
}

/** A check that a printed difference is what its two terms give: shown = a − b. */
function difference(
  id: string,
  what: string,
  shown: Decimal,
  a: Decimal,
  b: Decimal,
  aName: string,
  bName: string,
): ReportCheck {
  const want = a.minus(b);
  return check(
    id,
    shown.equals(want),
    `${what} (${formatKronor(shown)}) är ${aName} (${formatKronor(a)}) minus ${bName} (${formatKronor(b)}).`,
    `${what} (${formatKronor(shown)}) är inte ${aName} (${formatKronor(a)}) minus ${bName} (${formatKronor(b)}), som blir ${formatKronor(want)}.`,
  );
}
