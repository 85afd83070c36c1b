import Decimal from 'decimal.js';
import { formatAmount, formatPercent } from '../money/money';
import { KeyFigureId, RATIO_KEY_FIGURES } from '../bundle/key-figures';
import { Plan, planYears } from './plan.schema';
import { PlanBudget } from './plan-budget';

export interface PlanCheck {
  id: string;
  status: 'PASS' | 'FAIL';
  message: string;
}

export interface PlanGoal {
  key: string;
  text: string;
  metric: string;
  op: string;
  value: string;
}

export interface PlanInsatsRef {
  key: string;
  name: string;
  costCentre: string;
  start: string;
  /** Null: no end decided yet. */
  end: string | null;
}

export interface PlanCheckContext {
  plan: Plan;
  budget: PlanBudget;
  /** Last year's goals (the decided plan's, or the årsredovisning's). */
  previousGoals: PlanGoal[];
  /** The förbund's insatser, with their period. */
  insatser: PlanInsatsRef[];
}

const kr = (v: string | Decimal) => `${formatAmount(new Decimal(v), 'kr')} kr`;
const pass = (id: string, message: string): PlanCheck => ({ id, status: 'PASS', message });
const fail = (id: string, message: string): PlanCheck => ({ id, status: 'FAIL', message });
const check = (ok: boolean, id: string, message: string) => (ok ? pass(id, message) : fail(id, message));

/** The plan's checks, each PASS or FAIL with the figures, in Swedish. */
export function planChecks(ctx: PlanCheckContext): PlanCheck[] {
  const { plan, budget } = ctx;
  const out: PlanCheck[] = [];
  const total = new Decimal(plan.allocation.total);
  const kommuner = Object.values(plan.allocation.kommunKey).reduce((a, v) => a.plus(v), new Decimal(0));
  out.push(
    check(
      kommuner.equals(total.div(4)),
      'plan_kommunnyckel',
      `Kommunernas fördelning summerar till ${kr(kommuner)}; en fjärdedel av tilldelningen är ${kr(total.div(4))}.`,
    ),
  );
  out.push(
    check(
      new Decimal(budget.allocationTotal).equals(total),
      'plan_medelstilldelning',
      `Parternas andelar summerar till ${kr(budget.allocationTotal)}; tilldelningen är ${kr(total)}.`,
    ),
  );
  for (const y of budget.years) {
    const financing = new Decimal(y.fromParties).plus(y.fromEquity).plus(y.esf).plus(y.other);
    out.push(
      check(
        financing.equals(y.summaBudget),
        `plan_finansiering_${y.year}`,
        `${y.year}: finansieringen (${kr(financing)}) är summa budget (${kr(y.summaBudget)}).`,
      ),
    );
    const costs = Object.values(y.lines).reduce((a, v) => a.plus(v), new Decimal(0));
    out.push(
      check(
        costs.equals(y.summaKostnader),
        `plan_kostnader_${y.year}`,
        `${y.year}: kostnadsraderna summerar till ${kr(costs)}; summa kostnader är ${kr(y.summaKostnader)}.`,
      ),
    );
    const remainder = new Decimal(y.summaBudget).minus(y.summaKostnader);
    out.push(
      check(
        remainder.equals(y.ejBudgeterat),
        `plan_ej_budgeterat_${y.year}`,
        `${y.year}: ej budgeterat är ${kr(y.ejBudgeterat)} = summa budget ${kr(y.summaBudget)} − summa kostnader ${kr(y.summaKostnader)}.`,
      ),
    );
    out.push(
      check(
        remainder.gte(0),
        `plan_buffert_${y.year}`,
        remainder.gte(0)
          ? `${y.year}: kostnaderna ryms i finansieringen; bufferten på ${kr(y.buffer)} lämnas orörd.`
          : `${y.year}: kostnaderna överstiger finansieringen med ${kr(remainder.neg())} och tar bufferten på ${kr(y.buffer)} i anspråk.`,
      ),
    );
    if (y.rolledEquity !== null)
      out.push(
        check(
          new Decimal(y.rolledEquity).equals(y.fromEquity),
          `plan_overfort_eget_kapital_${y.year}`,
          new Decimal(y.rolledEquity).equals(y.fromEquity)
            ? `${y.year}: överfört eget kapital ${kr(y.fromEquity)} är föregående års ej budgeterade ${kr(y.rolledEquity)}.`
            : `${y.year}: planen tar ${kr(y.fromEquity)} ur eget kapital, men föregående års ej budgeterade är ${kr(y.rolledEquity)}; beloppen ska vara lika.`,
        ),
      );
  }
  out.push(...goalChecks(ctx));
  out.push(...insatsChecks(ctx));
  return out;
}

const OP_WORDS: Record<string, string> = {
  '<=': 'högst',
  '>=': 'minst',
  '<': 'under',
  '>': 'över',
  '=': 'exakt',
};

/** A goal's level in words: "högst 20 %", "minst 700 000 kr". */
export function goalLevel(metric: string, op: string, value: string): string {
  const v = new Decimal(value);
  const amount = RATIO_KEY_FIGURES.has(metric as KeyFigureId)
    ? formatPercent(v, v.times(100).isInteger() ? 0 : 1)
    : kr(v);
  return `${OP_WORDS[op] ?? op} ${amount}`;
}

/** Goals changed against last year's, by measure: each change must be confirmed. */
function goalChecks({ plan, previousGoals }: PlanCheckContext): PlanCheck[] {
  const out: PlanCheck[] = [];
  for (const g of plan.financialGoals) {
    const prev = previousGoals.find((p) => p.metric === g.metric);
    if (!prev || (prev.op === g.op && new Decimal(prev.value).equals(g.value))) continue;
    const confirmed = plan.confirmedGoalChanges.includes(g.metric);
    out.push(
      check(
        confirmed,
        `plan_mal_andrat_${g.metric}`,
        `Målet "${g.text}" har ändrats från ${goalLevel(prev.metric, prev.op, prev.value)} till ${goalLevel(g.metric, g.op, g.value)}` +
          (confirmed ? '; ändringen är bekräftad.' : '; bekräfta ändringen innan planen beslutas.'),
      ),
    );
  }
  return out;
}

/** Every insats active in the plan year has a budget line for it. */
function insatsChecks({ plan, insatser }: PlanCheckContext): PlanCheck[] {
  const [year] = planYears(plan.year);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const active = insatser.filter((i) => i.start <= last && (i.end === null || i.end >= first));
  const missing = active.filter((i) => new Decimal(plan.lines[i.costCentre]?.[String(year)] ?? '0').isZero());
  return [
    check(
      missing.length === 0,
      'plan_insatser_budget',
      missing.length === 0
        ? `Alla ${active.length} insatser som pågår ${year} har en budgetrad.`
        : `Insatser utan budget ${year}: ${missing.map((i) => `${i.name} (kostnadsställe ${i.costCentre})`).join(', ')}.`,
    ),
  ];
}
