import type { FinancingRow } from '@app/domain';
import { Tx } from '../database/unit-of-work';

export interface BudgetRow {
  id: string;
  year: number;
  decided: string;
  kind: 'ORDINARY' | 'SUPPLEMENTARY';
  fundedBy: string | null;
  outlook: Record<string, string> | null;
  /** The old fixed keys or the förbund's own rows ({label, amount, source}). */
  financing: Record<string, string> | FinancingRow[] | null;
  /** Cost centre → amount (exact decimal string): the line's net budget. */
  lines: Record<string, string>;
  /** Income budgeted on a line (cost centre → amount and its source); the line's cost is line + income. */
  lineIncome: Record<string, { amount: string; source: string }>;
}

export interface ForecastRow {
  id: string;
  year: number;
  asOf: string;
  lines: Record<string, string>;
}

const LINES = (alias: string) =>
  `COALESCE(jsonb_object_agg(${alias}.cost_centre_code, ${alias}.amount::text) FILTER (WHERE ${alias}.cost_centre_code IS NOT NULL), '{}'::jsonb) AS lines`;

/** A förbund's budget decisions with their lines, oldest first (all years, or one). */
export function readBudgets(tx: Tx, organisationId: string, year?: number | null): Promise<BudgetRow[]> {
  return tx.query(
    `SELECT b.id, b.year, to_char(b.decided,'YYYY-MM-DD') AS decided, b.kind, b.funded_by AS "fundedBy", b.outlook, b.financing, ${LINES('l')},
            COALESCE(jsonb_object_agg(l.cost_centre_code, jsonb_build_object('amount', l.income::text, 'source', l.income_source))
              FILTER (WHERE l.income IS NOT NULL), '{}'::jsonb) AS "lineIncome"
       FROM budget b LEFT JOIN budget_line l ON l.budget_id = b.id
      WHERE b.organisation_id = $1 AND ($2::int IS NULL OR b.year = $2) GROUP BY b.id ORDER BY b.year, b.decided, b.kind`,
    [organisationId, year ?? null],
  );
}

/** A förbund's forecasts with their lines, oldest first (all years, or one). */
export function readForecasts(tx: Tx, organisationId: string, year?: number | null): Promise<ForecastRow[]> {
  return tx.query(
    `SELECT f.id, f.year, to_char(f.as_of,'YYYY-MM-DD') AS "asOf", ${LINES('l')}
       FROM forecast f LEFT JOIN forecast_line l ON l.forecast_id = f.id
      WHERE f.organisation_id = $1 AND ($2::int IS NULL OR f.year = $2) GROUP BY f.id ORDER BY f.year, f.as_of`,
    [organisationId, year ?? null],
  );
}
