import { computePlanBudget, decidePlan, PlanStatus, validatePlan } from '@app/domain';
import { appendAudit } from '../audit/audit-writer';
import { WriteTx } from '../database/unit-of-work';
import { planDecisionStore as store } from './plan-decision.store';
import { planReader } from './plan-read.store';

/** When a plan's document is sent for signing, the plan goes for decision (no more edits). */
export async function planSentForDecision(
  tx: WriteTx,
  reportId: string,
  actorId: string | null,
): Promise<void> {
  const r = await store.report(tx, reportId);
  if (r?.kind !== 'VERKSAMHETSPLAN') return;
  const plan = await planReader.current(tx, r.organisationId, r.year);
  if (!plan) return;
  const d = decidePlan(plan.status, 'sendForDecision', { acceptFailing: true });
  if (!d.ok) return;
  await store.setStatus(tx, plan.id, d.status);
  await appendAudit(tx, {
    organisationId: r.organisationId,
    actorId,
    action: 'plan.sent_for_decision',
    entityType: 'plan',
    entityId: plan.id,
    fromState: plan.status,
    toState: d.status,
    payload: { year: r.year, reportId },
  });
}

/**
 * The styrelse has signed the plan's document: the plan is decided. Its budget becomes the year's decided
 * budget (with the decision date and the prognosis years as outlook), its financial goals the year's goals,
 * and its mätpunkter the insatser's for the year, so follow-ups and the årsredovisning measure against it.
 * Runs in the seal's transaction; a second run finds the plan decided and does nothing.
 */
export async function decidePlanFromSealedReport(
  tx: WriteTx,
  reportId: string,
  decidedAt: string,
): Promise<boolean> {
  const r = await store.report(tx, reportId);
  if (r?.kind !== 'VERKSAMHETSPLAN') return false;
  const org = r.organisationId;
  const plan = await planReader.current(tx, org, r.year);
  if (!plan) return false;
  const from = plan.status === PlanStatus.DRAFT ? PlanStatus.FOR_DECISION : plan.status;
  const d = decidePlan(from, 'decide');
  const v = validatePlan(plan.data);
  if (!d.ok || !v.ok) return false;
  const p = v.plan;
  const year = String(p.year);
  const [y0, y1, y2] = computePlanBudget(p, await planReader.parties(tx, org)).years;
  // A new revision supersedes the one decided before it.
  const before = await planReader.decided(tx, org, r.year);
  if (before && before.id !== plan.id) {
    const sup = decidePlan(before.status, 'supersede');
    if (sup.ok) await store.setStatus(tx, before.id, sup.status);
  }
  await store.markDecided(tx, plan.id, decidedAt, reportId);
  const budgetId = await store.replaceOrdinaryBudget(tx, {
    organisationId: org,
    year: p.year,
    decided: decidedAt,
    outlook: { [y1.year]: y1.summaKostnader, [y2.year]: y2.summaKostnader },
    financing: { fromParties: y0.fromParties, fromEquity: y0.fromEquity, esf: y0.esf, other: y0.other },
    lines: Object.entries(p.lines)
      .filter(([, byYear]) => byYear[year] !== undefined)
      .map(([cc, byYear]) => [cc, byYear[year]]),
  });
  await store.replaceGoals(tx, org, p.year, p.financialGoals);
  for (const ins of p.insatser) await store.replaceMatpunkter(tx, org, ins.key, p.year, ins.matpunkter);
  await appendAudit(tx, {
    organisationId: org,
    actorId: null,
    action: 'plan.decided',
    entityType: 'plan',
    entityId: plan.id,
    fromState: plan.status,
    toState: PlanStatus.DECIDED,
    payload: { year: p.year, reportId, decidedAt, budgetId, goals: p.financialGoals.length },
  });
  return true;
}
