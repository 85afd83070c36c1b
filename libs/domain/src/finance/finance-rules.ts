import Decimal from 'decimal.js';
import { jsonPath, ValidationIssue } from '../common/issues';
import { formatPercent } from '../money/money';

type Path = ReadonlyArray<string | number>;

/**
 * A shared cost centre's split (issue 18): each purpose at most once, each share above 0, and together no more
 * than 100 % (the rest keeps the centre's own category). Exact decimals, never floats.
 */
export function costSplitIssues(
  split: ReadonlyArray<{ purpose: string; share: string }> | undefined | null,
  base: Path,
): ValidationIssue[] {
  if (!split?.length) return [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  let total = new Decimal(0);
  split.forEach((part, i) => {
    if (seen.has(part.purpose))
      issues.push({ path: jsonPath([...base, i, 'purpose']), message: `"${part.purpose}" förekommer redan` });
    seen.add(part.purpose);
    const share = new Decimal(part.share);
    if (share.lte(0)) issues.push({ path: jsonPath([...base, i, 'share']), message: 'ska vara större än 0' });
    total = total.plus(share);
  });
  if (total.gt(1))
    issues.push({
      path: jsonPath([...base]),
      message: `andelarna blir tillsammans ${formatPercent(total, 2)}, högst 100 % får fördelas`,
    });
  return issues;
}

/**
 * The kommuner's fördelningsnyckel: only kommun parties, every share above 0, together exactly 100 %.
 * `parties` is the förbund's parties (key → kind).
 */
export function kommunKeyIssues(
  key: Readonly<Record<string, string>> | undefined | null,
  parties: ReadonlyMap<string, string>,
  base: Path,
): ValidationIssue[] {
  if (!key) return [];
  const issues: ValidationIssue[] = [];
  let total = new Decimal(0);
  for (const [party, share] of Object.entries(key)) {
    const kind = parties.get(party);
    if (!kind) issues.push({ path: jsonPath([...base, party]), message: `okänd part "${party}"` });
    else if (kind !== 'KOMMUN')
      issues.push({ path: jsonPath([...base, party]), message: `parten "${party}" är ingen kommun` });
    const d = new Decimal(share);
    if (d.lte(0)) issues.push({ path: jsonPath([...base, party]), message: 'ska vara större än 0' });
    total = total.plus(d);
  }
  if (Object.keys(key).length && !total.eq(1))
    issues.push({
      path: jsonPath([...base]),
      message: `andelarna blir tillsammans ${formatPercent(total, 2)}, de ska bli exakt 100 %`,
    });
  return issues;
}
