import Decimal from 'decimal.js';
import { formatAmount } from '@app/domain';
import { contrastRatio, niceScale } from './chart-scale';
import { COLOR } from './pdf-style';

const kr = (...v: string[]) => v.map((x) => new Decimal(x));

describe('chart axis', () => {
  it('puts the ticks on round thousands of kronor when the report is in tkr (not 11 211 / 8 169 / 5 126)', () => {
    const s = niceScale(kr('11211000', '8169000', '5126000', '2084000'), '0.001');
    const shown = s.ticks.map((t) => formatAmount(t, 'tkr'));
    expect(shown).toEqual([
      '0',
      '2\u00a0000',
      '4\u00a0000',
      '6\u00a0000',
      '8\u00a0000',
      '10\u00a0000',
      '12\u00a0000',
    ]);
    expect(s.min.toString()).toBe('0');
    expect(s.max.toString()).toBe('12000000');
  });

  it('includes zero and covers negative values with the same round step', () => {
    const s = niceScale(kr('-1300000', '2600000'), '0.001');
    expect(s.ticks.map((t) => t.dividedBy(1000).toNumber())).toEqual([-2000, -1000, 0, 1000, 2000, 3000]);
  });

  it('rounds shares in percent', () => {
    const s = niceScale(kr('0.37', '0.82', '0.55'), 100);
    expect(s.ticks.map((t) => t.times(100).toNumber())).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('never needs more than six intervals and always covers every value', () => {
    for (const max of ['1', '7', '99', '101', '12345', '999999', '1000001', '73456789']) {
      const s = niceScale(kr(max), 1);
      expect(s.ticks.length).toBeLessThanOrEqual(7);
      expect(s.max.greaterThanOrEqualTo(max)).toBe(true);
      expect(s.ticks[0].isZero()).toBe(true);
    }
  });

  it('draws an axis for a chart of zeros', () => {
    const s = niceScale(kr('0', '0'), 1);
    expect(s.ticks.length).toBeGreaterThan(1);
  });
});

describe('chart colours', () => {
  it('every bar colour has at least 3:1 contrast against the white page (WCAG 1.4.11)', () => {
    for (const c of COLOR.bars) expect(contrastRatio(c, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#8fb3d9', '#ffffff')).toBeLessThan(3);
  });
});
