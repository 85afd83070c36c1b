import Decimal from 'decimal.js';
import { cell, samspeletInput } from '../__fixtures__/samspelet';
import { buildReport } from '../build-report';
import { createBuildContext } from '../build-context';
import { ReportInput } from '../report-input';
import { ReportModel, ReportTable } from '../report-model';
import { driftredovisning } from './driftredovisning';
import { financialGoals } from './goals';

const table = (m: ReportModel, id: string): ReportTable =>
  m.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
const rowOf = (t: ReportTable, id: string) => t.rows.find((r) => r.id === id)!;

describe('report rules that are the förbund’s data, not one seed’s', () => {
  it('financing rows are named by the förbund; old fixed keys read as Swedish labels, in the seed’s order', () => {
    const old = buildReport(samspeletInput('ar'));
    const fin = (m: ReportModel) =>
      table(m, 'budgetprognos')
        .rows.filter((r) => r.id.startsWith('finansiering_'))
        .map((r) => [r.label, r.values[0]]);
    expect(fin(old)).toEqual([
      ['Medlemmarnas tilldelning', '9974000.00'],
      ['Eget kapital', '2070000.00'],
      ['ESF', '400000.00'],
    ]);
    const input = samspeletInput('ar');
    const next = input.budgets.find((b) => b.year === 2026)!;
    next.financing = [
      { label: 'Försäkringskassan', amount: '4987000', source: 'PARTIES' },
      { label: 'Region Värmland', amount: '2493500', source: 'PARTIES' },
      { label: 'Kommunerna', amount: '2493500', source: 'PARTIES' },
      { label: 'NNS-uppdrag', amount: '150000', source: 'NNS' },
      { label: 'Eget kapital', amount: '1920000', source: 'EQUITY' },
    ];
    const own = buildReport(input);
    expect(fin(own)).toEqual([
      ['Försäkringskassan', '4987000.00'],
      ['Region Värmland', '2493500.00'],
      ['Kommunerna', '2493500.00'],
      ['NNS-uppdrag', '150000.00'],
      ['Eget kapital', '1920000.00'],
    ]);
    expect(own.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
  });

  it('the deviation’s sign and the driftredovisning’s columns follow the förbund’s choice', () => {
    const input: ReportInput = samspeletInput('ar');
    input.organisation.settings = {
      deviationSign: 'UTFALL_MINUS_BUDGET',
      driftColumns: ['BUDGET', 'UTFALL', 'AVVIKELSE'],
    };
    const ctx = createBuildContext(input);
    driftredovisning(ctx);
    const t = ctx.tables.find((x) => x.id === 'driftredovisning')!;
    expect(t.columns).toEqual([
      'Budget 2025 intäkt',
      'Budget 2025 kostnad',
      'Budget 2025 netto',
      'Utfall 2025 intäkt',
      'Utfall 2025 kostnad',
      'Utfall 2025 netto',
      'Avvikelse netto',
    ]);
    expect(t.signedColumns).toEqual([6]);
    // 800: budget 1 200 000, utfall 1 060 000 → utfall − budget = −140 000
    expect(rowOf(t, '800').values).toEqual([
      null,
      '1200000.00',
      '1200000.00',
      null,
      '1060000.00',
      '1060000.00',
      '-140000.00',
    ]);
    expect(ctx.sections.find((s) => s.id === 'driftredovisning')!.text).toContain('utfall − budget');
    expect(buildReport(input).checks.filter((c) => c.status === 'FAIL')).toEqual([]);

    const delar = samspeletInput('delar');
    delar.organisation.settings = { deviationSign: 'UTFALL_MINUS_BUDGET' };
    // 800: budget 1 200 000, prognos 1 070 000 → −130 000
    expect(cell(table(buildReport(delar), 'helarsprognos'), '800', 'Avvikelse')).toBe('-130000.00');
  });

  it('the delårsrapport judges financial goals on the forecast for the year, never on half a year', () => {
    const goals = financialGoals(createBuildContext(samspeletInput('delar')));
    const budget = goals.find((g) => g.key === 'budget_halls')!;
    expect(budget.basis).toBe('PROGNOS');
    // forecast costs: the lines' forecasts less income booked on them (9 783 000 − 600 000) plus the year's
    // decisions funded by equity (740 000) = 9 923 000 against the budget frame 10 103 000
    const ratio = new Decimal('9923000.00').dividedBy('10103000.00');
    expect(new Decimal(budget.value).minus(ratio).abs().lessThan('1e-6')).toBe(true);
    expect(new Decimal(budget.value).greaterThan('0.9')).toBe(true);
    expect(budget.status).toBe('UPPFYLLT');
    // equity forecast: 2 609 000 at the start + a result of 10 006 000 − 9 923 000 = 2 692 000
    expect(goals.find((g) => g.key === 'buffert_700_tkr')!.value).toBe('2692000.00');
    expect(goals.find((g) => g.key === 'ek_max_20_procent')!.status).toBe('EJ_UPPFYLLT');
    const ar = financialGoals(createBuildContext(samspeletInput('ar')));
    expect(ar.every((g) => g.basis === 'UTFALL')).toBe(true);
  });

  it('the forecast counts other budgeted income only where it is not booked against a line', () => {
    // ESF booked as the förbund's income (not on line 835): the forecast result gains the 600 000
    const input = samspeletInput('delar');
    for (const b of input.budgets) b.lineIncome = null;
    input.forecasts[0].lines['835'] = '-150000.00';
    const goals = financialGoals(createBuildContext(input));
    // costs 9 783 000 − 600 000 (835 now forecast net) + 740 000 = 9 923 000; income 10 006 000 + 600 000
    expect(goals.find((g) => g.key === 'buffert_700_tkr')!.value).toBe('3292000.00');
  });

  it('the projektägare’s prognos for the year fills a line the förbund did not forecast and is reconciled with it', () => {
    const input = samspeletInput('delar');
    const m = buildReport(input);
    expect(m.checks.filter((c) => c.id.startsWith('prognos_helar_')).map((c) => c.status)).toEqual([
      'PASS',
      'PASS',
      'PASS',
      'PASS',
    ]);
    const forecast = input.forecasts[0];
    delete forecast.lines['822'];
    const stegen = input.followUps.find((f) => f.insatsKey === 'stegen' && f.period === 'DELAR-2025')!;
    (stegen.answers as Record<string, Record<string, string>>).ekonomi.prognos_helar = '2400000.00';
    const own = buildReport(input);
    expect(cell(table(own, 'helarsprognos'), '822', 'Årsprognos')).toBe('2400000.00');
    expect(table(own, 'helarsprognos').notes?.join(' ')).toContain('projektägarens prognos');
    forecast.lines['822'] = '2520000.00';
    const differing = buildReport(input).checks.find((c) => c.id === 'prognos_helar_822')!;
    expect(differing.status).toBe('FAIL');
    expect(differing.message).toContain('2\u00a0400\u00a0000\u00a0kr');
    expect(differing.message).toContain('822 Stegen Kristinehamn');
  });
});

describe('readable checks', () => {
  it('say each figure in Swedish format with its unit and name rows in words', () => {
    for (const kind of ['ar', 'delar'] as const) {
      const checks = buildReport(samspeletInput(kind)).checks;
      for (const c of checks) {
        // no bare machine amounts such as 9447000.00 and no field keys such as verksamhetens_intakter
        expect([c.id, /\d{4,}\.\d{2}/.test(c.message)]).toEqual([c.id, false]);
        expect([c.id, /[a-z]+_[a-z]+/.test(c.message)]).toEqual([c.id, false]);
      }
    }
    const balance = buildReport(samspeletInput('ar')).checks.find(
      (c) => c.id === 'balansrakning_balanserar',
    )!;
    expect(balance.message).toBe(
      'Balansräkningen balanserar: tillgångarna (7\u00a0102\u00a0000\u00a0kr) är lika stora som eget kapital och skulder (7\u00a0102\u00a0000\u00a0kr).',
    );
  });

  it('a failing history check names the figure in words, with both amounts in kronor', () => {
    const input = samspeletInput('ar');
    input.history.push({ year: 2024, figures: { verksamhetens_intakter: '9999000' } });
    input.history = input.history.filter((h) => !(h.year === 2024 && 'antal_anstallda' in h.figures));
    const c = buildReport(input).checks.find((x) => x.id === 'historik_2024')!;
    expect(c.status).toBe('FAIL');
    expect(c.message).toContain(
      'Verksamhetens intäkter: femårsöversiktens uppgift 9\u00a0999\u00a0000\u00a0kr, huvudboken 10\u00a0028\u00a0000\u00a0kr',
    );
  });
});
