import { PartyRef, PlanGoal, PlanInsatsRef, PlanStatus } from '@app/domain';
import { returningRows, Tx } from '@app/infra';

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

const COLUMNS = `id, organisation_id AS "organisationId", year, revision, status, data, version,
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", updated_at AS "updatedAt"`;

/** All SQL of the verksamhetsplan, and the förbund data a plan is checked against. */
export const planStore = {
  async current(tx: Tx, organisationId: string, year: number): Promise<PlanRow | null> {
    const [r] = await tx.query(
      `SELECT ${COLUMNS} FROM plan WHERE organisation_id = $1 AND year = $2 AND status <> 'SUPERSEDED'`,
      [organisationId, year],
    );
    return r ?? null;
  },

  async byId(tx: Tx, id: string): Promise<PlanRow | null> {
    const [r] = await tx.query(`SELECT ${COLUMNS} FROM plan WHERE id = $1`, [id]);
    return r ?? null;
  },

  /** The newest decided plan of an earlier year: the one a new plan starts from. */
  async lastDecidedBefore(tx: Tx, organisationId: string, year: number): Promise<PlanRow | null> {
    const [r] = await tx.query(
      `SELECT ${COLUMNS} FROM plan WHERE organisation_id = $1 AND year < $2 AND status = 'DECIDED'
        ORDER BY year DESC, revision DESC LIMIT 1`,
      [organisationId, year],
    );
    return r ?? null;
  },

  async insert(
    tx: Tx,
    row: { organisationId: string; year: number; data: unknown; basedOn: string | null; actorId: string },
  ): Promise<PlanRow> {
    const [r] = await tx.query(
      `INSERT INTO plan (organisation_id, year, revision, status, data, based_on, created_by, updated_by)
       SELECT $1, $2, coalesce(max(revision), 0) + 1, 'DRAFT', $3, $4, $5, $5 FROM plan
        WHERE organisation_id = $1 AND year = $2
       RETURNING ${COLUMNS}`,
      [row.organisationId, row.year, JSON.stringify(row.data), row.basedOn, row.actorId],
    );
    return r;
  },

  /** Saves the data if nobody saved since `version`; null when the version is stale or the plan not editable. */
  async saveData(
    tx: Tx,
    id: string,
    version: number,
    data: unknown,
    actorId: string,
  ): Promise<PlanRow | null> {
    const [r] = await returningRows<PlanRow>(
      tx,
      `UPDATE plan SET data = $3, version = version + 1, updated_by = $4, updated_at = now()
        WHERE id = $1 AND version = $2 AND status = 'DRAFT' RETURNING ${COLUMNS}`,
      [id, version, JSON.stringify(data), actorId],
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
};
