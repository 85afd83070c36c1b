import { cell, expected, samspeletContext, samspeletInput, tableIn } from '../__fixtures__/samspelet';
import Decimal from 'decimal.js';
import { createBuildContext } from '../build-context';
import { toAmountString } from '@app/domain';
import { driftredovisning } from './driftredovisning';

describe('driftredovisning and helårsprognos, Samspelet 2025', () => {
  it('årsredovisning: utfall, budget and avvikelse per cost centre, to the krona', () => {
    const ctx = samspeletContext('ar');
    const net = driftredovisning(ctx);
    expect(net?.equals(ctx.cur.arets_resultat)).toBe(true);
    const e = expected.arsredovisning_2025.driftredovisning;
    const drift = tableIn(ctx, 'driftredovisning');
    for (const row of e.rows)
      expect([
        row.costCentre,
        cell(drift, row.costCentre, 'Utfall 2025 netto'),
        cell(drift, row.costCentre, 'Budget 2025 netto'),
        cell(drift, row.costCentre, 'Avvikelse netto'),
      ]).toEqual([row.costCentre, row.utfall, row.budget === 0 ? '0.00' : row.budget, row.avvikelse]);
    expect(cell(drift, 'summa_kostnader', 'Utfall 2025 netto')).toBe(e.total_utfall_kostnader);
    expect(cell(drift, 'summa_kostnader', 'Budget 2025 netto')).toBe(e.total_budget_netto);
  });

  it('årsredovisning: intäkt, kostnad and netto for both years, ending in the result and the budgeted result', () => {
    const ctx = samspeletContext('ar');
    driftredovisning(ctx);
    const drift = tableIn(ctx, 'driftredovisning');
    expect(drift.columns).toEqual([
      'Utfall 2025 intäkt',
      'Utfall 2025 kostnad',
      'Utfall 2025 netto',
      'Budget 2025 intäkt',
      'Budget 2025 kostnad',
      'Budget 2025 netto',
      'Avvikelse netto',
      'Utfall 2024 intäkt',
      'Utfall 2024 kostnad',
      'Utfall 2024 netto',
    ]);
    // 835 ESF-projekt LUFSS: 600 000 ESF budgeted on the line as intäkt, 450 000 kostnad, netto −150 000
    expect(['intäkt', 'kostnad', 'netto'].map((p) => cell(drift, '835', `Budget 2025 ${p}`))).toEqual([
      '600000.00',
      '450000.00',
      '-150000.00',
    ]);
    expect(cell(drift, 'intakter', 'Utfall 2025 intäkt')).toBe('10006000.00');
    expect(cell(drift, 'finansiella_intakter', 'Avvikelse netto')).toBe('151000.00');
    // netto = kostnad − intäkt, and the result is intäkter − kostnader
    expect(cell(drift, 'summa', 'Utfall 2025 netto')).toBe('-709000.00');
    expect(cell(drift, 'netto', 'Utfall 2025 netto')).toBe('709000.00');
    expect(cell(drift, 'netto', 'Utfall 2024 netto')).toBe('90000.00');
    // budgeted result: the income budgeted (10 006 000) less the budget frame with tilläggsbudget (10 103 000)
    expect(cell(drift, 'netto', 'Budget 2025 netto')).toBe('-97000.00');
    expect(ctx.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
    expect(ctx.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'driftredovisning_mot_resultatrakning',
        'driftredovisning_netto_mot_resultat',
        'driftredovisning_budget_mot_budgetram',
      ]),
    );
  });

  it('delårsrapport: the helårsprognos per cost centre and in total', () => {
    const ctx = samspeletContext('delar');
    driftredovisning(ctx);
    const e = expected.delarsrapport_2025.helarsprognos;
    const p = tableIn(ctx, 'helarsprognos');
    const cols = ['Budget 2025 kostnad', 'Utfall 2025-06-30', 'Årsprognos', 'Avvikelse'];
    for (const row of e.rows)
      expect([row.costCentre, ...cols.map((c) => cell(p, row.costCentre, c))]).toEqual([
        row.costCentre,
        row.budget,
        row.utfall,
        row.prognos,
        row.avvikelse,
      ]);
    expect(cols.map((c) => cell(p, 'summa', c))).toEqual([
      e.total.budget,
      e.total.utfall,
      e.total.prognos,
      e.total.avvikelse,
    ]);
  });

  it('delårsrapport: the decisions during the year funded by equity and the equity forecast, as seed 000', () => {
    const ctx = samspeletContext('delar');
    driftredovisning(ctx);
    const beslut = tableIn(ctx, 'beslut_under_aret');
    expect(beslut.title).toBe('Beslut under året finansierade med eget kapital (2025-05-27)');
    expect(beslut.rows.map((r) => [r.id, cell(beslut, r.id, 'Budget 2025 kostnad')])).toEqual([
      ['beslut_852', '310000.00'],
      ['beslut_853', '215000.00'],
      ['beslut_854', '215000.00'],
      ['summa', '740000.00'],
    ]);
    const ek = tableIn(ctx, 'eget_kapital_prognos');
    expect(ek.rows.map((r) => [r.id, r.values[0]])).toEqual([
      ['eget_kapital_ib', '2609000.00'],
      ['resultat_utan_beslut', '823000.00'],
      ['beslut_eget_kapital', '-740000.00'],
      ['resultat', '83000.00'],
      ['eget_kapital_ub', '2692000.00'],
      ['buffert', '700000.00'],
    ]);
  });
});

describe('driftredovisning: income the ledger books on a cost centre', () => {
  it('is the centre’s intäkt, its kostnad is what it cost, and netto stays the outcome as booked', () => {
    const input = samspeletInput('ar');
    // ESF money on an income account carrying 835 (600 000 in), the project's costs 476 000: netto −124 000
    input.current.res['3910'] = '-600000.00';
    input.current.res['6990'] = new Decimal(input.current.res['6990']).plus('600000.00').toFixed(2);
    input.current.costCentreAccounts = { '835': { '3910': '-600000.00', '6990': '476000.00' } };
    const ctx = createBuildContext(input);
    const net = driftredovisning(ctx);
    expect(net?.equals(ctx.cur.arets_resultat)).toBe(true);
    const drift = tableIn(ctx, 'driftredovisning');
    expect(['intäkt', 'kostnad', 'netto'].map((p) => cell(drift, '835', `Utfall 2025 ${p}`))).toEqual([
      '600000.00',
      '476000.00',
      '-124000.00',
    ]);
    // the financing row keeps the income on no cost centre; the costs add up to the resultaträkning's
    expect(cell(drift, 'intakter', 'Utfall 2025 intäkt')).toBe('10006000.00');
    expect(cell(drift, 'summa_kostnader', 'Utfall 2025 kostnad')).toBe('10047000.00');
    expect(cell(drift, 'netto', 'Utfall 2025 netto')).toBe('709000.00');
    expect(ctx.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
  });
});

describe('driftredovisning: last year column', () => {
  it('adds up to last year’s costs: a cost centre with costs only last year (824 Stegen Karlstad) is a row of its own', () => {
    const ctx = samspeletContext('ar');
    driftredovisning(ctx);
    const drift = tableIn(ctx, 'driftredovisning');
    expect(cell(drift, '824', 'Utfall 2024 netto')).toBe('3619000.00');
    expect(cell(drift, '824', 'Utfall 2025 netto')).toBe('0.00');
    expect(cell(drift, 'summa_kostnader', 'Utfall 2024 netto')).toBe(
      toAmountString(ctx.prev!.verksamhetens_kostnader),
    );
  });
});
