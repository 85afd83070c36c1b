import { Tx, WriteTx } from '@app/infra';

/** SQL of the answers kept at each submission, for "what changed since the previous one". */

/** Keeps the answers as they are now, at the moment the follow-up is submitted. */
export async function snapshotSubmitted(tx: WriteTx, submissionId: string): Promise<void> {
  await tx.query(
    `INSERT INTO submission_snapshot (submission_id, organisation_id, version, answers)
     SELECT id, organisation_id, version, answers FROM submission WHERE id = $1`,
    [submissionId],
  );
}

export interface BaselineRow {
  answers: unknown;
  at: Date;
  kind: 'SUBMISSION' | 'REVISION';
}

/**
 * What the reviewer saw last: the answers of the submission before the latest one (the follow-up was returned
 * or withdrawn and submitted again), else the previous revision's (it was reopened), else nothing.
 */
export async function baseline(tx: Tx, submissionId: string): Promise<BaselineRow | null> {
  const [earlier] = await tx.query(
    `SELECT answers, submitted_at AS at, 'SUBMISSION' AS kind FROM submission_snapshot
      WHERE submission_id = $1 ORDER BY submitted_at DESC, version DESC OFFSET 1 LIMIT 1`,
    [submissionId],
  );
  if (earlier) return earlier;
  const [revision] = await tx.query(
    `SELECT prev.answers, COALESCE(prev.approved_at, prev.updated_at) AS at, 'REVISION' AS kind
       FROM submission s JOIN submission prev ON prev.id = s.previous_revision_id
      WHERE s.id = $1`,
    [submissionId],
  );
  return revision ?? null;
}
