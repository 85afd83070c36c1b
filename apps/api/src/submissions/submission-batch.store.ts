import { groupRows, type Tx } from '@app/infra';
import type { CommentRow, HistoryRow, SubmissionRow } from './submission.store';

/**
 * The batch reads behind lists and the inbox: what would be one query per row, in one query per request.
 */

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

/** The comments of several submissions in one query (the field resolver's batch), keyed by submission. */
export async function commentsOf(
  tx: Tx,
  submissionIds: readonly string[],
): Promise<Map<string, CommentRow[]>> {
  if (!submissionIds.length) return new Map();
  return groupRows(
    await tx.query(
      `SELECT c.submission_id AS "of", c.id, c.parent_id AS "parentId", c.field_path AS path, c.body,
              p.name AS "authorName", c.author_id AS "authorId",
              to_char(c.created_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
              to_char(c.resolved_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "resolvedAt"
         FROM submission_comment c JOIN person p ON p.id = c.author_id
        WHERE c.submission_id = ANY($1) ORDER BY c.submission_id, c.created_at`,
      [submissionIds],
    ),
  );
}

/**
 * The history of several submissions in one query, keyed by submission: each one's audit entries over every
 * revision it descends from (its chain of previous revisions), in order.
 */
export async function historyOf(
  tx: Tx,
  submissionIds: readonly string[],
): Promise<Map<string, HistoryRow[]>> {
  if (!submissionIds.length) return new Map();
  return groupRows(
    await tx.query(
      `WITH RECURSIVE chain(root, id, previous) AS (
         SELECT id, id, previous_revision_id FROM submission WHERE id = ANY($1)
         UNION SELECT c.root, s.id, s.previous_revision_id FROM submission s JOIN chain c ON s.id = c.previous)
       SELECT c.root AS "of", a.*, p.name AS actor_name
         FROM chain c JOIN audit_entry a ON a.entity_type = 'submission' AND a.entity_id = c.id::text
         LEFT JOIN person p ON p.id = a.actor_id
        ORDER BY c.root, a.seq NULLS LAST, a.insert_order`,
      [submissionIds],
    ),
  );
}

/**
 * What the inbox decides on (whose turn it is) and "Väntar på dig" shows: no answers and no template definition,
 * which are most of a row's bytes and are parsed for every row a query returns.
 */
export type WaitingRow = Pick<
  SubmissionRow,
  | 'id'
  | 'organisation_id'
  | 'insats_id'
  | 'insats_name'
  | 'period'
  | 'status'
  | 'step'
  | 'approvals_at_step'
  | 'round'
  | 'workflow_config'
  | 'org_name'
>;

/**
 * The current, not yet approved follow-ups a person may be waited for on: every one of the förbund where they
 * hold a förbund-wide role, and those of the insatser where they hold an insats role.
 */
export async function openFor(
  tx: Tx,
  q: { organisationIds: string[]; insatsIds: string[] },
): Promise<WaitingRow[]> {
  return tx.query(
    `SELECT s.id, s.organisation_id, s.insats_id, i.name AS insats_name, s.period, s.status, s.step,
            s.approvals_at_step, s.round, o.workflow_config, o.name AS org_name
       FROM submission s JOIN insats i ON i.id = s.insats_id JOIN organisation o ON o.id = s.organisation_id
      WHERE (s.organisation_id = ANY($1) OR s.insats_id = ANY($2)) AND s.is_current AND s.status <> 'APPROVED'
      ORDER BY s.updated_at, s.id`,
    [q.organisationIds, q.insatsIds],
  );
}
