import { matpunkterOf } from '../organisations/organisation.store';
import { Injectable } from '@nestjs/common';
import { SubmissionStatus, TemplateDef } from '@app/domain';
import {
  appendAudit,
  AuditInput,
  enqueueJob,
  JobName,
  JobPayload,
  peopleWithRole,
  PersonWithRole,
  returningRows,
  rowToAuditEntry,
  Tx,
  WriteTx,
} from '@app/infra';
import { commentsOf, historyOf } from './submission-batch.store';

/** A submission with its insats, template and förbund, as every read and transition needs it. */
export interface SubmissionRow {
  id: string;
  organisation_id: string;
  insats_id: string;
  insats_key: string;
  insats_name: string;
  insats_type: 'INDIVID' | 'STRUKTUR';
  period: string;
  revision: number;
  status: SubmissionStatus;
  step: number;
  approvals_at_step: number;
  round: number;
  version: number;
  answers: Record<string, unknown>;
  content_hash: string | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  updated_at: Date;
  template_id: string;
  template_key: string;
  template_version: number;
  definition: TemplateDef;
  workflow_config: unknown;
  org_name: string;
}

export interface MatpunktRow {
  key: string;
  text: string;
  metric: string | null;
  op: string | null;
  target: string | null;
}

export interface InsatsRow {
  id: string;
  organisation_id: string;
  type: 'INDIVID' | 'STRUKTUR';
  /** The insats' dates as ISO dates; no end date while it runs. */
  start: string;
  end: string | null;
  name: string;
}

export interface CommentRow {
  id: string;
  parentId: string | null;
  path: string | null;
  body: string;
  authorName: string;
  authorId: string;
  createdAt: string;
  resolvedAt: string | null;
}

/** An audit entry of the submission's history, with the actor's name. */
export type HistoryRow = Parameters<typeof rowToAuditEntry>[0] & { actor_name: string | null };

export interface TransitionUpdate {
  id: string;
  readVersion: number;
  status: SubmissionStatus;
  step: number;
  approvalsAtStep: number;
  answersJson: string | null;
  newRound: boolean;
  contentHash: string | null;
}

const SELECT = `SELECT s.*, i.key AS insats_key, i.name AS insats_name, i.type AS insats_type, t.key AS template_key, t.version AS template_version,
  t.definition, o.workflow_config, o.name AS org_name FROM submission s JOIN insats i ON i.id = s.insats_id
  JOIN form_template t ON t.id = s.template_id JOIN organisation o ON o.id = s.organisation_id`;

const UUID = /^[0-9a-f-]{36}$/i;

/** All of the follow-up feature's SQL: the transaction handle first, typed rows in and out. */
@Injectable()
export class SubmissionStore {
  async byId(tx: Tx, id: string): Promise<SubmissionRow | null> {
    if (!UUID.test(id)) return null;
    const [row] = await tx.query(`${SELECT} WHERE s.id = $1`, [id]);
    return row ?? null;
  }

  async current(tx: Tx, insatsId: string, period: string): Promise<string | null> {
    const [row] = await tx.query(
      'SELECT id FROM submission WHERE insats_id = $1 AND period = $2 AND is_current',
      [insatsId, period],
    );
    return row?.id ?? null;
  }

  async listForOrganisation(
    tx: Tx,
    q: { organisationId: string; period: string | null; orgWide: boolean; insatsIds: string[] },
  ): Promise<SubmissionRow[]> {
    return tx.query(
      `${SELECT} WHERE s.organisation_id = $1 AND s.is_current AND ($2::text IS NULL OR s.period = $2) AND ($3 OR s.insats_id = ANY($4)) ORDER BY s.period, i.key`,
      [q.organisationId, q.period, q.orgWide, q.insatsIds],
    );
  }

  /** Whole rows for ids, in the order of `ids`. */
  async byIds(tx: Tx, ids: readonly string[]): Promise<SubmissionRow[]> {
    if (!ids.length) return [];
    const rows: SubmissionRow[] = await tx.query(`${SELECT} WHERE s.id = ANY($1)`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** One insats' mätpunkter for a year, through the organisations feature's batched read. */
  async matpunkter(tx: Tx, insatsId: string, year: number): Promise<MatpunktRow[]> {
    return (await matpunkterOf(tx, [{ insatsId, year }])).get(`${insatsId}:${year}`) ?? [];
  }

  async insats(tx: Tx, insatsId: string): Promise<InsatsRow | null> {
    const [row] = UUID.test(insatsId)
      ? await tx.query(
          `SELECT id, organisation_id, type, name, to_char(start_date, 'YYYY-MM-DD') AS start,
                     to_char(end_date, 'YYYY-MM-DD') AS "end" FROM insats WHERE id = $1`,
          [insatsId],
        )
      : [];
    return row ?? null;
  }

  async insatsBudget(tx: Tx, insatsId: string, year: number): Promise<string | null> {
    const [row] = await tx.query(
      'SELECT amount::text AS amount FROM insats_budget WHERE insats_id = $1 AND year = $2',
      [insatsId, year],
    );
    return row?.amount ?? null;
  }

  async workflowConfig(tx: Tx, organisationId: string): Promise<unknown> {
    const [org] = await tx.query('SELECT workflow_config FROM organisation WHERE id = $1', [organisationId]);
    return org?.workflow_config ?? null;
  }

  /** The förbund's own newest follow-up template, else the standard one. */
  async followUpTemplate(tx: Tx, organisationId: string): Promise<{ id: string; definition: TemplateDef }> {
    const [t] = await tx.query(
      `SELECT id, definition FROM form_template WHERE key = 'uppfoljning-insats' AND (organisation_id = $1 OR organisation_id IS NULL)
        ORDER BY organisation_id NULLS LAST, version DESC LIMIT 1`,
      [organisationId],
    );
    return t;
  }

  /** Null when someone started it at the same moment. */
  async insertDraft(
    tx: WriteTx,
    d: {
      organisationId: string;
      insatsId: string;
      period: string;
      templateId: string;
      answers: unknown;
      by: string;
    },
  ): Promise<string | null> {
    const rows = await tx.query(
      `INSERT INTO submission (organisation_id, insats_id, period, template_id, status, answers, created_by)
       VALUES ($1,$2,$3,$4,'DRAFT',$5,$6) ON CONFLICT (insats_id, period) WHERE is_current DO NOTHING RETURNING id`,
      [d.organisationId, d.insatsId, d.period, d.templateId, JSON.stringify(d.answers), d.by],
    );
    return rows[0]?.id ?? null;
  }

  /** The steps this person approved in the round (the current one and any earlier). */
  async stepsApprovedBy(tx: Tx, submissionId: string, round: number, personId: string): Promise<number[]> {
    const rows: Array<{ step: number }> = await tx.query(
      'SELECT step FROM submission_approval WHERE submission_id = $1 AND round = $2 AND person_id = $3 ORDER BY step',
      [submissionId, round, personId],
    );
    return rows.map((r) => r.step);
  }

  /** False when this person already approved the step. */
  async recordApproval(
    tx: WriteTx,
    a: { submissionId: string; round: number; step: number; personId: string },
  ): Promise<boolean> {
    const ins = await tx.query(
      'INSERT INTO submission_approval (submission_id, round, step, person_id) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING RETURNING 1',
      [a.submissionId, a.round, a.step, a.personId],
    );
    return ins.length > 0;
  }

  /** The conditional UPDATE on the version read: the new version, or null when someone else won. */
  async applyTransition(tx: WriteTx, u: TransitionUpdate): Promise<number | null> {
    const updated = await returningRows<{ version: number }>(
      tx,
      `UPDATE submission SET status = $3, step = $4, approvals_at_step = $5, version = version + 1, updated_at = now(),
              answers = COALESCE($6::jsonb, answers),
              round = round + $7,
              submitted_at = CASE WHEN $3 = 'SUBMITTED' AND $8 THEN now() ELSE submitted_at END,
              approved_at = CASE WHEN $3 = 'APPROVED' THEN now() ELSE approved_at END,
              content_hash = COALESCE($9, content_hash)
        WHERE id = $1 AND version = $2 RETURNING version`,
      [
        u.id,
        u.readVersion,
        u.status,
        u.step,
        u.approvalsAtStep,
        u.answersJson,
        u.newRound ? 1 : 0,
        u.newRound,
        u.contentHash,
      ],
    );
    return updated[0]?.version ?? null;
  }

  async versionAndStatus(tx: Tx, id: string): Promise<{ version: number; status: SubmissionStatus }> {
    const [now] = await tx.query('SELECT version, status FROM submission WHERE id = $1', [id]);
    return now;
  }

  /** Marks the revision superseded; false when it no longer is the current one at that version. */
  async supersede(tx: WriteTx, id: string, version: number): Promise<boolean> {
    const old = await returningRows(
      tx,
      'UPDATE submission SET is_current = false, updated_at = now() WHERE id = $1 AND version = $2 AND is_current RETURNING id',
      [id, version],
    );
    return old.length > 0;
  }

  async insertRevision(tx: WriteTx, row: SubmissionRow, by: string): Promise<string> {
    const [n] = await tx.query(
      `INSERT INTO submission (organisation_id, insats_id, period, revision, template_id, status, answers, previous_revision_id, created_by)
       VALUES ($1,$2,$3,$4,$5,'DRAFT',$6,$7,$8) RETURNING id`,
      [
        row.organisation_id,
        row.insats_id,
        row.period,
        row.revision + 1,
        row.template_id,
        JSON.stringify(row.answers),
        row.id,
        by,
      ],
    );
    return n.id;
  }

  async comments(tx: Tx, submissionId: string): Promise<CommentRow[]> {
    return (await commentsOf(tx, [submissionId])).get(submissionId) ?? [];
  }

  /**
   * Unresolved comments raised on the submission (with addComment; the note that goes with an approval or a
   * return is a decision, not an open question).
   */
  async openCommentCount(tx: Tx, submissionId: string): Promise<number> {
    const [{ n }] = await tx.query(
      `SELECT count(*)::int AS n FROM submission_comment c
        WHERE c.submission_id = $1 AND c.resolved_at IS NULL
          AND EXISTS (SELECT 1 FROM audit_entry a WHERE a.entity_type = 'submission' AND a.entity_id = $1::text
                        AND a.action = 'submission.commented' AND a.payload->>'commentId' = c.id::text)`,
      [submissionId],
    );
    return n;
  }

  async commentExists(tx: Tx, commentId: string, submissionId: string): Promise<boolean> {
    const [c] = await tx.query('SELECT 1 FROM submission_comment WHERE id = $1 AND submission_id = $2', [
      commentId,
      submissionId,
    ]);
    return !!c;
  }

  async commentOwner(
    tx: Tx,
    commentId: string,
  ): Promise<{ submission_id: string; organisation_id: string } | null> {
    const [c] = UUID.test(commentId)
      ? await tx.query('SELECT submission_id, organisation_id FROM submission_comment WHERE id = $1', [
          commentId,
        ])
      : [];
    return c ?? null;
  }

  async insertComment(
    tx: WriteTx,
    c: {
      submissionId: string;
      organisationId: string;
      parentId: string | null;
      path: string | null;
      body: string;
      by: string;
    },
  ): Promise<string> {
    const [row] = await tx.query(
      'INSERT INTO submission_comment (submission_id, organisation_id, parent_id, field_path, body, author_id) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
      [c.submissionId, c.organisationId, c.parentId, c.path, c.body, c.by],
    );
    return row.id;
  }

  async resolveComment(tx: WriteTx, commentId: string, by: string): Promise<void> {
    await tx.query(
      'UPDATE submission_comment SET resolved_at = now(), resolved_by = $2 WHERE id = $1 AND resolved_at IS NULL',
      [commentId, by],
    );
  }

  /** Every revision's audit entries, in order. */
  async history(tx: Tx, submissionId: string): Promise<HistoryRow[]> {
    return (await historyOf(tx, [submissionId])).get(submissionId) ?? [];
  }

  async publishStandardTemplate(tx: Tx, t: TemplateDef & { version: number }): Promise<void> {
    await tx.query(
      `INSERT INTO form_template (organisation_id, key, version, title, definition) VALUES (NULL, $1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT form_template_version DO NOTHING`,
      [t.key, t.version, t.title, JSON.stringify(t)],
    );
  }

  async nextTemplateVersion(tx: WriteTx, key: string, organisationId: string): Promise<number> {
    const [{ v }] = await tx.query(
      `SELECT COALESCE(max(version), 0) + 1 AS v FROM form_template WHERE key = $1 AND (organisation_id = $2 OR organisation_id IS NULL)`,
      [key, organisationId],
    );
    return v;
  }

  async insertTemplate(
    tx: WriteTx,
    t: {
      organisationId: string;
      key: string;
      version: number;
      title: string;
      definition: unknown;
      by: string;
    },
  ): Promise<string> {
    const [row] = await tx.query(
      'INSERT INTO form_template (organisation_id, key, version, title, definition, created_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
      [t.organisationId, t.key, t.version, t.title, JSON.stringify(t.definition), t.by],
    );
    return row.id;
  }

  /** The one recipients query of the feature, through the shared people directory. */
  recipients(tx: Tx, organisationId: string, role: string, insatsId: string): Promise<PersonWithRole[]> {
    return peopleWithRole(tx, { organisationId, roles: [role], insatsId });
  }

  /** The audit entry and outbox rows go through the store so that the services can be tested with fakes. */
  audit(tx: WriteTx, entry: AuditInput): Promise<unknown> {
    return appendAudit(tx, entry);
  }

  enqueue<N extends JobName>(
    tx: WriteTx,
    name: N,
    payload: JobPayload<N>,
    opts: { organisationId: string; delayUntil?: Date },
  ): Promise<unknown> {
    return enqueueJob(tx, name, payload, opts);
  }
}
