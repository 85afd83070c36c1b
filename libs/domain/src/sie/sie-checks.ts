import Decimal from 'decimal.js';
import { Money, toAmountString } from '../money/money';
import { BalanceKind, SieErrorFn, SieSummary } from './sie-types';
import { isBalanceAccount } from './sie-fields';

/** SIE's reserved dimensions, usable without a #DIM. */
const STANDARD_DIMS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

/**
 * The checks over the whole file, once it is read: every object used is declared, and for this year
 * IB + Σ TRANS = UB (balance accounts) and Σ TRANS = RES (result accounts).
 */
export function checkSieTotals(
  s: SieSummary,
  sums: Map<string, Decimal>,
  objectUses: Map<string, number>,
  error: SieErrorFn,
): void {
  // Every object used is declared.
  for (const [key, line] of objectUses) {
    const [dim, code] = key.split('|');
    if (!s.dimensions.has(dim) && !STANDARD_DIMS.has(dim))
      error(line, `dimension ${dim} används men deklareras inte med #DIM`);
    if (!s.objects.get(dim)?.has(code))
      error(line, `objekt ${dim} "${code}" används men deklareras inte med #OBJEKT`);
  }

  // IB + Σ TRANS = UB (balance accounts) and Σ TRANS = RES (result accounts), for this year.
  const current = (kind: BalanceKind) => {
    const m = new Map<string, { amount: Decimal; line: number }>();
    for (const b of s.balances) {
      if (b.kind !== kind || b.yearOffset !== 0) continue;
      const prev = m.get(b.account);
      m.set(b.account, { amount: (prev?.amount ?? new Money(0)).plus(b.amount), line: prev?.line ?? b.line });
    }
    return m;
  };
  const ib = current('IB');
  const ub = current('UB');
  const res = current('RES');
  const accounts = new Set([...sums.keys(), ...ib.keys(), ...ub.keys(), ...res.keys()]);
  for (const account of [...accounts].sort()) {
    const moved = sums.get(account) ?? new Money(0);
    if (isBalanceAccount(account, s.accounts.get(account)?.type)) {
      const opening = ib.get(account)?.amount ?? new Money(0);
      const closing = ub.get(account)?.amount ?? new Money(0);
      if (!opening.plus(moved).equals(closing)) {
        error(
          ub.get(account)?.line ?? ib.get(account)?.line ?? 1,
          `konto ${account}: IB ${toAmountString(opening)} + transaktioner ${toAmountString(moved)} = ${toAmountString(opening.plus(moved))}, men UB är ${toAmountString(closing)}`,
        );
      }
    } else {
      const result = res.get(account)?.amount ?? new Money(0);
      if (!moved.equals(result)) {
        error(
          res.get(account)?.line ?? 1,
          `konto ${account}: transaktionerna summerar till ${toAmountString(moved)}, men #RES anger ${toAmountString(result)}`,
        );
      }
    }
    if (!s.accounts.has(account))
      s.warnings.push({ line: 1, message: `konto ${account} används men saknar #KONTO` });
  }
}
