import { returningRows } from '../database/sql.store';
import { Tx } from '../database/unit-of-work';

/** The SQL of deciding a plan: its report, its status, and the year's budget, goals and mätpunkter it replaces. */
export const planDecisionStore = {
  async report(
    tx: Tx,
    reportId: string,
  ): Promise<{ organisationId: string; kind: string; year: number } | null> {
    const [r] = await tx.query(
      'SELECT organisation_id AS "organisationId", kind, year FROM report WHERE id = $1',
      [reportId],
    );
    return r ?? null;
  },

  async setStatus(tx: Tx, planId: string, status: string): Promise<void> {
    await returningRows(
      tx,
      'UPDATE plan SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING id',
      [planId, status],
    );
  },

  async markDecided(tx: Tx, planId: string, decidedAt: string, reportId: string): Promise<void> {
    await returningRows(
      tx,
      `UPDATE plan SET status = 'DECIDED', decided_at = $2, decided_report_id = $3, version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING id`,
      [planId, decidedAt, reportId],
    );
  },

  /** Makes the plan's budget the year's ordinary budget (replacing one the year may already have); its id. */
  async replaceOrdinaryBudget(
    tx: Tx,
    b: {
      organisationId: string;
      year: number;
      decided: string;
      outlook: unknown;
      financing: unknown;
      lines: Array<[string, string]>;
    },
  ): Promise<string> {
    const [existing] = await tx.query(
      `SELECT id FROM budget WHERE organisation_id = $1 AND year = $2 AND kind = 'ORDINARY' ORDER BY decided DESC LIMIT 1`,
      [b.organisationId, b.year],
    );
    const outlook = JSON.stringify(b.outlook);
    const financing = JSON.stringify(b.financing);
    const id: string = existing
      ? (
          await returningRows<{ id: string }>(
            tx,
            `UPDATE budget SET decided = $2, outlook = $3, financing = $4, updated_at = now() WHERE id = $1 RETURNING id`,
            [existing.id, b.decided, outlook, financing],
          )
        )[0].id
      : (
          await tx.query(
            `INSERT INTO budget (organisation_id, year, decided, kind, outlook, financing) VALUES ($1,$2,$3,'ORDINARY',$4,$5) RETURNING id`,
            [b.organisationId, b.year, b.decided, outlook, financing],
          )
        )[0].id;
    await tx.query('DELETE FROM budget_line WHERE budget_id = $1', [id]);
    await tx.query(
      'INSERT INTO budget_line (budget_id, cost_centre_code, amount) SELECT $1, unnest($2::text[]), unnest($3::numeric[])',
      [id, b.lines.map(([cc]) => cc), b.lines.map(([, amount]) => amount)],
    );
    return id;
  },

  async replaceGoals(
    tx: Tx,
    organisationId: string,
    year: number,
    goals: Array<{ key: string; text: string; metric: string; op: string; value: string }>,
  ): Promise<void> {
    await tx.query('DELETE FROM financial_goal WHERE organisation_id = $1 AND year = $2', [
      organisationId,
      year,
    ]);
    for (const g of goals)
      await tx.query(
        'INSERT INTO financial_goal (organisation_id, year, key, text, metric, op, value) VALUES ($1,$2,$3,$4,$5,$6,$7)',
        [organisationId, year, g.key, g.text, g.metric, g.op, g.value],
      );
  },

  /** Replaces an insats' mätpunkter for the year; false when the förbund has no insats with that key. */
  async replaceMatpunkter(
    tx: Tx,
    organisationId: string,
    insatsKey: string,
    year: number,
    matpunkter: Array<{ key: string; text: string; metric?: string; op?: string; target?: string }>,
  ): Promise<boolean> {
    const [row] = await tx.query('SELECT id FROM insats WHERE organisation_id = $1 AND key = $2', [
      organisationId,
      insatsKey,
    ]);
    if (!row) return false;
    await tx.query('DELETE FROM matpunkt WHERE insats_id = $1 AND year = $2', [row.id, year]);
    for (const [i, m] of matpunkter.entries())
      await tx.query(
        'INSERT INTO matpunkt (insats_id, year, key, text, metric, op, target, position) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)',
        [row.id, year, m.key, m.text, m.metric ?? null, m.op ?? null, m.target ?? null, i],
      );
    return true;
  },
};
