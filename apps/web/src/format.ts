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

export const STATUS_LABEL: Record<string, string> = {
  DRAFT: 'Utkast',
  SUBMITTED: 'Inskickad',
  STYRGRUPP_APPROVED: 'Godkänd av styrgruppen',
  APPROVED: 'Godkänd',
  RETURNED: 'Återsänd',
  WITHDRAWN: 'Tillbakadragen',
};

/** "7 godkända", "1 inskickad": status in the plural for counts. */
export const STATUS_PLURAL: Record<string, string> = {
  DRAFT: 'utkast',
  SUBMITTED: 'inskickade',
  STYRGRUPP_APPROVED: 'godkända av styrgruppen',
  APPROVED: 'godkända',
  RETURNED: 'återsända',
  WITHDRAWN: 'tillbakadragna',
};

export const ROLE_LABEL: Record<string, string> = {
  ADMIN: 'Kansli',
  FORBUNDSCHEF: 'Förbundschef',
  PROJEKTAGARE: 'Projektägare',
  STYRGRUPP: 'Styrgrupp',
  STYRELSELEDAMOT: 'Styrelseledamot',
  STYRELSEERSATTARE: 'Styrelseersättare',
  REVISOR: 'Revisor',
  BEREDNINGSGRUPP: 'Beredningsgrupp',
};

export const CHOICE_LABEL: Record<string, string> = {
  UPPFYLLT: 'Uppfyllt',
  DELVIS_UPPFYLLT: 'Delvis uppfyllt',
  EJ_UPPFYLLT: 'Ej uppfyllt',
  EJ_MATBART_AN: 'Ej mätbart än',
  HOG: 'Hög',
  DELVIS_HOG: 'Delvis hög',
  LAG: 'Låg',
};

export const REPORT_KIND_LABEL: Record<string, string> = {
  DELARSRAPPORT: 'Delårsrapport',
  ARSREDOVISNING: 'Årsredovisning',
  VERKSAMHETSPLAN: 'Verksamhetsplan och budget',
};

export const REPORT_STATUS_LABEL: Record<string, string> = {
  QUEUED: 'I kö',
  RUNNING: 'Sammanställs',
  READY: 'Klar',
  FAILED: 'Misslyckades',
};

export const SIGNER_STATE_LABEL: Record<string, string> = {
  NOT_SENT: 'Inte skickad än',
  SENT: 'Väntar',
  VIEWED: 'Har öppnat dokumentet',
  SIGNED: 'Har undertecknat',
  DECLINED: 'Har avböjt',
};

/** Board titles as the bundle stores them, in words. */
export const TITLE_LABEL: Record<string, string> = {
  ORDFORANDE: 'ordförande',
  VICE_ORDFORANDE: 'vice ordförande',
};

export const SIGN_METHOD_LABEL: Record<string, string> = {
  TOTP: 'lösenord och engångskod',
  PASSKEY: 'passkey',
  BANKID: 'BankID',
};

export const SIGNING_STATUS_LABEL: Record<string, string> = {
  OPEN: 'Pågår',
  SEALING: 'Förseglas',
  COMPLETED: 'Klar och förseglad',
  CANCELLED: 'Avbruten',
  DECLINED: 'Avböjd',
  EXPIRED: 'Har gått ut',
};

/** "HELAR-2025" → "Helår 2025" */
export function periodLabel(period: string): string {
  const m = /^(DELAR|HELAR)-(\d{4})$/.exec(period);
  if (!m) return period;
  return `${m[1] === 'DELAR' ? 'Delår' : 'Helår'} ${m[2]}`;
}

const ACTION_LABEL: Record<string, string> = {
  'submission.started': 'påbörjade uppföljningen',
  'submission.saved': 'sparade',
  'submission.submitted': 'skickade in',
  'submission.approved': 'godkände',
  'submission.returned': 'återsände med kommentar',
  'submission.withdrawn': 'drog tillbaka',
  'submission.reopened': 'öppnade som ny revision',
  'submission.commented': 'kommenterade',
  'submission.comment_resolved': 'markerade en kommentar som löst',
};

export function actionLabel(action: string): string {
  return ACTION_LABEL[action] ?? action;
}

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
