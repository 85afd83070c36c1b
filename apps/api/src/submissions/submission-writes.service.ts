import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  canonicalJson,
  decide,
  Decision,
  initialAnswers,
  label,
  Principal,
  Role,
  sha256Hex,
  SubmissionStatus,
  validateAnswers,
  WorkflowAction,
  workflowFrom,
} from '@app/domain';
import { UnitOfWork, WriteTx } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { SubmissionError } from '../common/errors/error-codes';
import { checkPasswordAndCode } from '../signing/totp-check';
import { SubmissionEvents } from './submission.events';
import { assertPeriodOwed, periodYearOf } from './period-check';
import { SubmissionRow, SubmissionStore } from './submission.store';
import { SubmissionNotifications } from './submission-notifications.service';
import { SubmissionReads, stateOf } from './submission-reads.service';
import { rolesFor } from './submission-roles';
import { SubmissionType } from './submission.types';
import { snapshotSubmitted } from './submission-snapshot.store';

const MAX_ANSWERS_BYTES = 1024 * 1024;
const PAST_TENSE: Record<WorkflowAction, string> = {
  save: 'saved',
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  withdraw: 'withdrawn',
  reopen: 'reopened',
};

/** What the approver saw and confirms. */
export interface ApproveOptions {
  /** The version the approver saw; a newer one refuses the approval (VERSION_CONFLICT). */
  version?: number | null;
  /** The approver has read the open comments and approves anyway. */
  acknowledgeOpenComments?: boolean | null;
}

interface TransitionInput {
  version?: number;
  comment?: string | null;
  answersJson?: string;
  signature?: { password: string; code: string } | null;
  acknowledgeOpenComments?: boolean;
}

const versionConflict = (current: number) =>
  new AppError(
    SubmissionError.VERSION_CONFLICT,
    `Någon annan har sparat uppföljningen sedan du öppnade den (nu version ${current}). Ladda om och gör dina ändringar igen.`,
    { currentVersion: current },
  );

const REFUSAL: Record<Extract<Decision, { ok: false }>['reason'], SubmissionError> = {
  FORBIDDEN: SubmissionError.FORBIDDEN,
  INVALID_TRANSITION: SubmissionError.INVALID_TRANSITION,
  COMMENT_REQUIRED: SubmissionError.COMMENT_REQUIRED,
  INVALID_ANSWERS: SubmissionError.INVALID_ANSWERS,
  SAME_APPROVER: SubmissionError.FORBIDDEN,
  OPEN_COMMENTS: SubmissionError.OPEN_COMMENTS,
};

/** The write side: start, save, the transitions of the approval chain and reopening; every change audited. */
@Injectable()
export class SubmissionWrites {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: SubmissionStore,
    private readonly reads: SubmissionReads,
    private readonly notifications: SubmissionNotifications,
    private readonly events: SubmissionEvents,
  ) {}

  async start(p: Principal, insatsId: string, period: string): Promise<SubmissionType> {
    const year = periodYearOf(period);
    const tx = this.uow.reader;
    const insats = await this.store.insats(tx, insatsId);
    if (!insats) throw new AppError(SubmissionError.NOT_FOUND, 'Insatsen finns inte.');
    const roles = rolesFor(p, insats.organisation_id, insatsId);
    if (!roles.includes(Role.PROJEKTAGARE) && !roles.includes(Role.ADMIN)) {
      throw new AppError(
        SubmissionError.FORBIDDEN,
        'Endast insatsens projektägare (eller kansliet) kan påbörja en uppföljning.',
      );
    }
    const existing = await this.store.current(tx, insatsId, period);
    if (existing) return this.reads.get(existing);
    assertPeriodOwed(insats, period);
    const template = await this.store.followUpTemplate(tx, insats.organisation_id);
    const ctx = await this.reads.context(tx, { insats_id: insatsId, insats_type: insats.type, period });
    const budget = await this.store.insatsBudget(tx, insatsId, year);
    const answers = initialAnswers(template.definition, ctx, { insatsBudget: budget });
    const id = await this.uow.write(async (w) => {
      const newId = await this.store.insertDraft(w, {
        organisationId: insats.organisation_id,
        insatsId,
        period,
        templateId: template.id,
        answers,
        by: p.personId,
      });
      if (!newId) return null; // someone started it at the same moment
      await this.store.audit(w, {
        organisationId: insats.organisation_id,
        actorId: p.personId,
        action: 'submission.started',
        entityType: 'submission',
        entityId: newId,
        toState: 'DRAFT',
        payload: { period, insatsId },
      });
      await this.notifications.scheduleReminders(w, newId, insats.organisation_id, period);
      return newId;
    });
    return this.reads.get(id ?? (await this.store.current(tx, insatsId, period))!);
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

  submit(p: Principal, id: string, version: number): Promise<SubmissionType> {
    return this.transition(p, id, 'submit', { version });
  }

  approve(
    p: Principal,
    id: string,
    comment?: string | null,
    signature?: { password: string; code: string } | null,
    opts: ApproveOptions = {},
  ): Promise<SubmissionType> {
    return this.transition(p, id, 'approve', {
      comment,
      signature: signature ?? null,
      version: opts.version ?? undefined,
      acknowledgeOpenComments: opts.acknowledgeOpenComments === true,
    });
  }

  return(p: Principal, id: string, comment: string): Promise<SubmissionType> {
    return this.transition(p, id, 'return', { comment });
  }

  withdraw(p: Principal, id: string): Promise<SubmissionType> {
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
    input: TransitionInput,
  ): Promise<SubmissionType> {
    // One transaction from the read to the answer (a refusal rolls back an empty one), so an autosave opens one.
    const done = await this.uow.write((w) => this.decideAndPersist(w, p, id, action, input));
    this.events.publish(id, done.organisationId);
    return done;
  }

  private async decideAndPersist(
    tx: WriteTx,
    p: Principal,
    id: string,
    action: WorkflowAction,
    input: TransitionInput,
  ): Promise<SubmissionType> {
    const row = await this.reads.load(tx, id);
    const wf = workflowFrom(row.workflow_config);
    const signedStep = action === 'approve' && wf.steps[row.step]?.requireSignature === true;
    if (signedStep && !input.signature) {
      throw new AppError(
        SubmissionError.SIGNATURE_REQUIRED,
        'Det här steget ska undertecknas: ange ditt lösenord och en engångskod.',
        { details: [{ path: '$.signature', message: 'krävs för det här steget' }] },
      );
    }
    if (input.version !== undefined && input.version !== row.version) throw versionConflict(row.version);
    const roles = rolesFor(p, row.organisation_id, row.insats_id);
    const approvedSteps =
      action === 'approve' ? await this.store.stepsApprovedBy(tx, id, row.round, p.personId) : [];
    const answersValid =
      action === 'submit' &&
      validateAnswers(row.definition, row.answers, await this.reads.context(tx, row)).issues.length === 0;
    const openComments = action === 'approve' ? await this.store.openCommentCount(tx, id) : 0;
    const d = decide(
      wf,
      stateOf(row),
      action,
      {
        roles,
        alreadyApprovedStep: approvedSteps.includes(row.step),
        approvedOtherStep: approvedSteps.some((s) => s !== row.step),
      },
      {
        comment: input.comment,
        answersValid,
        openComments,
        acknowledgeOpenComments: input.acknowledgeOpenComments,
      },
    );
    if (!d.ok) {
      const extra =
        d.reason === 'INVALID_ANSWERS'
          ? {
              details: validateAnswers(row.definition, row.answers, await this.reads.context(tx, row)).issues,
            }
          : d.reason === 'COMMENT_REQUIRED'
            ? { details: [{ path: '$.comment', message: 'krävs' }] }
            : d.reason === 'OPEN_COMMENTS'
              ? {
                  openComments,
                  details: [
                    { path: '$.acknowledgeOpenComments', message: `${openComments} olösta kommentarer` },
                  ],
                }
              : {};
      throw new AppError(REFUSAL[d.reason], d.message, extra);
    }
    // The answer is read in the change's own transaction, before the audit chain is locked at its end.
    await this.persist(tx, p, row, action, input, d, signedStep);
    return this.reads.typeIn(tx, await this.reads.load(tx, id));
  }

  private async persist(
    w: WriteTx,
    p: Principal,
    row: SubmissionRow,
    action: WorkflowAction,
    input: TransitionInput,
    d: Extract<Decision, { ok: true }>,
    signedStep: boolean,
  ): Promise<void> {
    const next = d.next;
    if (signedStep) await this.checkSignature(w, p, input.signature!);
    if (action === 'approve') {
      const first = await this.store.recordApproval(w, {
        submissionId: row.id,
        round: row.round,
        step: row.step,
        personId: p.personId,
      });
      if (!first)
        throw new AppError(SubmissionError.INVALID_TRANSITION, 'Du har redan godkänt det här steget.');
    }
    const contentHash =
      next.status === SubmissionStatus.APPROVED ? sha256Hex(canonicalJson(row.answers)) : null;
    const version = await this.store.applyTransition(w, {
      id: row.id,
      readVersion: row.version,
      status: next.status,
      step: next.step,
      approvalsAtStep: next.approvalsAtStep,
      answersJson: input.answersJson ?? null,
      newRound: action === 'submit',
      contentHash,
    });
    if (version === null) {
      const now = await this.store.versionAndStatus(w, row.id);
      if (action === 'save') throw versionConflict(now.version);
      throw new AppError(
        SubmissionError.INVALID_TRANSITION,
        `Någon hann före: uppföljningen är nu ${label(now.status)}.`,
        {
          currentVersion: now.version,
        },
      );
    }
    if (action === 'submit') await snapshotSubmitted(w, row.id);
    const wf = workflowFrom(row.workflow_config);
    await this.store.audit(w, {
      organisationId: row.organisation_id,
      actorId: p.personId,
      action: `submission.${PAST_TENSE[action]}` as AuditAction,
      entityType: 'submission',
      entityId: row.id,
      fromState: row.status,
      toState: next.status,
      payload: {
        version,
        step: row.step,
        ...(input.comment ? { comment: input.comment } : {}),
        ...(input.answersJson
          ? { answersHash: sha256Hex(canonicalJson(JSON.parse(input.answersJson))) }
          : {}),
        ...(d.stepCompleted ? { stepCompleted: wf.steps[row.step]?.role } : {}),
        ...(signedStep
          ? { signed: { method: 'TOTP', contentHash: sha256Hex(canonicalJson(row.answers)) } }
          : {}),
        ...(action === 'approve' && input.acknowledgeOpenComments ? { acknowledgedOpenComments: true } : {}),
      },
      documentHash: contentHash,
    });
    if (input.comment && (action === 'approve' || action === 'return')) {
      await this.store.insertComment(w, {
        submissionId: row.id,
        organisationId: row.organisation_id,
        parentId: null,
        path: null,
        body: input.comment,
        by: p.personId,
      });
    }
    await this.notifications.notify(w, row, {
      action,
      status: next.status,
      step: next.step,
      stepCompleted: d.stepCompleted,
      comment: input.comment ?? null,
    });
  }

  private async checkSignature(w: WriteTx, p: Principal, sig: { password: string; code: string }) {
    const check = await checkPasswordAndCode(w, p.personId, sig.password, sig.code, true);
    if (check === 'OK') return;
    const notSetUp = check === 'NOT_SET_UP';
    throw new AppError(
      SubmissionError.SIGNATURE_INVALID,
      notSetUp ? 'Du har ingen bekräftad engångskod; ställ in den först.' : 'Fel lösenord eller engångskod.',
      {
        details: [
          { path: '$.signature', message: notSetUp ? 'engångskod saknas' : 'fel lösenord eller kod' },
        ],
      },
    );
  }

  async reopen(p: Principal, id: string, reason: string): Promise<SubmissionType> {
    const row = await this.reads.load(this.uow.reader, id);
    const d = decide(
      workflowFrom(row.workflow_config),
      stateOf(row),
      'reopen',
      { roles: rolesFor(p, row.organisation_id, row.insats_id) },
      { comment: reason },
    );
    if (!d.ok) throw new AppError(REFUSAL[d.reason], d.message);
    const newId = await this.uow.write(async (w) => {
      if (!(await this.store.supersede(w, id, row.version)))
        throw new AppError(
          SubmissionError.INVALID_TRANSITION,
          'Någon hann före: uppföljningen har redan öppnats igen.',
        );
      const n = await this.store.insertRevision(w, row, p.personId);
      await this.store.audit(w, {
        organisationId: row.organisation_id,
        actorId: p.personId,
        action: 'submission.reopened',
        entityType: 'submission',
        entityId: id,
        fromState: 'APPROVED',
        toState: 'SUPERSEDED',
        payload: { reason, newRevisionId: n, revision: row.revision + 1 },
        documentHash: row.content_hash,
      });
      await this.store.audit(w, {
        organisationId: row.organisation_id,
        actorId: p.personId,
        action: 'submission.revision_started',
        entityType: 'submission',
        entityId: n,
        toState: 'DRAFT',
        payload: { previousRevisionId: id, revision: row.revision + 1 },
      });
      return n;
    });
    this.events.publish(newId, row.organisation_id);
    return this.reads.get(newId);
  }
}
