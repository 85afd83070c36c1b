import Decimal from 'decimal.js';
import {
  Money,
  toAmountString,
  type PartyRef,
  type PlanGoal,
  type PlanInsatsRef,
  type PlanStatus,
} from '@app/domain';
import { readBudgets, readForecasts } from '../ledger/budget.store';
import { LedgerReader } from '../ledger/ledger-reader.store';
import { Tx } from '../database/unit-of-work';

export interface PlanRow {
  id: string;
  organisationId: string;
  year: number;
  revision: number;
  status: PlanStatus;
  data: unknown;
  version: number;
  decidedAt: string | null;
  updatedAt: Date;
}

export const PLAN_COLUMNS = `id, organisation_id AS "organisationId", year, revision, status, data, version,
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", updated_at AS "updatedAt"`;

/**
 * Reads a förbund's verksamhetsplan and what it is checked against: shared by the API (writing the plan) and the
 * worker (compiling and deciding it), so both see the same figures.
 */
export const planReader = {
  /** The year's newest revision that is not superseded: one being written or decided on, else the decided one. */
  async current(tx: Tx, organisationId: string, year: number): Promise<PlanRow | null> {
    const [r] = await tx.query(
      `SELECT ${PLAN_COLUMNS} FROM plan WHERE organisation_id = $1 AND year = $2 AND status <> 'SUPERSEDED'
        ORDER BY revision DESC LIMIT 1`,
      [organisationId, year],
    );
    return r ?? null;
  },

  /** The year's decided revision, the one follow-ups and reports measure against. */
  async decided(tx: Tx, organisationId: string, year: number): Promise<PlanRow | null> {
    const [r] = await tx.query(
      `SELECT ${PLAN_COLUMNS} FROM plan WHERE organisation_id = $1 AND year = $2 AND status = 'DECIDED'`,
      [organisationId, year],
    );
    return r ?? null;
  },

  /** The newest decided plan of an earlier year: the one a new plan starts from, and whose goals it is checked against. */
  async lastDecidedBefore(tx: Tx, organisationId: string, year: number): Promise<PlanRow | null> {
    const [r] = await tx.query(
      `SELECT ${PLAN_COLUMNS} FROM plan WHERE organisation_id = $1 AND year < $2 AND status = 'DECIDED'
        ORDER BY year DESC, revision DESC LIMIT 1`,
      [organisationId, year],
    );
    return r ?? null;
  },

  async parties(tx: Tx, organisationId: string): Promise<PartyRef[]> {
    return tx.query('SELECT key, name, kind FROM party WHERE organisation_id = $1 ORDER BY key', [
      organisationId,
    ]);
  },

  async goals(tx: Tx, organisationId: string, year: number): Promise<PlanGoal[]> {
    return tx.query(
      `SELECT key, text, metric, op, trim_scale(value)::text AS value FROM financial_goal
        WHERE organisation_id = $1 AND year = $2 ORDER BY key`,
      [organisationId, year],
    );
  },

  async insatser(tx: Tx, organisationId: string): Promise<PlanInsatsRef[]> {
    return tx.query(
      `SELECT key, name, cost_centre_code AS "costCentre", to_char(start_date, 'YYYY-MM-DD') AS start,
              to_char(end_date, 'YYYY-MM-DD') AS "end"
         FROM insats WHERE organisation_id = $1 ORDER BY key`,
      [organisationId],
    );
  },

  async costCentres(tx: Tx, organisationId: string): Promise<Array<{ code: string; name: string }>> {
    return tx.query('SELECT code, name FROM cost_centre WHERE organisation_id = $1 ORDER BY code', [
      organisationId,
    ]);
  },

  async organisation(
    tx: Tx,
    organisationId: string,
  ): Promise<{ slug: string; name: string; vision: string | null }> {
    const [r] = await tx.query('SELECT slug, name, vision FROM organisation WHERE id = $1', [organisationId]);
    return r;
  },
};

export interface LastYearLine {
  costCentre: string;
  /** Last year's decided budget (ordinary and supplementary decisions), exact kronor. */
  budget: string | null;
  /** Last year's latest forecast. */
  forecast: string | null;
  /** Last year's outcome in the ledger (costs positive). */
  outcome: string | null;
}

/** Beside each budget line of a new plan: last year's budget, forecast and outcome per cost centre. */
export async function readLastYearLines(
  tx: Tx,
  organisationId: string,
  year: number,
): Promise<LastYearLine[]> {
  const last = year - 1;
  const budgets = await readBudgets(tx, organisationId, last);
  const forecasts = await readForecasts(tx, organisationId, last);
  const forecast = forecasts[forecasts.length - 1]?.lines ?? {};
  const ledger = new LedgerReader(tx);
  const imp = await ledger.activeImport(organisationId, last);
  const outcome = imp
    ? (await ledger.periodLedger(imp.id, imp.start, imp.end)).costCentres
    : new Map<string, string>();
  const budget = new Map<string, Decimal>();
  for (const b of budgets)
    for (const [cc, amount] of Object.entries(b.lines))
      budget.set(cc, (budget.get(cc) ?? new Money(0)).plus(amount));
  const codes = [...new Set([...budget.keys(), ...Object.keys(forecast), ...outcome.keys()])].sort();
  return codes.map((cc) => ({
    costCentre: cc,
    budget: budget.has(cc) ? toAmountString(budget.get(cc) as Decimal) : null,
    forecast: forecast[cc] ?? null,
    outcome: outcome.get(cc) ?? null,
  }));
}
