import Decimal from 'decimal.js';
import { Money } from '@app/domain';
import { ReportInput } from './report-input';

type CostCentre = ReportInput['costCentres'][number];

/** The part of a cost centre's costs that is administration, after its split (0–1). */
export function administrationShare(c: CostCentre): Decimal {
  const parts = c.split ?? [];
  const sum = (keep: (purpose: string) => boolean) =>
    parts.filter((p) => keep(p.purpose)).reduce((a, p) => a.plus(p.share), new Decimal(0));
  return c.category === 'ADMINISTRATION'
    ? new Decimal(1).minus(sum((p) => p !== 'ADMINISTRATION'))
    : sum((p) => p === 'ADMINISTRATION');
}

/**
 * The administrative costs among amounts per cost centre, by one rule for both reports (the årsredovisning's
 * outcome and the delårsrapport's forecast for the year): each centre counts its administration share (issue 18:
 * a shared centre such as the förbundschef's counts 20 % as administration; an administration centre whose costs
 * are partly something else counts only the rest). A code that is not a registered cost centre counts nothing.
 */
export function administrativeCosts(
  costCentres: ReadonlyArray<CostCentre>,
  amounts: Iterable<readonly [string, Decimal.Value]>,
): Decimal {
  const share = new Map(costCentres.map((c) => [c.code, administrationShare(c)]));
  let total: Decimal = new Money('0');
  for (const [code, v] of amounts) {
    const s = share.get(code);
    if (s && !s.isZero()) total = total.plus(new Money(v).times(s));
  }
  return total;
}
