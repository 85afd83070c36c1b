import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  canonicalJson,
  chainView,
  decide,
  EDITABLE,
  FormContext,
  initialAnswers,
  INSATS_ROLES,
  label,
  roleLabel,
  periodDeadline,
  periodKind,
  periodYear,
  Principal,
  Role,
  sha256Hex,
  STANDARD_TEMPLATES,
  SubmissionState,
  SubmissionStatus,
  TemplateDef,
  validateAnswers,
  waitingFor,
  WorkflowAction,
  workflowFrom,
  AuditAction,
} from '@app/domain';
import { AppConfig, appendAudit, enqueueJob, JobName, returningRows } from '@app/infra';
import { APP_CONFIG, DATA_SOURCE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { SubmissionError } from '../common/errors/error-codes';
import { SubmissionEvents } from './submission.events';
import { checkPasswordAndCode } from '../signing/totp-check';
import { SubmissionType } from './submission.types';

interface Row {
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
  deadlines: unknown;
  org_name: string;
}

const SELECT = `SELECT s.*, i.key AS insats_key, i.name AS insats_name, i.type AS insats_type, t.key AS template_key, t.version AS template_version,
  t.definition, o.workflow_config, o.name AS org_name FROM submission s JOIN insats i ON i.id = s.insats_id
  JOIN form_template t ON t.id = s.template_id JOIN organisation o ON o.id = s.organisation_id`;

const MAX_ANSWERS_BYTES = 1024 * 1024;
const PAST_TENSE: Record<WorkflowAction, string> = {
  save: 'saved',
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  withdraw: 'withdrawn',
  reopen: 'reopened',
};

/** Follow-ups: drafts with optimistic locking, the approval chain, comments; every change audited. */
@Injectable()
export class SubmissionService implements OnModuleInit {
  private readonly logger = new Logger(SubmissionService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: SubmissionEvents,
  ) {}

  /** The standard templates are code; they are published once and never change. */
  async onModuleInit(): Promise<void> {
    for (const t of STANDARD_TEMPLATES) {
      await this.ds.query(
        `INSERT INTO form_template (organisation_id, key, version, title, definition) VALUES (NULL, $1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT form_template_version DO NOTHING`,
        [t.key, t.version, t.title, JSON.stringify(t)],
      );
    }
  }

  /** Roles that count for this submission: förbund-wide ones, and insats roles for its own insats. */
  rolesFor(p: Principal, organisationId: string, insatsId: string): Role[] {
    return [
      ...new Set(
        p.grants
          .filter(
            (g) =>
              g.organisationId === organisationId &&
              (!INSATS_ROLES.includes(g.role) || g.insatsId === insatsId),
          )
          .map((g) => g.role),
      ),
    ];
  }

  private async load(em: Pick<EntityManager, 'query'>, id: string): Promise<Row> {
    const [row] = /^[0-9a-f-]{36}$/i.test(id) ? await em.query(`${SELECT} WHERE s.id = $1`, [id]) : [];
    if (!row) throw new AppError(SubmissionError.NOT_FOUND, 'Uppföljningen finns inte.');
    return row;
  }

  private async context(row: Pick<Row, 'insats_id' | 'insats_type' | 'period'>): Promise<FormContext> {
    const year = periodYear(row.period)!;
    const matpunkter = await this.ds.query(
      'SELECT key, text, metric, op, target::text AS target FROM matpunkt WHERE insats_id = $1 AND year = $2 ORDER BY position',
      [row.insats_id, year],
    );
    return { insatsType: row.insats_type, period: periodKind(row.period)!, matpunkter };
  }

  async toType(row: Row): Promise<SubmissionType> {
    const ctx = await this.context(row);
    const result = validateAnswers(row.definition, row.answers, ctx);
    const state: SubmissionState = {
      status: row.status,
      step: row.step,
      approvalsAtStep: row.approvals_at_step,
    };
    const year = periodYear(row.period)!;
    return {
      insatsType: row.insats_type,
      deadline: periodDeadline(periodKind(row.period)!, year, row.workflow_config),
      template: {
        id: row.template_id,
        key: row.template_key,
        version: row.template_version,
        title: row.definition.title,
        definition: row.definition,
        organisationId: null,
      },
      matpunkter: ctx.matpunkter.map((m) => ({
        key: m.key,
        text: m.text,
        metric: m.metric ?? null,
        op: m.op ?? null,
        target: m.target ?? null,
        year,
      })),
      approvalChain: chainView(workflowFrom(row.workflow_config), state).map((c) => ({
        ...c,
        roleLabel: roleLabel(c.role),
      })),
      id: row.id,
      organisationId: row.organisation_id,
      insatsId: row.insats_id,
      insatsKey: row.insats_key,
      insatsName: row.insats_name,
      period: row.period,
      status: row.status,
      version: row.version,
      revision: row.revision,
      answers: row.answers,
      validationErrors: result.issues,
      derived: { ...result.derived, foreslagna_bedomningar: result.suggestions },
      templateKey: row.template_key,
      templateVersion: row.template_version,
      waitingFor: waitingFor(workflowFrom(row.workflow_config), state),
      contentHash: row.content_hash,
      submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
      approvedAt: row.approved_at ? new Date(row.approved_at).toISOString() : null,
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }

  async get(id: string): Promise<SubmissionType> {
    return this.toType(await this.load(this.ds, id));
  }

  async start(p: Principal, insatsId: string, period: string): Promise<SubmissionType> {
    const kind = periodKind(period);
    const year = periodYear(period);
    if (!kind || !year)
      throw new AppError(SubmissionError.BAD_PERIOD, 'Perioden ska vara DELAR-ÅÅÅÅ eller HELAR-ÅÅÅÅ.', {
        details: [{ path: '$.period', message: 'ska vara DELAR-ÅÅÅÅ eller HELAR-ÅÅÅÅ' }],
      });
    const [insats] = await this.ds.query(
      'SELECT id, organisation_id, type, start_date, end_date FROM insats WHERE id = $1',
      [insatsId],
    );
    const roles = this.rolesFor(p, insats.organisation_id, insatsId);
    if (!roles.includes(Role.PROJEKTAGARE) && !roles.includes(Role.ADMIN)) {
      throw new AppError(
        SubmissionError.FORBIDDEN,
        'Endast insatsens projektägare (eller kansliet) kan påbörja en uppföljning.',
      );
    }
    const [existing] = await this.ds.query(
      'SELECT id FROM submission WHERE insats_id = $1 AND period = $2 AND is_current',
      [insatsId, period],
    );
    if (existing) return this.get(existing.id);
    const [template] = await this.ds.query(
      `SELECT id, definition FROM form_template WHERE key = 'uppfoljning-insats' AND (organisation_id = $1 OR organisation_id IS NULL)
        ORDER BY organisation_id NULLS LAST, version DESC LIMIT 1`,
      [insats.organisation_id],
    );
    const ctx = await this.context({ insats_id: insatsId, insats_type: insats.type, period });
    const [budget] = await this.ds.query(
      'SELECT amount::text AS amount FROM insats_budget WHERE insats_id = $1 AND year = $2',
      [insatsId, year],
    );
    const answers = initialAnswers(template.definition, ctx, { insatsBudget: budget?.amount ?? null });
    const id = await this.ds.transaction(async (em) => {
      const rows = await em.query(
        `INSERT INTO submission (organisation_id, insats_id, period, template_id, status, answers, created_by)
         VALUES ($1,$2,$3,$4,'DRAFT',$5,$6) ON CONFLICT (insats_id, period) WHERE is_current DO NOTHING RETURNING id`,
        [insats.organisation_id, insatsId, period, template.id, JSON.stringify(answers), p.personId],
      );
      if (!rows.length) return null; // someone started it at the same moment
      await appendAudit(em, {
        organisationId: insats.organisation_id,
        actorId: p.personId,
        action: 'submission.started',
        entityType: 'submission',
        entityId: rows[0].id,
        toState: 'DRAFT',
        payload: { period, insatsId },
      });
      await this.scheduleReminders(em, rows[0].id, insats.organisation_id, period);
      return rows[0].id as string;
    });
    if (!id) {
      const [again] = await this.ds.query(
        'SELECT id FROM submission WHERE insats_id = $1 AND period = $2 AND is_current',
        [insatsId, period],
      );
      return this.get(again.id);
    }
    return this.get(id);
  }

  /** Reminders 7 and 1 days before the period's deadline, as delayed jobs through the outbox. */
  private async scheduleReminders(
    em: EntityManager,
    submissionId: string,
    organisationId: string,
    period: string,
  ): Promise<void> {
    const [org] = await em.query('SELECT workflow_config FROM organisation WHERE id = $1', [organisationId]);
    const deadline = periodDeadline(periodKind(period)!, periodYear(period)!, org?.workflow_config);
    for (const daysBefore of [7, 1]) {
      const at = new Date(`${deadline}T08:00:00Z`);
      at.setUTCDate(at.getUTCDate() - daysBefore);
      if (at.getTime() <= Date.now()) continue;
      await enqueueJob(
        em,
        JobName.SUBMISSION_REMINDER,
        { submissionId, daysBefore, deadline },
        { organisationId, delayUntil: at },
      );
    }
  }

  async save(p: Principal, id: string, version: number, answers: unknown): Promise<SubmissionType> {
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
      throw new AppError(SubmissionError.INVALID_ANSWERS, 'Svaren ska vara ett JSON-objekt.', {
        details: [{ path: '$', message: 'ska vara ett objekt' }],
      });
    }
    const json = JSON.stringify(answers);
    if (Buffer.byteLength(json) > MAX_ANSWERS_BYTES) {
      throw new AppError(SubmissionError.INVALID_ANSWERS, 'Svaren är för stora (högst 1 MB).', {
        details: [{ path: '$', message: 'högst 1 MB' }],
      });
    }
    return this.transition(p, id, 'save', { version, answersJson: json });
  }

  async submit(p: Principal, id: string, version: number): Promise<SubmissionType> {
    return this.transition(p, id, 'submit', { version });
  }

  async approve(
    p: Principal,
    id: string,
    comment?: string | null,
    signature?: { password: string; code: string } | null,
  ): Promise<SubmissionType> {
    return this.transition(p, id, 'approve', { comment, signature: signature ?? null });
  }

  async return(p: Principal, id: string, comment: string): Promise<SubmissionType> {
    return this.transition(p, id, 'return', { comment });
  }

  async withdraw(p: Principal, id: string): Promise<SubmissionType> {
    return this.transition(p, id, 'withdraw', {});
  }

  /**
   * One transition: decide from what was read, then a conditional UPDATE … WHERE version = $read, plus the
   * audit entry and any e-mail, all in one transaction. Of concurrent callers exactly one wins.
   */
  private async transition(
    p: Principal,
    id: string,
    action: WorkflowAction,
    input: {
      version?: number;
      comment?: string | null;
      answersJson?: string;
      signature?: { password: string; code: string } | null;
    },
  ): Promise<SubmissionType> {
    const row = await this.load(this.ds, id);
    const signedStep =
      action === 'approve' && workflowFrom(row.workflow_config).steps[row.step]?.requireSignature === true;
    if (signedStep && !input.signature) {
      throw new AppError(
        SubmissionError.SIGNATURE_REQUIRED,
        'Det här steget ska undertecknas: ange ditt lösenord och en engångskod.',
        {
          details: [{ path: '$.signature', message: 'krävs för det här steget' }],
        },
      );
    }
    if (input.version !== undefined && input.version !== row.version) {
      throw new AppError(
        SubmissionError.VERSION_CONFLICT,
        `Någon annan har sparat uppföljningen sedan du öppnade den (nu version ${row.version}). Ladda om och gör dina ändringar igen.`,
        { currentVersion: row.version },
      );
    }
    const wf = workflowFrom(row.workflow_config);
    const roles = this.rolesFor(p, row.organisation_id, row.insats_id);
    let alreadyApprovedStep = false;
    if (action === 'approve') {
      const [a] = await this.ds.query(
        'SELECT 1 FROM submission_approval WHERE submission_id = $1 AND round = $2 AND step = $3 AND person_id = $4',
        [id, row.round, row.step, p.personId],
      );
      alreadyApprovedStep = !!a;
    }
    let answersValid = false;
    if (action === 'submit')
      answersValid =
        validateAnswers(row.definition, row.answers, await this.context(row)).issues.length === 0;
    const state: SubmissionState = {
      status: row.status,
      step: row.step,
      approvalsAtStep: row.approvals_at_step,
    };
    const d = decide(
      wf,
      state,
      action,
      { roles, alreadyApprovedStep },
      { comment: input.comment, answersValid },
    );
    if (!d.ok) {
      const code = {
        FORBIDDEN: SubmissionError.FORBIDDEN,
        INVALID_TRANSITION: SubmissionError.INVALID_TRANSITION,
        COMMENT_REQUIRED: SubmissionError.COMMENT_REQUIRED,
        INVALID_ANSWERS: SubmissionError.INVALID_ANSWERS,
      }[d.reason];
      const extra =
        d.reason === 'INVALID_ANSWERS'
          ? { details: validateAnswers(row.definition, row.answers, await this.context(row)).issues }
          : d.reason === 'COMMENT_REQUIRED'
            ? { details: [{ path: '$.comment', message: 'krävs' }] }
            : {};
      throw new AppError(code, d.message, extra);
    }
    const next = d.next;
    await this.ds.transaction(async (em) => {
      if (signedStep) {
        const check = await checkPasswordAndCode(
          em,
          p.personId,
          input.signature!.password,
          input.signature!.code,
          true,
        );
        if (check !== 'OK') {
          throw new AppError(
            SubmissionError.SIGNATURE_INVALID,
            check === 'NOT_SET_UP'
              ? 'Du har ingen bekräftad engångskod; ställ in den först.'
              : 'Fel lösenord eller engångskod.',
            {
              details: [
                {
                  path: '$.signature',
                  message: check === 'NOT_SET_UP' ? 'engångskod saknas' : 'fel lösenord eller kod',
                },
              ],
            },
          );
        }
      }
      if (action === 'approve') {
        const ins = await em.query(
          'INSERT INTO submission_approval (submission_id, round, step, person_id) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING RETURNING 1',
          [id, row.round, row.step, p.personId],
        );
        if (!ins.length)
          throw new AppError(SubmissionError.INVALID_TRANSITION, 'Du har redan godkänt det här steget.');
      }
      const approvedNow = next.status === SubmissionStatus.APPROVED;
      const contentHash = approvedNow ? sha256Hex(canonicalJson(row.answers)) : null;
      const updated = await returningRows<{ version: number }>(
        em,
        `UPDATE submission SET status = $3, step = $4, approvals_at_step = $5, version = version + 1, updated_at = now(),
                answers = COALESCE($6::jsonb, answers),
                round = round + $7,
                submitted_at = CASE WHEN $3 = 'SUBMITTED' AND $8 THEN now() ELSE submitted_at END,
                approved_at = CASE WHEN $3 = 'APPROVED' THEN now() ELSE approved_at END,
                content_hash = COALESCE($9, content_hash)
          WHERE id = $1 AND version = $2 RETURNING version`,
        [
          id,
          row.version,
          next.status,
          next.step,
          next.approvalsAtStep,
          input.answersJson ?? null,
          action === 'submit' ? 1 : 0,
          action === 'submit',
          contentHash,
        ],
      );
      if (!updated.length) {
        const [now] = await em.query('SELECT version, status FROM submission WHERE id = $1', [id]);
        if (action === 'save') {
          throw new AppError(
            SubmissionError.VERSION_CONFLICT,
            `Någon annan har sparat uppföljningen sedan du öppnade den (nu version ${now.version}). Ladda om och gör dina ändringar igen.`,
            { currentVersion: now.version },
          );
        }
        throw new AppError(
          SubmissionError.INVALID_TRANSITION,
          `Någon hann före: uppföljningen är nu ${label(now.status)}.`,
          { currentVersion: now.version },
        );
      }
      await appendAudit(em, {
        organisationId: row.organisation_id,
        actorId: p.personId,
        action: `submission.${PAST_TENSE[action]}` as AuditAction,
        entityType: 'submission',
        entityId: id,
        fromState: row.status,
        toState: next.status,
        payload: {
          version: updated[0].version,
          step: row.step,
          ...(input.comment ? { comment: input.comment } : {}),
          ...(input.answersJson
            ? { answersHash: sha256Hex(canonicalJson(JSON.parse(input.answersJson))) }
            : {}),
          ...(d.stepCompleted ? { stepCompleted: wf.steps[row.step]?.role } : {}),
          ...(signedStep
            ? { signed: { method: 'TOTP', contentHash: sha256Hex(canonicalJson(row.answers)) } }
            : {}),
        },
        documentHash: contentHash,
      });
      if (input.comment && (action === 'approve' || action === 'return')) {
        await em.query(
          'INSERT INTO submission_comment (submission_id, organisation_id, field_path, body, author_id) VALUES ($1,$2,NULL,$3,$4)',
          [id, row.organisation_id, input.comment, p.personId],
        );
      }
      await this.notify(em, row, action, next.status, next.step, d.stepCompleted, input.comment ?? null);
    });
    this.events.publish(id, row.organisation_id);
    return this.get(id);
  }

  /** E-mail to whoever the submission now waits for (through the outbox, in the same transaction). */
  private async notify(
    em: EntityManager,
    row: Row,
    action: WorkflowAction,
    status: SubmissionStatus,
    step: number,
    stepCompleted: boolean,
    comment: string | null,
  ): Promise<void> {
    const wf = workflowFrom(row.workflow_config);
    let role: Role | null = null;
    let subject = '';
    let text = '';
    const what = `${row.insats_name}, ${row.period}`;
    const link = `${this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`}/uppfoljningar/${row.id}`;
    if (
      action === 'submit' ||
      (action === 'approve' && stepCompleted && status !== SubmissionStatus.APPROVED)
    ) {
      role = wf.steps[step]?.role ?? null;
      subject = `Uppföljning att granska: ${what}`;
      text = `Uppföljningen för ${what} väntar på ditt beslut.\n\nÖppna den här: ${link}\n`;
    } else if (action === 'return') {
      role = Role.PROJEKTAGARE;
      subject = `Uppföljningen har skickats tillbaka: ${what}`;
      text = `Uppföljningen för ${what} har skickats tillbaka med kommentaren:\n\n${comment}\n\nÖppna den här: ${link}\n`;
    } else if (action === 'approve' && status === SubmissionStatus.APPROVED) {
      role = Role.PROJEKTAGARE;
      subject = `Uppföljningen är godkänd: ${what}`;
      text = `Uppföljningen för ${what} är godkänd av förbundschefen.\n\n${link}\n`;
    }
    if (!role) return;
    const people: Array<{ email: string }> = await em.query(
      `SELECT DISTINCT p.email FROM role_assignment r JOIN person p ON p.id = r.person_id
        WHERE r.organisation_id = $1 AND r.role = $2 AND (r.insats_id IS NULL OR r.insats_id = $3) ORDER BY p.email`,
      [row.organisation_id, role, row.insats_id],
    );
    for (const person of people) {
      await enqueueJob(
        em,
        JobName.SEND_EMAIL,
        { eventId: `submission-${row.id}-v${row.version}-${action}`, to: person.email, subject, text },
        { organisationId: row.organisation_id },
      );
    }
  }

  async reopen(p: Principal, id: string, reason: string): Promise<SubmissionType> {
    const row = await this.load(this.ds, id);
    const d = decide(
      workflowFrom(row.workflow_config),
      { status: row.status, step: row.step, approvalsAtStep: row.approvals_at_step },
      'reopen',
      { roles: this.rolesFor(p, row.organisation_id, row.insats_id) },
      { comment: reason },
    );
    if (!d.ok) {
      throw new AppError(
        d.reason === 'FORBIDDEN'
          ? SubmissionError.FORBIDDEN
          : d.reason === 'COMMENT_REQUIRED'
            ? SubmissionError.COMMENT_REQUIRED
            : SubmissionError.INVALID_TRANSITION,
        d.message,
      );
    }
    const newId = await this.ds.transaction(async (em) => {
      const old = await returningRows(
        em,
        'UPDATE submission SET is_current = false, updated_at = now() WHERE id = $1 AND version = $2 AND is_current RETURNING id',
        [id, row.version],
      );
      if (!old.length)
        throw new AppError(
          SubmissionError.INVALID_TRANSITION,
          'Någon hann före: uppföljningen har redan öppnats igen.',
        );
      const [n] = await em.query(
        `INSERT INTO submission (organisation_id, insats_id, period, revision, template_id, status, answers, previous_revision_id, created_by)
         VALUES ($1,$2,$3,$4,$5,'DRAFT',$6,$7,$8) RETURNING id`,
        [
          row.organisation_id,
          row.insats_id,
          row.period,
          row.revision + 1,
          row.template_id,
          JSON.stringify(row.answers),
          id,
          p.personId,
        ],
      );
      await appendAudit(em, {
        organisationId: row.organisation_id,
        actorId: p.personId,
        action: 'submission.reopened',
        entityType: 'submission',
        entityId: id,
        fromState: 'APPROVED',
        toState: 'SUPERSEDED',
        payload: { reason, newRevisionId: n.id, revision: row.revision + 1 },
        documentHash: row.content_hash,
      });
      await appendAudit(em, {
        organisationId: row.organisation_id,
        actorId: p.personId,
        action: 'submission.revision_started',
        entityType: 'submission',
        entityId: n.id,
        toState: 'DRAFT',
        payload: { previousRevisionId: id, revision: row.revision + 1 },
      });
      return n.id as string;
    });
    this.events.publish(newId, row.organisation_id);
    return this.get(newId);
  }

  async list(p: Principal, organisationId: string, period?: string | null): Promise<SubmissionType[]> {
    const orgWide =
      p.isPlatformAdmin ||
      p.grants.some((g) => g.organisationId === organisationId && !INSATS_ROLES.includes(g.role));
    const mine = p.grants
      .filter((g) => g.organisationId === organisationId && g.insatsId)
      .map((g) => g.insatsId);
    const rows: Row[] = await this.ds.query(
      `${SELECT} WHERE s.organisation_id = $1 AND s.is_current AND ($2::text IS NULL OR s.period = $2) AND ($3 OR s.insats_id = ANY($4)) ORDER BY s.period, i.key`,
      [organisationId, period ?? null, orgWide, mine],
    );
    return Promise.all(rows.map((r) => this.toType(r)));
  }

  /** What waits for me, across my förbund. */
  async inbox(p: Principal): Promise<SubmissionType[]> {
    const orgs = [...new Set(p.grants.map((g) => g.organisationId))];
    if (!orgs.length) return [];
    const rows: Row[] = await this.ds.query(
      `${SELECT} WHERE s.organisation_id = ANY($1) AND s.is_current AND s.status <> 'APPROVED' ORDER BY s.updated_at`,
      [orgs],
    );
    const out: SubmissionType[] = [];
    for (const r of rows) {
      const waiting = waitingFor(workflowFrom(r.workflow_config), {
        status: r.status,
        step: r.step,
        approvalsAtStep: r.approvals_at_step,
      });
      if (
        waiting &&
        this.rolesFor(p, r.organisation_id, r.insats_id).includes(waiting) &&
        (waiting !== Role.PROJEKTAGARE || EDITABLE.has(r.status))
      ) {
        if (waiting !== Role.PROJEKTAGARE) {
          const [done] = await this.ds.query(
            'SELECT 1 FROM submission_approval WHERE submission_id = $1 AND round = $2 AND step = $3 AND person_id = $4',
            [r.id, r.round, r.step, p.personId],
          );
          if (done) continue;
        }
        out.push(await this.toType(r));
      }
    }
    return out;
  }

  async addComment(
    p: Principal,
    submissionId: string,
    path: string | null,
    body: string,
    parentId: string | null,
  ): Promise<string> {
    const row = await this.load(this.ds, submissionId);
    const text = body.trim();
    if (!text || text.length > 5000)
      throw new AppError(SubmissionError.INVALID_ANSWERS, 'Kommentaren ska ha 1–5000 tecken.', {
        details: [{ path: '$.body', message: '1–5000 tecken' }],
      });
    if (path !== null && !/^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/.test(path)) {
      throw new AppError(SubmissionError.INVALID_ANSWERS, 'Fältets sökväg är ogiltig.', {
        details: [{ path: '$.path', message: 'ska vara en JSON-sökväg som $.deltagare.avslutade' }],
      });
    }
    return this.ds
      .transaction(async (em) => {
        if (parentId) {
          const [parent] = await em.query(
            'SELECT 1 FROM submission_comment WHERE id = $1 AND submission_id = $2',
            [parentId, submissionId],
          );
          if (!parent) throw new AppError(SubmissionError.NOT_FOUND, 'Kommentaren du svarar på finns inte.');
        }
        const [c] = await em.query(
          'INSERT INTO submission_comment (submission_id, organisation_id, parent_id, field_path, body, author_id) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
          [submissionId, row.organisation_id, parentId, path, text, p.personId],
        );
        await appendAudit(em, {
          organisationId: row.organisation_id,
          actorId: p.personId,
          action: 'submission.commented',
          entityType: 'submission',
          entityId: submissionId,
          payload: { commentId: c.id, path, parentId, body: text },
        });
        return c.id as string;
      })
      .finally(() => this.events.publish(submissionId, row.organisation_id));
  }

  async resolveComment(p: Principal, commentId: string): Promise<boolean> {
    const [c] = /^[0-9a-f-]{36}$/i.test(commentId)
      ? await this.ds.query('SELECT submission_id, organisation_id FROM submission_comment WHERE id = $1', [
          commentId,
        ])
      : [];
    if (!c) throw new AppError(SubmissionError.NOT_FOUND, 'Kommentaren finns inte.');
    await this.ds.transaction(async (em) => {
      await em.query(
        'UPDATE submission_comment SET resolved_at = now(), resolved_by = $2 WHERE id = $1 AND resolved_at IS NULL',
        [commentId, p.personId],
      );
      await appendAudit(em, {
        organisationId: c.organisation_id,
        actorId: p.personId,
        action: 'submission.comment_resolved',
        entityType: 'submission',
        entityId: c.submission_id,
        payload: { commentId },
      });
    });
    this.events.publish(c.submission_id, c.organisation_id);
    return true;
  }

  comments(submissionId: string) {
    return this.ds.query(
      `SELECT c.id, c.parent_id AS "parentId", c.field_path AS path, c.body, p.name AS "authorName", c.author_id AS "authorId",
              to_char(c.created_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
              to_char(c.resolved_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "resolvedAt"
         FROM submission_comment c JOIN person p ON p.id = c.author_id WHERE c.submission_id = $1 ORDER BY c.created_at`,
      [submissionId],
    );
  }

  /** Every revision's audit entries, in order. */
  async history(submissionId: string) {
    const ids: Array<{ id: string }> = await this.ds.query(
      `WITH RECURSIVE chain AS (
         SELECT id, previous_revision_id FROM submission WHERE id = $1
         UNION SELECT s.id, s.previous_revision_id FROM submission s JOIN chain c ON s.id = c.previous_revision_id)
       SELECT id FROM chain`,
      [submissionId],
    );
    return this.ds.query(
      `SELECT a.*, p.name AS actor_name FROM audit_entry a LEFT JOIN person p ON p.id = a.actor_id
        WHERE a.entity_type = 'submission' AND a.entity_id = ANY($1) ORDER BY a.seq`,
      [ids.map((r) => r.id)],
    );
  }

  /** A förbund publishes its own version of a template; the number is the next free one, the content is frozen. */
  async publishTemplate(
    p: Principal,
    organisationId: string,
    definition: unknown,
  ): Promise<{ id: string; version: number }> {
    const def = definition as TemplateDef;
    const problems: Array<{ path: string; message: string }> = [];
    if (!def || typeof def !== 'object') problems.push({ path: '$', message: 'ska vara ett objekt' });
    else {
      if (def.key !== 'uppfoljning-insats')
        problems.push({ path: '$.key', message: 'ska vara "uppfoljning-insats"' });
      if (typeof def.title !== 'string' || !def.title.trim())
        problems.push({ path: '$.title', message: 'krävs' });
      if (!Array.isArray(def.sections) || !def.sections.length)
        problems.push({ path: '$.sections', message: 'minst ett avsnitt krävs' });
      else
        def.sections.forEach((s, i) => {
          if (!s || typeof s.key !== 'string' || !['text', 'group', 'rows', 'files'].includes(s.kind))
            problems.push({
              path: `$.sections[${i}]`,
              message: 'ska ha key och kind (text, group, rows eller files)',
            });
        });
    }
    if (problems.length)
      throw new AppError(SubmissionError.BAD_TEMPLATE, 'Mallen innehåller fel och har inte publicerats.', {
        details: problems,
      });
    return this.ds.transaction(async (em) => {
      const [{ v }] = await em.query(
        `SELECT COALESCE(max(version), 0) + 1 AS v FROM form_template WHERE key = $1 AND (organisation_id = $2 OR organisation_id IS NULL)`,
        [def.key, organisationId],
      );
      const [t] = await em.query(
        'INSERT INTO form_template (organisation_id, key, version, title, definition, created_by) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
        [organisationId, def.key, v, def.title, JSON.stringify({ ...def, version: v }), p.personId],
      );
      await appendAudit(em, {
        organisationId,
        actorId: p.personId,
        action: 'template.published',
        entityType: 'form_template',
        entityId: t.id,
        payload: { key: def.key, version: v },
      });
      return { id: t.id, version: v };
    });
  }
}
