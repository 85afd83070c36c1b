import type { Tx } from '@app/infra';
import type { MatpunktRow } from './submission.store';

/**
 * The batch reads behind lists and the inbox: what would be one query per row, in one query per request.
 */

/** The mätpunkter of several insatser and years in one query, keyed `insatsId:year`. */
export async function matpunkterForMany(
  tx: Tx,
  wanted: ReadonlyArray<{ insatsId: string; year: number }>,
): Promise<Map<string, MatpunktRow[]>> {
  const out = new Map<string, MatpunktRow[]>();
  if (!wanted.length) return out;
  const rows: Array<MatpunktRow & { insats_id: string; year: number }> = await tx.query(
    `SELECT m.insats_id, m.year, m.key, m.text, m.metric, m.op, m.target::text AS target
       FROM matpunkt m JOIN unnest($1::uuid[], $2::int[]) AS w(insats_id, year)
         ON w.insats_id = m.insats_id AND w.year = m.year
      ORDER BY m.insats_id, m.year, m.position`,
    [wanted.map((w) => w.insatsId), wanted.map((w) => w.year)],
  );
  for (const r of rows) {
    const k = `${r.insats_id}:${r.year}`;
    const { insats_id: _i, year: _y, ...m } = r;
    out.set(k, [...(out.get(k) ?? []), m]);
  }
  return out;
}

/** Which (round, step) of each submission this person approved, in one query. */
export async function approvalsByPerson(
  tx: Tx,
  submissionIds: readonly string[],
  personId: string,
): Promise<Set<string>> {
  if (!submissionIds.length) return new Set();
  const rows: Array<{ submission_id: string; round: number; step: number }> = await tx.query(
    'SELECT submission_id, round, step FROM submission_approval WHERE submission_id = ANY($1) AND person_id = $2',
    [submissionIds, personId],
  );
  return new Set(rows.map((r) => `${r.submission_id}:${r.round}:${r.step}`));
}
