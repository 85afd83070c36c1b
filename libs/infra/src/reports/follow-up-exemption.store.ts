import { Tx } from '../database/unit-of-work';
import { returningRows } from '../database/sql.store';

/** An insats exempted from a period's follow-up by the förbundschef. */
export interface FollowUpExemptionRow {
  insatsId: string;
  insatsKey: string;
  insatsName: string;
  organisationId: string;
  period: string;
  reason: string;
  decidedBy: string | null;
  decidedAt: string;
}

const COLUMNS = `e.insats_id AS "insatsId", i.key AS "insatsKey", i.name AS "insatsName", e.organisation_id AS "organisationId",
  e.period, e.reason, e.decided_by AS "decidedBy", to_char(e.decided_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "decidedAt"`;

/**
 * The follow-up exemptions: written by the API (the förbundschef's decision), read by the API and by the
 * report's gathering, so both see the same ones.
 */
export const FollowUpExemptionStore = {
  /** A förbund's exemptions for the given periods, in insats order. */
  async forPeriods(tx: Tx, organisationId: string, periods: string[]): Promise<FollowUpExemptionRow[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM follow_up_exemption e JOIN insats i ON i.id = e.insats_id
        WHERE e.organisation_id = $1 AND e.period = ANY($2) ORDER BY i.key, e.period`,
      [organisationId, periods],
    );
  },

  async one(tx: Tx, insatsId: string, period: string): Promise<FollowUpExemptionRow | null> {
    const [row] = await tx.query(
      `SELECT ${COLUMNS} FROM follow_up_exemption e JOIN insats i ON i.id = e.insats_id
        WHERE e.insats_id = $1 AND e.period = $2`,
      [insatsId, period],
    );
    return row ?? null;
  },

  /** Records (or replaces the reason of) an exemption; the previous reason, if any, for the audit entry. */
  async upsert(
    tx: Tx,
    e: { insatsId: string; organisationId: string; period: string; reason: string; decidedBy: string },
  ): Promise<{ previousReason: string | null }> {
    const [prev] = await tx.query(
      'SELECT reason FROM follow_up_exemption WHERE insats_id = $1 AND period = $2 FOR UPDATE',
      [e.insatsId, e.period],
    );
    await tx.query(
      `INSERT INTO follow_up_exemption (insats_id, period, organisation_id, reason, decided_by) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (insats_id, period) DO UPDATE SET reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by, decided_at = now()`,
      [e.insatsId, e.period, e.organisationId, e.reason, e.decidedBy],
    );
    return { previousReason: (prev?.reason as string | undefined) ?? null };
  },

  /** Removes an exemption; null when there was none. */
  async remove(tx: Tx, insatsId: string, period: string): Promise<{ reason: string } | null> {
    const rows = await returningRows<{ reason: string }>(
      tx,
      'DELETE FROM follow_up_exemption WHERE insats_id = $1 AND period = $2 RETURNING reason',
      [insatsId, period],
    );
    return rows[0] ?? null;
  },

  /** The insats an exemption is about (its förbund and dates), or null. */
  async insats(
    tx: Tx,
    insatsId: string,
  ): Promise<{
    id: string;
    key: string;
    name: string;
    organisationId: string;
    start: string;
    end: string | null;
  } | null> {
    const [row] = await tx.query(
      `SELECT id, key, name, organisation_id AS "organisationId", to_char(start_date, 'YYYY-MM-DD') AS start,
              to_char(end_date, 'YYYY-MM-DD') AS "end" FROM insats WHERE id = $1`,
      [insatsId],
    );
    return row ?? null;
  },
};
