import type { PartyRef, PlanGoal, PlanInsatsRef, PlanStatus } from '@app/domain';
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
  async current(tx: Tx, organisationId: string, year: number): Promise<PlanRow | null> {
    const [r] = await tx.query(
      `SELECT ${PLAN_COLUMNS} FROM plan WHERE organisation_id = $1 AND year = $2 AND status <> 'SUPERSEDED'`,
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
