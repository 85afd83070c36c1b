import { close, expected, isRatio, samspeletInput } from './__fixtures__/samspelet';
import { computeFigures, keyFigures } from './figures';

describe('figures: the ledger to the key figures, Samspelet 2025', () => {
  const cases = [
    ['årsredovisning, current', 'ar', 'current', expected.arsredovisning_2025.keyFigures.current],
    ['årsredovisning, previous', 'ar', 'previous', expected.arsredovisning_2025.keyFigures.previous],
    ['delårsrapport, current', 'delar', 'current', expected.delarsrapport_2025.keyFigures.current],
  ] as const;
  it.each(cases)('%s', (_name, kind, period, figures) => {
    const input = samspeletInput(kind);
    const ledger = period === 'current' ? input.current : input.previous!;
    const got = keyFigures(computeFigures(ledger, input, period === 'current' ? input.year : input.year - 1));
    for (const [k, v] of Object.entries(figures as Record<string, string>))
      expect([k, isRatio(k) ? close(got[k], v) : got[k]]).toEqual([k, isRatio(k) ? true : v]);
  });
});
