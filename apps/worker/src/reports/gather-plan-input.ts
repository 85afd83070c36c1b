import { computePlanBudget, planChecks, PlanGoal, validatePlan } from '@app/domain';
import type { PlanReportInput } from '@app/reporting';
import { planReader, Tx } from '@app/infra';
import { ReportDataMissing } from './gather-report-input';

/** Collects the year's verksamhetsplan and what it is checked against; the document is computed elsewhere, purely. */
export async function gatherPlanInput(
  tx: Tx,
  organisationId: string,
  year: number,
): Promise<PlanReportInput> {
  const row = await planReader.current(tx, organisationId, year);
  if (!row) throw new ReportDataMissing(`Det finns ingen verksamhetsplan för ${year}; påbörja den först.`);
  const v = validatePlan(row.data);
  if (!v.ok)
    throw new ReportDataMissing(`Verksamhetsplanen för ${year} innehåller fel; rätta och spara den först.`);
  const parties = await planReader.parties(tx, organisationId);
  const insatser = await planReader.insatser(tx, organisationId);
  const previous = await planReader.lastDecidedBefore(tx, organisationId, year);
  const prevPlan = previous && previous.year === year - 1 ? validatePlan(previous.data) : null;
  const previousGoals: PlanGoal[] = prevPlan?.ok
    ? prevPlan.plan.financialGoals
    : await planReader.goals(tx, organisationId, year - 1);
  const budget = computePlanBudget(v.plan, parties);
  return {
    year,
    organisation: await planReader.organisation(tx, organisationId),
    status: row.status,
    decidedAt: row.decidedAt,
    plan: v.plan,
    budget,
    checks: planChecks({ plan: v.plan, budget, previousGoals, insatser }),
    costCentres: await planReader.costCentres(tx, organisationId),
    insatser: insatser.map((i) => ({ key: i.key, name: i.name })),
  };
}
