import { expected, samspeletContext } from '../__fixtures__/samspelet';
import { balanceSheet } from './balance-sheet';
import { cashFlow } from './cash-flow';
import { incomeStatement } from './income-statement';

const value = (t: { rows: Array<{ id: string; values: Array<string | null> }> }, id: string, col = 0) =>
  t.rows.find((r) => r.id === id)?.values[col];

describe('resultaträkning, balansräkning and kassaflödesanalys, Samspelet årsredovisning 2025', () => {
  const ctx = samspeletContext('ar');
  const e = expected.arsredovisning_2025.keyFigures;
  it('resultaträkning: this year and last', () => {
    const rr = incomeStatement(ctx);
    for (const k of ['verksamhetens_intakter', 'verksamhetens_resultat', 'arets_resultat'])
      expect([k, value(rr, k), value(rr, k, 1)]).toEqual([k, e.current[k], e.previous[k]]);
  });
  it('balansräkning: balances, this year and last', () => {
    const br = balanceSheet(ctx);
    for (const k of [
      'fordringar',
      'kassa_och_bank',
      'summa_tillgangar',
      'eget_kapital',
      'summa_eget_kapital_och_skulder',
    ])
      expect([k, value(br, k), value(br, k, 1)]).toEqual([k, e.current[k], e.previous[k]]);
  });
  it('kassaflödesanalys: this year and last', () => {
    const kf = cashFlow(ctx);
    for (const k of [
      'kassaflode_lopande_verksamhet',
      'arets_kassaflode',
      'likvida_medel_ib',
      'likvida_medel_ub',
    ])
      expect([k, value(kf, k), value(kf, k, 1)]).toEqual([k, e.current[k], e.previous[k]]);
  });
});
