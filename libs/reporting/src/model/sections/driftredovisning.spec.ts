import { expected, samspeletContext, tableIn } from '../__fixtures__/samspelet';
import { toAmountString } from '@app/domain';
import { driftredovisning } from './driftredovisning';

describe('driftredovisning and helårsprognos, Samspelet 2025', () => {
  it('årsredovisning: utfall, budget and avvikelse per cost centre, to the krona', () => {
    const ctx = samspeletContext('ar');
    const net = driftredovisning(ctx);
    expect(net?.equals(ctx.cur.arets_resultat)).toBe(true);
    const e = expected.arsredovisning_2025.driftredovisning;
    const drift = tableIn(ctx, 'driftredovisning');
    for (const row of e.rows) {
      const got = drift.rows.find((x) => x.id === row.costCentre)!;
      expect([row.costCentre, ...got.values.slice(0, 3)]).toEqual([
        row.costCentre,
        row.utfall,
        String(row.budget === 0 ? '0.00' : row.budget),
        row.avvikelse,
      ]);
    }
    expect(drift.rows.find((x) => x.id === 'summa_kostnader')!.values[0]).toBe(e.total_utfall_kostnader);
  });

  it('delårsrapport: the helårsprognos per cost centre and in total', () => {
    const ctx = samspeletContext('delar');
    driftredovisning(ctx);
    const e = expected.delarsrapport_2025.helarsprognos;
    const p = tableIn(ctx, 'helarsprognos');
    for (const row of e.rows)
      expect([row.costCentre, ...p.rows.find((x) => x.id === row.costCentre)!.values]).toEqual([
        row.costCentre,
        row.budget,
        row.utfall,
        row.prognos,
        row.avvikelse,
      ]);
    expect(p.rows.find((x) => x.id === 'summa')!.values).toEqual([
      e.total.budget,
      e.total.utfall,
      e.total.prognos,
      e.total.avvikelse,
    ]);
  });
});

describe('driftredovisning: last year column', () => {
  it('adds up to last year’s costs: a cost centre with costs only last year (824 Stegen Karlstad) is a row of its own', () => {
    const ctx = samspeletContext('ar');
    driftredovisning(ctx);
    const drift = tableIn(ctx, 'driftredovisning');
    const last = drift.columns.indexOf('Utfall 2024');
    expect(last).toBeGreaterThan(0);
    const row824 = drift.rows.find((x) => x.id === '824')!;
    expect(row824.values[last]).toBe('3619000.00');
    expect(row824.values[0]).toBe('0.00');
    const total = drift.rows.find((x) => x.id === 'summa_kostnader')!;
    expect(total.values[last]).toBe(toAmountString(ctx.prev!.verksamhetens_kostnader));
  });
});
