import { close, expected, isRatio, samspeletInput } from './__fixtures__/samspelet';
import Decimal from 'decimal.js';
import { administrationShare, computeFigures, keyFigures } from './figures';

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

describe('a shared cost centre counts as administration in part (issue 18)', () => {
  it('takes the split’s administration share of another centre, and the rest of an administration centre', () => {
    const share = (category: 'ADMINISTRATION' | 'FORBUND' | 'INSATS', split?: Array<[string, string]>) =>
      administrationShare({
        code: 'x',
        name: 'x',
        category,
        split: split?.map(([purpose, s]) => ({ purpose: purpose as 'ADMINISTRATION', share: s })),
      }).toString();
    expect(share('ADMINISTRATION')).toBe('1');
    expect(share('FORBUND')).toBe('0');
    expect(
      share('FORBUND', [
        ['ADMINISTRATION', '0.2'],
        ['STRUKTUR', '0.5'],
      ]),
    ).toBe('0.2');
    expect(share('ADMINISTRATION', [['STRUKTUR', '0.25']])).toBe('0.75');
  });

  it('moves the administrative cost share by the split part of the centre’s outcome', () => {
    const input = samspeletInput('ar');
    const plain = computeFigures(input.current, input, input.year);
    const shared = input.costCentres.find(
      (c) => c.category !== 'ADMINISTRATION' && input.current.costCentres[c.code],
    )!;
    const split = {
      ...input,
      costCentres: input.costCentres.map((c) =>
        c.code === shared.code ? { ...c, split: [{ purpose: 'ADMINISTRATION' as const, share: '0.2' }] } : c,
      ),
    };
    const withSplit = computeFigures(input.current, split, input.year);
    const part = new Decimal(input.current.costCentres[shared.code]).times('0.2');
    expect(
      withSplit
        .administrativ_kostnadsandel!.minus(plain.administrativ_kostnadsandel!)
        .minus(part.dividedBy(plain.verksamhetens_kostnader))
        .abs()
        .lessThan('1e-12'),
    ).toBe(true);
  });
});
