import { Money, toAmountString } from '../money/money';
import { ExactSum, oreOf } from './exact-sum';

describe('ExactSum', () => {
  it('reads öre from amounts with up to two decimals', () => {
    expect(oreOf('0')).toBe(0);
    expect(oreOf('12')).toBe(1200);
    expect(oreOf('12.5')).toBe(1250);
    expect(oreOf('-12.05')).toBe(-1205);
    expect(oreOf('-0.01')).toBe(-1);
    expect(oreOf('1.234')).toBeNull();
    expect(oreOf('12345678901234')).toBeNull();
  });

  const decimalSum = (xs: string[]) => xs.reduce((s, x) => s.plus(new Money(x)), new Money(0));

  it('sums exactly what decimal.js sums, in öre and after falling back', () => {
    const cases = [
      ['0.1', '0.2', '-0.3'],
      ['100.10', '-50.05', '-50.05'],
      ['1.005', '2.5', '-3.505'],
      ['9999999999999.99', '9999999999999.99', '9999999999999.99', '-0.01'],
      ['12.34', '1.001', '0.2'],
    ];
    for (const xs of cases) {
      const s = new ExactSum();
      xs.forEach((x) => s.add(x));
      const expected = decimalSum(xs);
      expect(s.toDecimal().equals(expected)).toBe(true);
      expect(s.isZero()).toBe(expected.isZero());
    }
  });

  it('agrees with decimal.js over many random two-decimal amounts', () => {
    const s = new ExactSum();
    const xs: string[] = [];
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 48271) % 2147483647;
      const ore = (seed % 20000001) - 10000000;
      const x = `${ore < 0 ? '-' : ''}${Math.floor(Math.abs(ore) / 100)}.${String(Math.abs(ore) % 100).padStart(2, '0')}`;
      xs.push(x);
      s.add(x);
    }
    expect(toAmountString(s.toDecimal())).toBe(toAmountString(decimalSum(xs)));
  });
});
