import { close, expected, isRatio, samspeletContext } from '../__fixtures__/samspelet';
import { fiveYearTable } from './five-year';

describe('five-year overview, Samspelet årsredovisning 2025', () => {
  it('has this and last year from the ledger', () => {
    const t = fiveYearTable(samspeletContext('ar'));
    expect(t.columns).toEqual(['2021', '2022', '2023', '2024', '2025']);
    for (const [year, figures] of Object.entries(
      expected.arsredovisning_2025.femArsoversikt as Record<string, Record<string, string>>,
    )) {
      const col = t.columns.indexOf(year);
      for (const [k, v] of Object.entries(figures)) {
        const got = t.rows.find((r) => r.id === k)!.values[col];
        expect([year, k, isRatio(k) ? close(got, v) : got]).toEqual([year, k, isRatio(k) ? true : v]);
      }
    }
  });
});
