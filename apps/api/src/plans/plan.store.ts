import { PLAN_COLUMNS, PlanRow, returningRows, Tx } from '@app/infra';

export type { PlanRow };

const COLUMNS = PLAN_COLUMNS;

/** A new draft revision of a year's plan: its content and the plan it was copied from, if any. */
export interface NewPlanRevision {
  organisationId: string;
  year: number;
  data: unknown;
  basedOn: string | null;
  actorId: string;
}

/** The verksamhetsplan's writes and lookups; its reads shared with the worker are in @app/infra's planReader. */
export const planStore = {
  async byId(tx: Tx, id: string): Promise<PlanRow | null> {
    const [r] = await tx.query(`SELECT ${COLUMNS} FROM plan WHERE id = $1`, [id]);
    return r ?? null;
  },

  async insert(tx: Tx, row: NewPlanRevision): Promise<PlanRow> {
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
};
