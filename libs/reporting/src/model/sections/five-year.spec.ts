import { close, expected, isRatio, samspeletContext, samspeletInput } from '../__fixtures__/samspelet';
import { createBuildContext } from '../build-context';
import { fiveYearTable } from './five-year';

describe('five-year overview, Samspelet årsredovisning 2025', () => {
  it('has this and last year from the ledger', () => {
    const t = fiveYearTable(samspeletContext('ar'));
    expect(t.columns).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(t.title).toBe('Femårsöversikt');
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

  it('shows as many years as the förbund keeps figures for', () => {
    const input = samspeletInput('ar');
    input.history = input.history.filter((h) => h.year >= 2023);
    const t = fiveYearTable(createBuildContext(input));
    expect(t.columns).toEqual(['2023', '2024', '2025']);
    expect(t.title).toBe('Flerårsöversikt (3 år)');
  });

  it('takes the staff number of every year from the data, never a made-up 0', () => {
    const input = samspeletInput('ar');
    input.history = [
      ...input.history.filter((h) => h.year < 2024),
      { year: 2025, figures: { antal_anstallda: 1 } },
    ];
    const staff = fiveYearTable(createBuildContext(input)).rows.find((r) => r.id === 'antal_anstallda')!;
    expect(staff.values).toEqual(['0', '0', '0', null, '1']);
  });
});
