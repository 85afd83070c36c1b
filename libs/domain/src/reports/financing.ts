import Decimal from 'decimal.js';
import { z } from 'zod';
import { FINANCING_LABEL } from '../labels/report-labels';
import { decimalInput } from '../money/decimal-input';

/**
 * A budget's financing as the förbund names it: a list of rows (label, amount, and what kind of money it
 * is), e.g. the parties' allocation, equity carried over, ESF, NNS work, other. Older bundles carry a record
 * of fixed keys (fromParties, fromEquity, esf, other); both are accepted and read as rows.
 */
export const FINANCING_SOURCES = ['PARTIES', 'EQUITY', 'ESF', 'NNS', 'OTHER'] as const;
export type FinancingSource = (typeof FINANCING_SOURCES)[number];

export interface FinancingRow {
  label: string;
  amount: string;
  source: FinancingSource;
}

const decimalString = decimalInput;

/** A budget names a handful of financing rows; thousands are an attack on the report, not a budget. */
export const MAX_FINANCING_ROWS = 50;

export const financingRowSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, { message: 'får inte vara tom' })
    .max(200, { message: 'får vara högst 200 tecken' }),
  amount: decimalString,
  source: z.enum(FINANCING_SOURCES, { message: `ska vara en av ${FINANCING_SOURCES.join(', ')}` }).optional(),
});

/** The bundle's `financing`: the old record of fixed keys or the förbund's own rows. */
export const financingSchema = z.union([
  z.record(z.string(), decimalString),
  z
    .array(financingRowSchema)
    .max(MAX_FINANCING_ROWS, { message: `får ha högst ${MAX_FINANCING_ROWS} rader` }),
]);

/** Which kind of money an old fixed key stands for. */
const KEY_SOURCE: Record<string, FinancingSource> = {
  fromParties: 'PARTIES',
  fromEquity: 'EQUITY',
  esf: 'ESF',
  nns: 'NNS',
  other: 'OTHER',
};

/** A budget's financing as rows, whichever shape it was stored in; an unknown old key keeps its name. */
export function financingRows(raw: unknown): FinancingRow[] {
  if (!raw) return [];
  if (Array.isArray(raw))
    return raw
      .filter((r): r is { label: string; amount: string; source?: string } => !!r && typeof r === 'object')
      .map((r) => ({
        label: String(r.label),
        amount: String(r.amount),
        source: (FINANCING_SOURCES as readonly string[]).includes(r.source ?? '')
          ? (r.source as FinancingSource)
          : 'OTHER',
      }));
  if (typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, string>).map(([k, v]) => {
    const source = KEY_SOURCE[k] ?? 'OTHER';
    const label = FINANCING_LABEL[k] ?? k;
    return { label: label.charAt(0).toUpperCase() + label.slice(1), amount: String(v), source };
  });
}

/** The sum of the rows of one kind of money (e.g. the parties' allocation); null when there is none. */
export function financingOf(rows: FinancingRow[], source: FinancingSource): Decimal | null {
  const own = rows.filter((r) => r.source === source);
  return own.length ? own.reduce((a, r) => a.plus(r.amount), new Decimal(0)) : null;
}

/** Income budgeted on a cost centre (e.g. ESF money booked against the project's costs), with its source. */
export const lineIncomeSchema = z.record(
  z.string(),
  z.object({
    amount: decimalString,
    source: z
      .string()
      .trim()
      .min(1, { message: 'får inte vara tom' })
      .max(200, { message: 'får vara högst 200 tecken' }),
  }),
);
export type LineIncome = z.infer<typeof lineIncomeSchema>;
