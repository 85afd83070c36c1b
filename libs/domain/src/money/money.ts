import Decimal from 'decimal.js';

/** One Decimal constructor for every amount: 40 significant digits, half-up rounding. */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Money = Decimal;

export type ReportingUnit = 'tkr' | 'kr';

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/** True when the string is a plain decimal number ("1234", "-12.50"); no exponent, no spaces. */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_RE.test(value);
}

/** Parses a decimal string (or an integer) into an exact amount. Throws on anything else. */
export function money(value: string | number | Decimal): Decimal {
  if (value instanceof Decimal) return new Money(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`amount ${value} is not an integer; pass a decimal string`);
    return new Money(value);
  }
  if (!isDecimalString(value)) throw new Error(`"${value}" is not a decimal amount`);
  return new Money(value);
}

export const ZERO = new Money(0);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = new Money(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * A decimal as text with exactly `places` decimals, rounded half up ("1234.50"); no exponent, no "-0".
 * The one place decimals become strings, so no binary floating point ever touches an amount.
 */
export function decimalString(value: Decimal, places: number): string {
  const d = new Money(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const [int, frac = ''] = d.abs().toString().split('.');
  const sign = d.isNegative() && !d.isZero() ? '-' : '';
  return places > 0 ? `${sign}${int}.${frac.padEnd(places, '0')}` : `${sign}${int}`;
}

/** Exact kronor as a decimal string with two decimals ("1234.50"), the wire format of amounts. */
export function toAmountString(value: Decimal): string {
  return decimalString(value, 2);
}

/** Rounds exact kronor to the reporting unit, half up (away from zero for negatives, as in Swedish practice). */
export function toUnit(value: Decimal, unit: ReportingUnit): Decimal {
  const scaled = unit === 'tkr' ? value.dividedBy(1000) : value;
  return scaled.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

const NBSP = '\u00a0';

/** "2520000" → "2 520 000" with the given separator (digits only; no sign or decimals). */
export function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Swedish presentation: thousands separated by a (no-break) space, a minus sign for negatives. */
export function formatAmount(value: Decimal, unit: ReportingUnit, opts: { separator?: string } = {}): string {
  const rounded = toUnit(value, unit);
  const sep = opts.separator ?? NBSP;
  const abs = groupThousands(decimalString(rounded.abs(), 0), sep);
  return rounded.isNegative() && !rounded.isZero() ? `-${abs}` : abs;
}

/** A ratio (0.467192) as a Swedish percentage with one decimal: "46,7 %". */
export function formatPercent(ratio: Decimal, decimals = 1): string {
  const pct = ratio.times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const text = decimalString(pct.abs(), decimals).replace('.', ',');
  return `${pct.isNegative() && !pct.isZero() ? '-' : ''}${text}${NBSP}%`;
}

/** A signed amount with an explicit plus for positives, as in deviation columns ("+180"). */
export function formatSigned(value: Decimal, unit: ReportingUnit): string {
  const text = formatAmount(value, unit);
  return toUnit(value, unit).greaterThan(0) ? `+${text}` : text;
}
