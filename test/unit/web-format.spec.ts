import {
  formatAmount,
  formatShare,
  formatTarget,
  parseAmount,
  percentToShare,
  shareToPercent,
} from '../../apps/web/src/format';

/** The web app's Swedish number formats work on the decimal strings themselves, never through floats. */
describe('web formats', () => {
  const nb = (s: string) => s.replace(/\u00a0/g, ' ');

  it('groups amounts by thousands with a comma for decimals', () => {
    expect(nb(formatAmount('2520000'))).toBe('2 520 000');
    expect(nb(formatAmount('2520000.50'))).toBe('2 520 000,50');
    expect(nb(formatAmount('-84000.00'))).toBe('−84 000');
    expect(formatAmount(null)).toBe('–');
  });

  it('turns typed amounts into exact decimal strings, and refuses what is not one', () => {
    expect(parseAmount('2 520 000,50')).toBe('2520000.50');
    expect(parseAmount('2\u00a0245\u00a0000')).toBe('2245000');
    expect(parseAmount('12,345')).toBeNull();
    expect(parseAmount('tvåhundra')).toBeNull();
  });

  it('moves the decimal point exactly between shares and percent', () => {
    expect(shareToPercent('0.875')).toBe('87.5');
    expect(shareToPercent('1')).toBe('100');
    expect(shareToPercent('0.1')).toBe('10');
    expect(percentToShare('87,5 %')).toBe('0.875');
    expect(percentToShare('39')).toBe('0.39');
    expect(percentToShare('100')).toBe('1');
    expect(percentToShare('7')).toBe('0.07');
    expect(percentToShare('abc')).toBeNull();
    // 0.1 + 0.2 style float errors cannot happen: round trip of many values is exact.
    for (let i = 0; i <= 1000; i++) {
      const share = percentToShare(String(i / 10).replace('.', ','))!;
      expect(shareToPercent(share)).toBe(String(i / 10));
    }
  });

  it('shows shares as percent with one decimal, rounded half up', () => {
    expect(nb(formatShare('0.926829268'))).toBe('92,7 %');
    expect(nb(formatShare('0.87'))).toBe('87 %');
    expect(nb(formatShare('0.9995'))).toBe('100 %');
  });

  it('shows a mätpunkt target as percent when it is a share, else as a count', () => {
    expect(nb(formatTarget('0.900000'))).toBe('90 %');
    expect(formatTarget('80.000000')).toBe('80');
    expect(formatTarget('2.500000')).toBe('2,5');
  });
});
