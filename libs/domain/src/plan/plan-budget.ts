import Decimal from 'decimal.js';
import { toAmountString } from '../money/money';
import { Plan, planYears } from './plan.schema';

export interface PartyRef {
  key: string;
  name: string;
  kind: 'STAT' | 'REGION' | 'KOMMUN';
}

export interface AllocationRow {
  party: string;
  name: string;
  amount: string;
}

export interface PlanBudgetYear {
  year: number;
  fromParties: string;
  fromEquity: string;
  /** Equity the roll-forward rule carries over (the previous year's ej budgeterat); null for the plan year. */
  rolledEquity: string | null;
  esf: string;
  other: string;
  summaBudget: string;
  buffer: string;
  totalt: string;
  lines: Record<string, string>;
  summaKostnader: string;
  ejBudgeterat: string;
}

export interface PlanBudget {
  allocation: AllocationRow[];
  allocationTotal: string;
  years: PlanBudgetYear[];
}

const d = (v: string | undefined) => new Decimal(v ?? '0');
const s = (v: Decimal) => toAmountString(v);

/**
 * The allocation per party (DOMAIN.md §8): the state's half through Försäkringskassan (the STAT party that is
 * not Arbetsförmedlingen; the first STAT party), the region's quarter, and the kommuner's quarter by their key.
 */
export function allocationRows(plan: Plan, parties: PartyRef[]): AllocationRow[] {
  const total = d(plan.allocation.total);
  const state =
    parties.find((p) => p.kind === 'STAT' && p.key === 'FK') ?? parties.find((p) => p.kind === 'STAT');
  const region = parties.find((p) => p.kind === 'REGION');
  const rows: AllocationRow[] = [];
  if (state) rows.push({ party: state.key, name: state.name, amount: s(total.div(2)) });
  if (region) rows.push({ party: region.key, name: region.name, amount: s(total.div(4)) });
  for (const [key, amount] of Object.entries(plan.allocation.kommunKey)) {
    const p = parties.find((x) => x.key === key);
    rows.push({ party: key, name: p?.name ?? key, amount: s(d(amount)) });
  }
  return rows;
}

/**
 * The three-year budget table: financing (the parties' allocation, equity carried over, ESF, other income) =
 * summa budget; the buffer kept apart; costs per cost centre; ej budgeterat = summa budget − summa kostnader.
 * A prognosis year carries over the previous year's ej budgeterat unless the plan states another amount
 * (which a check then reports).
 */
export function computePlanBudget(plan: Plan, parties: PartyRef[]): PlanBudget {
  const allocation = allocationRows(plan, parties);
  const years: PlanBudgetYear[] = [];
  let previousRemainder: Decimal | null = null;
  for (const year of planYears(plan.year)) {
    const f = plan.financing[String(year)] ?? {};
    const fromParties = d(plan.allocation.total);
    const rolled: Decimal | null = previousRemainder;
    const fromEquity: Decimal = f.fromEquity !== undefined ? d(f.fromEquity) : (rolled ?? new Decimal(0));
    const esf = d(f.esf);
    const other = d(f.other);
    const summaBudget: Decimal = fromParties.plus(fromEquity).plus(esf).plus(other);
    const lines: Record<string, string> = {};
    let costs = new Decimal(0);
    for (const [cc, byYear] of Object.entries(plan.lines).sort(([a], [b]) => a.localeCompare(b))) {
      const v = d(byYear[String(year)]);
      lines[cc] = s(v);
      costs = costs.plus(v);
    }
    const remainder: Decimal = summaBudget.minus(costs);
    years.push({
      year,
      fromParties: s(fromParties),
      fromEquity: s(fromEquity),
      rolledEquity: rolled ? s(rolled) : null,
      esf: s(esf),
      other: s(other),
      summaBudget: s(summaBudget),
      buffer: s(d(plan.buffer)),
      totalt: s(summaBudget.plus(d(plan.buffer))),
      lines,
      summaKostnader: s(costs),
      ejBudgeterat: s(remainder),
    });
    previousRemainder = remainder;
  }
  const allocationTotal = s(allocation.reduce((a, r) => a.plus(r.amount), new Decimal(0)));
  return { allocation, allocationTotal, years };
}
