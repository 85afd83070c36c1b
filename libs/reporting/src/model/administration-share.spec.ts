import Decimal from 'decimal.js';
import { administrationShare, administrativeCosts } from './administration-share';
import { computeFigures } from './figures';
import { createBuildContext } from './build-context';
import { lineForecasts, yearForecast } from './sections/helarsprognos';
import { financialGoals } from './sections/goals';
import { samspeletInput } from './__fixtures__/samspelet';
import { ReportInput } from './report-input';

/** 801 shared as Norrsken shares it (issue 18): 20 % administration, 50 % structural work, the rest its own. */
const SHARED = [
  { purpose: 'ADMINISTRATION' as const, share: '0.2' },
  { purpose: 'STRUKTUR' as const, share: '0.5' },
];
const withShared = (input: ReportInput): ReportInput => ({
  ...input,
  costCentres: input.costCentres.map((c) => (c.code === '801' ? { ...c, split: SHARED } : c)),
});

describe('the administrative costs by one rule (shared cost centres counted by their split)', () => {
  const centres: ReportInput['costCentres'] = [
    { code: '800', name: 'Kansli', category: 'ADMINISTRATION' },
    { code: '801', name: 'Förbundschef', category: 'FORBUND', split: SHARED },
    {
      code: '802',
      name: 'Styrelse',
      category: 'ADMINISTRATION',
      split: [{ purpose: 'STRUKTUR', share: '0.25' }],
    },
    { code: '822', name: 'Stegen', category: 'INSATS' },
  ];

  it('counts an administration centre whole, a shared centre by its administration part, others not', () => {
    expect(centres.map((c) => administrationShare(c).toString())).toEqual(['1', '0.2', '0.75', '0']);
    const costs = administrativeCosts(centres, [
      ['800', '1000.00'],
      ['801', new Decimal('500.50')],
      ['802', '400'],
      ['822', '9999'],
      ['999', '123'], // not a registered cost centre: nothing
    ]);
    // 1000 + 0.2 × 500.50 + 0.75 × 400
    expect(costs.toString()).toBe('1400.1');
  });

  it('the delårsrapport’s forecast counts the shared centre’s split as the årsredovisning does', () => {
    const plain = createBuildContext(samspeletInput('delar'));
    const shared = createBuildContext(withShared(samspeletInput('delar')));
    const before = yearForecast(plain);
    const after = yearForecast(shared);
    const line801 = lineForecasts(shared).find((r) => r.code === '801')!;
    const net801 = line801.prognos.minus(line801.line?.income ?? '0');
    expect(net801.isZero()).toBe(false);
    expect(after.administrativa_kostnader.minus(before.administrativa_kostnader).toString()).toBe(
      net801.times('0.2').toString(),
    );
    // the goal on the administrative share reads the same figure
    const key = shared.input.financialGoals.find((g) => g.metric === 'administrativ_kostnadsandel')!.key;
    const goal = financialGoals(shared).find((g) => g.key === key)!;
    const expectedShare = after.administrativa_kostnader.dividedBy(after.verksamhetens_kostnader);
    expect(new Decimal(goal.value).minus(expectedShare).abs().lessThan('1e-9')).toBe(true);
  });

  it('the årsredovisning’s outcome and the delår’s forecast apply the same function', () => {
    const input = withShared(samspeletInput('ar'));
    const f = computeFigures(input.current, input, input.year);
    const admin = administrativeCosts(input.costCentres, Object.entries(input.current.costCentres));
    expect(f.administrativ_kostnadsandel!.toString()).toBe(
      admin.dividedBy(f.verksamhetens_kostnader).toString(),
    );
  });
});
