/** Swedish formats and labels. Amounts arrive as decimal strings and are formatted as text, never as floats. */

// The domain's one Decimal constructor and helpers: the same exact arithmetic and Swedish formats as the reports.
import {
  decimalString,
  formatPercent,
  groupThousands,
  isDecimalString,
  Money,
  sum,
  toAmountString,
} from '../../../libs/domain/src/money/money';

const NBSP = '\u00a0';

/** "2520000.5" → "2 520 000,50" (two decimals when it has any, grouping by no-break space). */
export function formatAmount(value: string | null | undefined, opts: { decimals?: 0 | 2 } = {}): string {
  if (value === null || value === undefined || value === '') return '–';
  if (!isDecimalString(value.trim())) return value;
  const d = new Money(value.trim());
  const decimals = opts.decimals ?? (d.isInteger() ? 0 : 2);
  const [int, frac] = decimalString(d.abs(), decimals).split('.');
  const sign = d.isNegative() && !d.isZero() ? '−' : '';
  return `${sign}${groupThousands(int, NBSP)}${frac ? `,${frac}` : ''}`;
}

/** "0.875" → "87,5 %" (one decimal at most, rounded half up). */
export function formatShare(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (!isDecimalString(value.trim())) return value;
  return formatPercent(new Money(value.trim()), 1).replace(/,0(?=\u00a0%)/, '');
}

/** "3 of 4" as a Swedish percentage, computed exactly from the counts ("75 %"). */
export function formatPartOf(part: number, whole: number): string {
  return whole > 0 ? formatShare(new Money(part).dividedBy(whole).toString()) : '–';
}

/** A mätpunkt's target: shares (between 0 and 1) as percent, counts without trailing zeros. */
export function formatTarget(value: string): string {
  if (!isDecimalString(value)) return value;
  const d = new Money(value);
  if (d.greaterThan(0) && d.lessThan(1)) return formatShare(value);
  const [int, frac] = d.toString().split('.');
  return `${groupThousands(int, NBSP)}${frac ? `,${frac}` : ''}`;
}

/** Moves the decimal point two steps to the right, exactly: "0.875" → "87.5". */
export function shareToPercent(value: string): string | null {
  return isDecimalString(value.trim()) ? new Money(value.trim()).times(100).toString() : null;
}

/** The reverse, from what a person typed ("87,5" or "87,5 %") to a share ("0.875"); null when it is not a number. */
export function percentToShare(typed: string): string | null {
  const t = typed.replace(/[\s%\u00a0]/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? new Money(t).dividedBy(100).toString() : null;
}

/** The sum of decimal strings, exactly, as an amount string ("1234.50"). */
export function sumAmounts(values: Iterable<string>): string {
  return toAmountString(sum([...values].filter(isDecimalString).map((v) => new Money(v))));
}

/** What a person typed as an amount ("2 520 000,50") as a decimal string ("2520000.50"), or null. */
export function parseAmount(typed: string): string | null {
  const t = typed
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace('−', '-')
    .replace(',', '.');
  return /^-?\d+(\.\d{1,2})?$/.test(t) ? t : null;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return d.toLocaleDateString('sv-SE', { year: 'numeric', month: 'long', day: 'numeric' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  return new Date(iso).toLocaleString('sv-SE', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatTime(d: Date): string {
  return d.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} kB`;
  return `${String(Math.round((n * 10) / 1024 / 1024) / 10).replace('.', ',')} MB`;
}

export {
  STATUS_LABEL,
  STATUS_PLURAL,
  ROLE_LABEL,
  ROLE_PHRASE,
  CHOICE_LABEL,
  REPORT_KIND_LABEL,
  REPORT_STATUS_LABEL,
  SIGNER_STATE_LABEL,
  TITLE_LABEL,
  SIGN_METHOD_LABEL,
  SIGNING_STATUS_LABEL,
  periodLabel,
  actionLabel,
  GENDER_LABEL,
  MANDATE_ROLE_LABEL,
} from '../../../libs/domain/src/labels/labels';
export {
  BUDGET_KIND_LABEL,
  COMPARISON_OP_LABEL,
  COST_CENTRE_CATEGORY_LABEL,
  COST_SPLIT_PURPOSE_LABEL,
  FUNDED_BY_LABEL,
  METRIC_LABEL,
  PARTY_KIND_LABEL,
} from '../../../libs/domain/src/labels/finance-labels';
export { FOLLOW_UP_COVERAGE_LABEL, exemptedText } from '../../../libs/domain/src/labels/follow-up-labels';
export {
  COMPARISON_LABEL,
  INSATS_ACTION_LABEL,
  INSATS_FIELD_LABEL,
  INSATS_TYPE_LABEL,
} from '../../../libs/domain/src/labels/insats-labels';
// Which periods an insats owes, and lateness judged in Swedish time (never the browser's own zone).
export { isLate, owesPeriod, swedishDate } from '../../../libs/domain/src/workflow/periods';

/** Message of a GraphQL error for a person: the API's own Swedish text, or a general one. */
export function errorMessage(e: unknown): string {
  const err = e as { graphQLErrors?: Array<{ message: string }>; networkError?: unknown; message?: string };
  if (err?.graphQLErrors?.length) return err.graphQLErrors.map((g) => g.message).join(' ');
  if (err?.networkError) return 'Servern svarar inte just nu. Kontrollera anslutningen och försök igen.';
  return err?.message ?? 'Något gick fel.';
}

export function errorCode(e: unknown): string | undefined {
  const err = e as { graphQLErrors?: Array<{ extensions?: { code?: string; reason?: string } }> };
  return err?.graphQLErrors?.[0]?.extensions?.code as string | undefined;
}

export interface ErrorDetail {
  path: string;
  message: string;
  line?: number;
}

export function errorDetails(e: unknown): ErrorDetail[] {
  const err = e as { graphQLErrors?: Array<{ extensions?: { details?: ErrorDetail[] } }> };
  return err?.graphQLErrors?.flatMap((g) => g.extensions?.details ?? []) ?? [];
}

/** The years to choose among: next year, this year and six back. */
export function yearsAround(thisYear: number): number[] {
  return Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
}
