import {
  decimalString,
  toAmountString,
  formatAmount,
  formatPercent,
  formatSigned,
  money,
  sum,
  toUnit,
} from './money';

describe('money', () => {
  it('adds exactly where binary floating point does not', () => {
    expect(sum([money('0.1'), money('0.2')]).toString()).toBe('0.3');
    expect(toAmountString(sum([money('8929999.99'), money('517000.01')]))).toBe('9447000.00');
  });

  it('rounds half up to tkr and prints Swedish thousands separators', () => {
    expect(toUnit(money('1186500'), 'tkr').toString()).toBe('1187');
    expect(toUnit(money('1186499.99'), 'tkr').toString()).toBe('1186');
    expect(formatAmount(money('10006000'), 'tkr', { separator: ' ' })).toBe('10 006');
    expect(formatAmount(money('-2306000'), 'tkr', { separator: ' ' })).toBe('-2 306');
    expect(formatAmount(money('1234567.50'), 'kr', { separator: ' ' })).toBe('1 234 568');
    expect(formatAmount(money('-400'), 'tkr')).toBe('0');
  });

  it('prints ratios as percent with one decimal and a comma', () => {
    expect(formatPercent(money('0.467192')).replace('\u00a0', ' ')).toBe('46,7 %');
    expect(formatPercent(money('0.136657')).replace('\u00a0', ' ')).toBe('13,7 %');
  });

  it('puts a plus on positive deviations', () => {
    expect(formatSigned(money('180000'), 'tkr')).toBe('+180');
    expect(formatSigned(money('-26000'), 'tkr')).toBe('-26');
    expect(formatSigned(money('0'), 'tkr')).toBe('0');
  });

  it('writes decimals as text without exponents or a negative zero', () => {
    expect(decimalString(money('0.0000001'), 2)).toBe('0.00');
    expect(decimalString(money('0.00000000001').times(3), 12)).toBe('0.000000000030');
    expect(decimalString(money('-0.004'), 2)).toBe('0.00');
    expect(decimalString(money('-12.345'), 2)).toBe('-12.35');
    expect(decimalString(money('123456789012345678901234567890'), 0)).toBe('123456789012345678901234567890');
    expect(decimalString(money('5'), 2)).toBe('5.00');
  });

  it('refuses non-integer numbers and malformed strings', () => {
    expect(() => money(0.1)).toThrow(/decimal string/);
    expect(() => money('1e5')).toThrow(/not a decimal/);
    expect(() => money('12,50')).toThrow(/not a decimal/);
  });
});
