import { costSplitIssues, kommunKeyIssues } from './finance-rules';
import { withFieldName } from '../labels/finance-labels';
import { validateBundle } from '../bundle/bundle.validate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('cost centre split', () => {
  it('accepts 20 % administration and 50 % structural work, exactly', () => {
    expect(
      costSplitIssues(
        [
          { purpose: 'ADMINISTRATION', share: '0.2' },
          { purpose: 'STRUKTUR', share: '0.5' },
        ],
        ['split'],
      ),
    ).toEqual([]);
  });

  it('refuses more than 100 % without float error and a purpose twice', () => {
    // 0.1 + 0.2 + 0.7 is exactly 1 in decimals (in floats it is not): allowed.
    expect(
      costSplitIssues(
        [
          { purpose: 'ADMINISTRATION', share: '0.1' },
          { purpose: 'STRUKTUR', share: '0.2' },
          { purpose: 'INDIVID', share: '0.7' },
        ],
        ['split'],
      ),
    ).toEqual([]);
    const issues = costSplitIssues(
      [
        { purpose: 'ADMINISTRATION', share: '0.6' },
        { purpose: 'ADMINISTRATION', share: '0.4001' },
      ],
      ['split'],
    );
    expect(issues).toEqual([
      { path: '$.split[1].purpose', message: '"ADMINISTRATION" förekommer redan' },
      { path: '$.split', message: 'andelarna blir tillsammans 100,01\u00a0%, högst 100 % får fördelas' },
    ]);
  });
});

describe('kommuner key', () => {
  const parties = new Map([
    ['FK', 'STAT'],
    ['A', 'KOMMUN'],
    ['B', 'KOMMUN'],
  ]);
  it('wants kommuner only and exactly 100 %', () => {
    expect(kommunKeyIssues({ A: '0.6', B: '0.4' }, parties, ['k'])).toEqual([]);
    expect(kommunKeyIssues({ A: '0.6', B: '0.3', FK: '0.1' }, parties, ['k'])).toEqual([
      { path: '$.k.FK', message: 'parten "FK" är ingen kommun' },
    ]);
    expect(kommunKeyIssues({ A: '0.6', B: '0.3' }, parties, ['k'])).toEqual([
      { path: '$.k', message: 'andelarna blir tillsammans 90,00\u00a0%, de ska bli exakt 100 %' },
    ]);
  });
});

describe('bundle with the new optional fields', () => {
  const demo = () =>
    JSON.parse(readFileSync(join(__dirname, '../../../../demo/samspelet/organisation.json'), 'utf8'));
  it('imports the demo bundle unchanged', () => {
    expect(validateBundle(demo()).ok).toBe(true);
  });
  it('checks a split and a key by path', () => {
    const b = demo();
    b.costCentres[0].split = [{ purpose: 'STRUKTUR', share: '1.5' }];
    b.kommunKey = { KARLSTAD: '0.5', KRISTINEHAMN: '0.25', GRUMS: '0.25' };
    const v = validateBundle(b);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.issues.map((i) => i.path)).toEqual(['$.costCentres[0].split[0].share']);
    b.costCentres[0].split = [
      { purpose: 'ADMINISTRATION', share: '0.2' },
      { purpose: 'STRUKTUR', share: '0.5' },
    ];
    expect(validateBundle(b).ok).toBe(true);
  });
});

describe('validation messages name their field in Swedish', () => {
  it('takes the last named segment of the path', () => {
    expect(withFieldName(['split', 1, 'share'], 'ska vara större än 0')).toBe('Andel: ska vara större än 0');
    expect(withFieldName(['lines', '800'], 'okänt kostnadsställe "800"')).toBe(
      'Belopp per kostnadsställe: okänt kostnadsställe "800"',
    );
    expect(withFieldName([], 'okända fält: colour')).toBe('okända fält: colour');
  });
});
