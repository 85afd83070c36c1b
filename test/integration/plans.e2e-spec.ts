import { readFileSync } from 'node:fs';
import { decimalString } from '@app/domain';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { codes, importBundle, tenantBundle, TestApi } from '../helpers/api';
import { DEMO_PLAN } from '../helpers/plan';

const DEMO = join(__dirname, '..', '..', 'demo', 'samspelet');
const plan2026 = DEMO_PLAN;
const expected = JSON.parse(readFileSync(join(DEMO, 'expected', 'verksamhetsplan-2026.json'), 'utf8'));

const FIELDS = `id status version revision validationErrors { path message }
  allocation { party amount } budget { year fromParties fromEquity esf summaBudget buffer totalt summaKostnader ejBudgeterat lines }
  checks { id status message }`;
const START = `mutation($o: ID!, $y: Int!){ startPlan(organisationId: $o, year: $y){ ${FIELDS} } }`;
const SAVE = `mutation($o: ID!, $y: Int!, $v: Int!, $p: JSON!){ savePlan(organisationId: $o, year: $y, version: $v, plan: $p){ ${FIELDS} } }`;
const GET = `query($o: ID!, $y: Int!){ plan(organisationId: $o, year: $y){ ${FIELDS} } }`;

interface PlanResult {
  id: string;
  status: string;
  version: number;
  allocation: Array<{ party: string; amount: string }>;
  budget: Array<Record<string, string> & { year: number }>;
  checks: Array<{ id: string; status: string; message: string }>;
}

describe('verksamhetsplan och budget, written in the platform', () => {
  let api: TestApi;
  let org: string;
  let chef: string;
  let otherChef: string;
  let owner: string;

  beforeAll(async () => {
    api = await TestApi.start();
    org = (await importBundle(api, tenantBundle('planen', 'Samordningsförbundet Planen'))).id;
    await importBundle(api, tenantBundle('grannplan', 'Samordningsförbundet Grannplan'));
    chef = await api.login('forbundschef@planen.example');
    otherChef = await api.login('forbundschef@grannplan.example');
    owner = await api.login('projektagare.stegen@planen.example');
  });
  afterAll(() => api.close());

  it('starts the plan once and computes the Samspelet 2026 figures from what the förbundschef saves', async () => {
    const started = (await api.ok<{ startPlan: PlanResult }>(START, { o: org, y: 2026 }, chef)).startPlan;
    expect(started).toMatchObject({ status: 'DRAFT', version: 1 });
    const again = (await api.ok<{ startPlan: PlanResult }>(START, { o: org, y: 2026 }, chef)).startPlan;
    expect(again.id).toBe(started.id);

    const saved = (await api.ok<{ savePlan: PlanResult }>(SAVE, { o: org, y: 2026, v: 1, p: plan2026 }, chef))
      .savePlan;
    expect(saved.version).toBe(2);
    expect(
      Object.fromEntries(saved.allocation.map((r) => [r.party, decimalString(new Decimal(r.amount), 0)])),
    ).toEqual(Object.fromEntries(Object.entries(expected.allocation).filter(([k]) => k !== 'total')));
    for (const y of saved.budget)
      for (const [k, v] of Object.entries(expected.years[String(y.year)] as Record<string, string>))
        expect([y.year, k, decimalString(new Decimal(y[k]), 0)]).toEqual([y.year, k, v]);
    expect(saved.checks.filter((c) => c.status === 'FAIL').map((c) => c.id)).toEqual([
      'plan_mal_andrat_administrativ_kostnadsandel',
    ]);
    const [{ n }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE organisation_id = $1 AND action IN ('plan.started','plan.saved')",
      [org],
    );
    expect(n).toBe(2);
  });

  it('refuses a stale save with the current version, and a broken plan with every path, changing nothing', async () => {
    const stale = await api.gql(SAVE, { o: org, y: 2026, v: 1, p: plan2026 }, chef);
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    expect(stale.errors?.[0].extensions?.currentVersion).toBe(2);
    const broken = await api.gql(
      SAVE,
      { o: org, y: 2026, v: 2, p: { ...plan2026, buffer: 'mycket', year: 2026 } },
      chef,
    );
    expect(codes(broken)).toEqual(['BAD_USER_INPUT']);
    expect((broken.errors?.[0].extensions?.details as Array<{ path: string }>).map((d) => d.path)).toEqual([
      '$.buffer',
    ]);
    const now = (await api.ok<{ plan: PlanResult }>(GET, { o: org, y: 2026 }, chef)).plan;
    expect(now.version).toBe(2);
  });

  it("keeps a förbund's plan to that förbund and its office", async () => {
    // another förbund's chef: as for an unknown förbund (no existence leak)
    expect(codes(await api.gql(GET, { o: org, y: 2026 }, otherChef))).toEqual(['NOT_FOUND']);
    expect(codes(await api.gql(SAVE, { o: org, y: 2026, v: 2, p: plan2026 }, otherChef))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await api.gql(START, { o: org, y: 2027 }, owner))).toEqual(['FORBIDDEN']);
  });
});
