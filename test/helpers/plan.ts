import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApi } from './api';

const DEMO = join(__dirname, '..', '..', 'demo', 'samspelet');

/** Samspelet's verksamhetsplan 2026 as the API takes it (the fixture's notes left out). */
export const DEMO_PLAN: Record<string, unknown> = (() => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the fixture's notes are not plan data
  const { note, decidedInSeed, ...plan } = JSON.parse(
    readFileSync(join(DEMO, 'plan', 'plan-2026.json'), 'utf8'),
  );
  return plan;
})();

/** Starts the förbund's plan for 2026 and saves Samspelet's, its one goal change confirmed: ready to compile. */
export async function savedDemoPlan(api: TestApi, organisationId: string, chef: string): Promise<void> {
  await api.ok(
    'mutation($o: ID!){ startPlan(organisationId: $o, year: 2026){ id } }',
    { o: organisationId },
    chef,
  );
  await api.ok(
    'mutation($o: ID!, $p: JSON!){ savePlan(organisationId: $o, year: 2026, version: 1, plan: $p){ id } }',
    { o: organisationId, p: { ...DEMO_PLAN, confirmedGoalChanges: ['administrativ_kostnadsandel'] } },
    chef,
  );
}

/** Compiles the verksamhetsplan 2026 (a worker must run) and waits until it is READY; its report id. */
export async function compiledPlanReport(
  api: TestApi,
  organisationId: string,
  chef: string,
): Promise<string> {
  const q = await api.ok<{ compileReport: { id: string } }>(
    'mutation($o: ID!){ compileReport(organisationId: $o, kind: VERKSAMHETSPLAN, year: 2026){ id } }',
    { o: organisationId },
    chef,
  );
  for (let i = 0; i < 600; i++) {
    const r = await api.ok<{ report: { status: string } }>(
      'query($id: ID!){ report(id: $id){ status } }',
      { id: q.compileReport.id },
      chef,
    );
    if (r.report.status === 'READY') break;
    await new Promise((res) => setTimeout(res, 100));
  }
  return q.compileReport.id;
}
