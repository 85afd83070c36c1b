import { readFileSync } from 'node:fs';
import { decimalString } from '../money/money';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { validatePlan, Plan } from './plan.schema';
import { computePlanBudget, PartyRef } from './plan-budget';
import { planChecks, PlanGoal, PlanInsatsRef } from './plan-checks';
import { decidePlan, PlanStatus } from './plan-status';

const demo = join(__dirname, '..', '..', '..', '..', 'demo', 'samspelet');
const read = (p: string) => JSON.parse(readFileSync(join(demo, p), 'utf8'));
const bundle = read('organisation.json');
const expected = read('expected/verksamhetsplan-2026.json');
const parties: PartyRef[] = bundle.parties;
const insatser: PlanInsatsRef[] = bundle.insatser;
const goals2025: PlanGoal[] = bundle.financialGoals.filter((g: { year: number }) => g.year === 2025);

function samspeletPlan(change: (p: Record<string, unknown>) => void = () => undefined): Plan {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the fixture's notes are not plan data
  const { note, decidedInSeed, ...input } = read('plan/plan-2026.json');
  change(input);
  const r = validatePlan(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
}
const eq = (a: string, b: string) => new Decimal(a).equals(b);

describe('verksamhetsplan 2026 from the Samspelet fixture', () => {
  const plan = samspeletPlan();
  const budget = computePlanBudget(plan, parties);

  it('splits the allocation per party: the state half, the region quarter, the kommuner by their key', () => {
    const got = Object.fromEntries(
      budget.allocation.map((r) => [r.party, decimalString(new Decimal(r.amount), 0)]),
    );
    const { total, ...perParty } = expected.allocation;
    expect(got).toEqual(perParty);
    expect(eq(budget.allocationTotal, total)).toBe(true);
  });

  it('gives the three-year budget table with every cost line and the roll-forward of equity', () => {
    for (const y of budget.years) {
      const e = expected.years[String(y.year)];
      for (const k of [
        'fromParties',
        'fromEquity',
        'esf',
        'summaBudget',
        'buffer',
        'totalt',
        'summaKostnader',
        'ejBudgeterat',
      ] as const)
        expect([y.year, k, decimalString(new Decimal(y[k]), 0)]).toEqual([y.year, k, e[k]]);
      expect(Object.keys(y.lines).sort()).toEqual(Object.keys(plan.lines).sort());
    }
    expect(budget.years[2].fromEquity).toBe(budget.years[1].ejBudgeterat);
  });

  it('passes every check but the administrative-cost goal, which changed from 15 % to 20 % and waits for a confirmation', () => {
    const checks = planChecks({ plan, budget, previousGoals: goals2025, insatser });
    const failing = checks.filter((c) => c.status === 'FAIL');
    expect(failing.map((c) => c.id)).toEqual(['plan_mal_andrat_administrativ_kostnadsandel']);
    expect(failing[0].message).toContain('från högst 15\u00a0% till högst 20\u00a0%');
    const confirmed = samspeletPlan((p) => (p.confirmedGoalChanges = ['administrativ_kostnadsandel']));
    expect(
      planChecks({ plan: confirmed, budget, previousGoals: goals2025, insatser }).filter(
        (c) => c.status === 'FAIL',
      ),
    ).toEqual([]);
  });

  it("says where the seed's own table differs: 2028 carries over 0 kr instead of 2027's 8 708 000 kr", () => {
    const seed = samspeletPlan(
      (p) => ((p.financing as Record<string, Record<string, string>>)['2028'].fromEquity = '0'),
    );
    const b = computePlanBudget(seed, parties);
    const y2028 = b.years[2];
    for (const [k, v] of Object.entries(expected.seedDiffers['2028'] as Record<string, string>))
      expect([k, decimalString(new Decimal(y2028[k as 'fromEquity']), 0)]).toEqual([k, v]);
    const c = planChecks({ plan: seed, budget: b, previousGoals: [], insatser }).find(
      (x) => x.id === 'plan_overfort_eget_kapital_2028',
    );
    expect(c?.status).toBe('FAIL');
    expect(c?.message).toContain('8\u00a0708\u00a0000 kr');
  });

  it('names an insats without a budget line', () => {
    const p = samspeletPlan((x) => delete (x.lines as Record<string, unknown>)['851']);
    const c = planChecks({
      plan: p,
      budget: computePlanBudget(p, parties),
      previousGoals: [],
      insatser,
    }).find((x) => x.id === 'plan_insatser_budget');
    expect(c?.status).toBe('FAIL');
    expect(c?.message).toContain('TRIS');
  });

  it('refuses a plan with every error located by its path', () => {
    const r = validatePlan({ ...samspeletPlan(), buffer: '7 00', lines: { '800': { '2031': '1' } } });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['$.buffer']);
    const r2 = validatePlan({ ...samspeletPlan(), lines: { '800': { '2031': '1' } } });
    expect(r2.ok ? [] : r2.issues.map((i) => i.path)).toEqual(['$.lines["800"]["2031"]']);
  });
});

describe('the plan status map', () => {
  it('sends a draft for decision only with passing checks or an explicit acceptance', () => {
    expect(decidePlan(PlanStatus.DRAFT, 'sendForDecision', { failingChecks: 1 })).toMatchObject({
      ok: false,
      reason: 'CHECKS_FAILING',
    });
    expect(
      decidePlan(PlanStatus.DRAFT, 'sendForDecision', { failingChecks: 1, acceptFailing: true }),
    ).toEqual({ ok: true, status: PlanStatus.FOR_DECISION });
    expect(decidePlan(PlanStatus.FOR_DECISION, 'decide')).toEqual({ ok: true, status: PlanStatus.DECIDED });
  });

  it('never edits a decided plan; only a new version supersedes it', () => {
    expect(decidePlan(PlanStatus.DECIDED, 'save')).toMatchObject({ ok: false, reason: 'INVALID_TRANSITION' });
    expect(decidePlan(PlanStatus.DECIDED, 'supersede')).toEqual({ ok: true, status: PlanStatus.SUPERSEDED });
    expect(decidePlan(PlanStatus.SUPERSEDED, 'decide')).toMatchObject({ ok: false });
  });
});
