import { computePlanBudget, decidePlan, PlanStatus, validatePlan } from '@app/domain';
import { appendAudit } from '../audit/audit-writer';
import { returningRows } from '../database/sql';
import { WriteTx } from '../database/unit-of-work';
import { planReader } from './plan-reader';

/** When a plan's document is sent for signing, the plan goes for decision (no more edits). */
export async function planSentForDecision(
  tx: WriteTx,
  reportId: string,
  actorId: string | null,
): Promise<void> {
  const [r] = await tx.query('SELECT organisation_id, kind, year FROM report WHERE id = $1', [reportId]);
  if (r?.kind !== 'VERKSAMHETSPLAN') return;
  const plan = await planReader.current(tx, r.organisation_id, r.year);
  if (!plan) return;
  const d = decidePlan(plan.status, 'sendForDecision', { acceptFailing: true });
  if (!d.ok) return;
  await returningRows(
    tx,
    `UPDATE plan SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING id`,
    [plan.id, d.status],
  );
  await appendAudit(tx, {
    organisationId: r.organisation_id,
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
  const [r] = await tx.query('SELECT organisation_id, kind, year FROM report WHERE id = $1', [reportId]);
  if (r?.kind !== 'VERKSAMHETSPLAN') return false;
  const org: string = r.organisation_id;
  const plan = await planReader.current(tx, org, r.year);
  if (!plan) return false;
  const from = plan.status === PlanStatus.DRAFT ? PlanStatus.FOR_DECISION : plan.status;
  const d = decidePlan(from, 'decide');
  const v = validatePlan(plan.data);
  if (!d.ok || !v.ok) return false;
  const p = v.plan;
  const year = String(p.year);
  const budget = computePlanBudget(p, await planReader.parties(tx, org));
  const [y0, y1, y2] = budget.years;
  // A new revision supersedes the one decided before it.
  const before = await planReader.decided(tx, org, r.year);
  if (before && before.id !== plan.id) {
    const sup = decidePlan(before.status, 'supersede');
    if (sup.ok)
      await tx.query(`UPDATE plan SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        before.id,
        sup.status,
      ]);
  }
  await tx.query(
    `UPDATE plan SET status = 'DECIDED', decided_at = $2, decided_report_id = $3, version = version + 1, updated_at = now()
      WHERE id = $1`,
    [plan.id, decidedAt, reportId],
  );
  // The decided budget of the year: the plan's, replacing an ordinary budget the year may already have.
  const outlook = JSON.stringify({ [y1.year]: y1.summaKostnader, [y2.year]: y2.summaKostnader });
  const financing = JSON.stringify({
    fromParties: y0.fromParties,
    fromEquity: y0.fromEquity,
    esf: y0.esf,
    other: y0.other,
  });
  const [existing] = await tx.query(
    `SELECT id FROM budget WHERE organisation_id = $1 AND year = $2 AND kind = 'ORDINARY' ORDER BY decided DESC LIMIT 1`,
    [org, p.year],
  );
  const budgetId: string = existing
    ? (
        await returningRows<{ id: string }>(
          tx,
          `UPDATE budget SET decided = $2, outlook = $3, financing = $4, updated_at = now() WHERE id = $1 RETURNING id`,
          [existing.id, decidedAt, outlook, financing],
        )
      )[0].id
    : (
        await tx.query(
          `INSERT INTO budget (organisation_id, year, decided, kind, outlook, financing) VALUES ($1,$2,$3,'ORDINARY',$4,$5) RETURNING id`,
          [org, p.year, decidedAt, outlook, financing],
        )
      )[0].id;
  await tx.query('DELETE FROM budget_line WHERE budget_id = $1', [budgetId]);
  const lines = Object.entries(p.lines).filter(([, byYear]) => byYear[year] !== undefined);
  await tx.query(
    'INSERT INTO budget_line (budget_id, cost_centre_code, amount) SELECT $1, unnest($2::text[]), unnest($3::numeric[])',
    [budgetId, lines.map(([cc]) => cc), lines.map(([, byYear]) => byYear[year])],
  );
  // The year's financial goals are the plan's.
  await tx.query('DELETE FROM financial_goal WHERE organisation_id = $1 AND year = $2', [org, p.year]);
  for (const g of p.financialGoals)
    await tx.query(
      'INSERT INTO financial_goal (organisation_id, year, key, text, metric, op, value) VALUES ($1,$2,$3,$4,$5,$6,$7)',
      [org, p.year, g.key, g.text, g.metric, g.op, g.value],
    );
  // Each insats' mätpunkter for the year are the plan's.
  for (const ins of p.insatser) {
    const [row] = await tx.query('SELECT id FROM insats WHERE organisation_id = $1 AND key = $2', [
      org,
      ins.key,
    ]);
    if (!row) continue;
    await tx.query('DELETE FROM matpunkt WHERE insats_id = $1 AND year = $2', [row.id, p.year]);
    for (const [i, m] of ins.matpunkter.entries())
      await tx.query(
        'INSERT INTO matpunkt (insats_id, year, key, text, metric, op, target, position) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
        [row.id, p.year, m.key, m.text, m.metric ?? null, m.op ?? null, m.target ?? null, i],
      );
  }
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
