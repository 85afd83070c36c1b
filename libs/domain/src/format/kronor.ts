import Decimal from 'decimal.js';
import { decimalString, groupThousands } from '../money/money';

const NBSP = '\u00a0';

/**
 * An exact amount as a person reads it in a sentence, with its unit: "9 447 000 kr", "8 929 999,99 kr",
 * "-150 000 kr". Öre are shown only when there are any, so a check that compares to the öre says so.
 */
export function formatKronor(value: Decimal.Value): string {
  const d = new Decimal(value);
  const places = d.isInteger() ? 0 : 2;
  const [whole, frac] = decimalString(d.abs(), places).split('.');
  const text = `${groupThousands(whole, NBSP)}${frac ? `,${frac}` : ''}`;
  return `${d.isNegative() && !d.isZero() ? '-' : ''}${text}${NBSP}kr`;
}

/** A ratio as a percentage with one decimal in a sentence: 0.467192 → "46,7 %". */
export function formatShare(ratio: Decimal.Value, decimals = 1): string {
  const pct = new Decimal(ratio).times(100).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const text = decimalString(pct.abs(), decimals).replace('.', ',');
  return `${pct.isNegative() && !pct.isZero() ? '-' : ''}${text}${NBSP}%`;
}
