import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computePlanBudget, validatePlan } from '@app/domain';
import { cell, samspeletInput } from '../__fixtures__/samspelet';
import { buildReport } from '../build-report';
import { ReportModel, ReportTable } from '../report-model';

const table = (m: ReportModel): ReportTable =>
  m.sections.flatMap((s) => s.tables).find((t) => t.id === 'budgetprognos')!;
const years = ['2026', '2027', '2028'];
const across = (t: ReportTable, id: string) => years.map((y) => cell(t, id, y));

describe('budgetprognos (issue 14.3): the seed’s three-year table', () => {
  it('from the budgets: financing rows, every cost line, totals, result, equity and the buffer, each sum checked', () => {
    const m = buildReport(samspeletInput('ar'));
    const t = table(m);
    expect(t.title).toBe('Budgetprognos 2026–2028');
    expect(t.columns).toEqual(years);
    expect(across(t, 'finansiering_1')).toEqual(['9974000.00', '9974000.00', '9974000.00']);
    expect(across(t, 'summa_finansiering')).toEqual(['12444000.00', '9974000.00', '9974000.00']);
    // every cost line of the budget year; the plan years as the budget holds them (in total)
    expect(t.rows.filter((r) => r.id.startsWith('kostnad_') && /\d$/.test(r.id))).toHaveLength(12);
    expect(across(t, 'kostnad_ej_fordelad')).toEqual([null, '2150000.00', '2150000.00']);
    expect(across(t, 'summa_kostnader')).toEqual(['11560000.00', '2150000.00', '2150000.00']);
    expect(across(t, 'ej_budgeterat')).toEqual(['884000.00', '7824000.00', '7824000.00']);
    // equity: the balance sheet's 3 318 000 at 2025-12-31, then each year's budgeted result
    expect(across(t, 'eget_kapital_ib')).toEqual(['3318000.00', '2132000.00', '9956000.00']);
    expect(across(t, 'budgeterat_resultat')).toEqual(['-1186000.00', '7824000.00', '7824000.00']);
    expect(across(t, 'eget_kapital_ub')).toEqual(['2132000.00', '9956000.00', '17780000.00']);
    expect(across(t, 'buffert')).toEqual(['700000.00', '700000.00', '700000.00']);
    expect(across(t, 'kvar_eget_kapital')).toEqual(['1432000.00', '9256000.00', '17080000.00']);
    const checks = m.checks.filter(
      (c) => c.id.startsWith('budgetprognos_') || c.id.startsWith('summa_budgetprognos'),
    );
    expect(checks.length).toBeGreaterThanOrEqual(14);
    expect(checks.filter((c) => c.status === 'FAIL')).toEqual([]);
  });

  it('no "varav" row adds up to more than its total: financing and costs are sums of their own rows', () => {
    const m = buildReport(samspeletInput('ar'));
    const t = table(m);
    expect(t.sums?.summa_finansiering).toEqual(['finansiering_1', 'finansiering_2', 'finansiering_3']);
    expect(t.rows.some((r) => r.label.startsWith('varav finansiering'))).toBe(false);
    expect(m.checks.find((c) => c.id === 'summa_budgetprognos_summa_finansiering')?.status).toBe('PASS');
    expect(m.checks.find((c) => c.id === 'summa_budgetprognos_summa_kostnader')?.status).toBe('PASS');
  });

  it('from the decided verksamhetsplan: every cost line for all three years, equity carried by the plan’s rule', () => {
    const input = samspeletInput('ar');
    const raw = JSON.parse(
      readFileSync(
        join(__dirname, '..', '..', '..', '..', '..', 'demo', 'samspelet', 'plan', 'plan-2026.json'),
        'utf8',
      ),
    );
    // the fixture's notes about the seed are no part of a plan
    const { note: _n, decidedInSeed: _d, ...data } = raw;
    const plan = validatePlan(data);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    input.nextPlan = { year: 2026, decidedAt: '2025-11-25', budget: computePlanBudget(plan.plan, []) };
    const m = buildReport(input);
    const t = table(m);
    expect(t.rows.filter((r) => r.id.startsWith('finansiering_')).map((r) => r.label)).toEqual([
      'Medlemmarnas tilldelning',
      'Eget kapital',
      'ESF',
    ]);
    // verksamhetsplan 2026 (expected/verksamhetsplan-2026.json): equity carried over 2 070 000, 884 000, 8 708 000
    expect(across(t, 'finansiering_2')).toEqual(['2070000.00', '884000.00', '8708000.00']);
    expect(across(t, 'summa_finansiering')).toEqual(['12444000.00', '10858000.00', '18682000.00']);
    expect(across(t, 'kostnad_800')).toEqual(['1200000.00', '1300000.00', '1300000.00']);
    expect(across(t, 'kostnad_802')).toEqual(['300000.00', '400000.00', '400000.00']);
    expect(t.rows.find((r) => r.id === 'kostnad_ej_fordelad')).toBeUndefined();
    expect(across(t, 'summa_kostnader')).toEqual(['11560000.00', '2150000.00', '2150000.00']);
    expect(across(t, 'ej_budgeterat')).toEqual(['884000.00', '8708000.00', '16532000.00']);
    expect(across(t, 'eget_kapital_ub')).toEqual(['2132000.00', '9956000.00', '17780000.00']);
    expect(m.sections.find((s) => s.id === 'budgetprognos')!.text).toContain('beslutad verksamhetsplan');
    expect(m.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
  });
});
