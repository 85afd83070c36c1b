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

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A mätpunkt's utfall as a person reads it. The projektägare types a number or a text; a number is written the
 * Swedish way ("1 234", "2,5"), and a fraction for a mätpunkt measured in percent ("Minst 90 % …": 0.9) as a
 * percentage ("90 %"). Text is shown as typed.
 */
export function formatUtfall(utfall: string, matpunktText = ''): string {
  const v = utfall.trim();
  if (!PLAIN_NUMBER.test(v)) return utfall;
  const d = new Decimal(v);
  if (/%/.test(matpunktText) && d.abs().lessThanOrEqualTo(1) && !d.isInteger()) {
    const pct = d.times(100);
    return formatShare(d, pct.isInteger() ? 0 : 1);
  }
  const places = d.isInteger() ? 0 : Math.min(d.decimalPlaces(), 2);
  const [whole, frac] = decimalString(d.abs(), places).split('.');
  return `${d.isNegative() && !d.isZero() ? '-' : ''}${groupThousands(whole, NBSP)}${frac ? `,${frac}` : ''}`;
}

/**
 * Text with its numbers kept whole for line breaking: a space inside a number ("5 014") or between a number and
 * its unit ("90 %", "833 000 kr") becomes a no-break space, as the formatting above writes them, so a PDF or
 * mail never breaks a figure across lines.
 */
export function keepNumbersWhole(text: string): string {
  return text
    .replace(/(\d) (?=\d{3}(?!\d))/g, `$1${NBSP}`)
    .replace(/(\d) (?=(%|kr\b|tkr\b|mnkr\b|st\b))/g, `$1${NBSP}`);
}
