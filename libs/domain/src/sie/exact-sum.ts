import Decimal from 'decimal.js';
import { Money } from '../money/money';

/**
 * Oren of a decimal amount string ("-12.5" → -1250) when it has at most two decimals and few enough digits to
 * stay an exact JS integer; null otherwise (the caller then sums in decimal.js). The string is already checked
 * against the SIE amount pattern (`-?\d+(\.\d+)?`).
 */
export function oreOf(amount: string): number | null {
  const negative = amount.charCodeAt(0) === 45; // '-'
  const body = negative ? amount.slice(1) : amount;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  if (frac.length > 2 || whole.length > 13) return null;
  const ore = Number(whole) * 100 + (frac.length === 0 ? 0 : Number(frac.length === 1 ? `${frac}0` : frac));
  return negative ? -ore : ore;
}

/**
 * An exact running sum of decimal amount strings, as the SIE checks need one per voucher and per account: in
 * whole öre as a safe JS integer while every amount has at most two decimals (every real SIE file), and in
 * decimal.js from the first amount that does not (more decimals, or a sum beyond 2^53 öre) on. Either way
 * exact: the integer path only ever adds integers below Number.MAX_SAFE_INTEGER. Saves a Decimal per row of a
 * million-row import.
 */
export class ExactSum {
  private ore = 0;
  private dec: Decimal | null = null;

  add(amount: string): void {
    if (this.dec === null) {
      const o = oreOf(amount);
      if (o !== null && Number.isSafeInteger(this.ore + o)) {
        this.ore += o;
        return;
      }
      this.dec = new Money(this.ore).dividedBy(100);
    }
    this.dec = this.dec.plus(new Money(amount));
  }

  isZero(): boolean {
    return this.dec === null ? this.ore === 0 : this.dec.isZero();
  }

  toDecimal(): Decimal {
    return this.dec ?? new Money(this.ore).dividedBy(100);
  }
}
