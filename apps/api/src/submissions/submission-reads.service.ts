import { Injectable } from '@nestjs/common';
import {
  chainView,
  EDITABLE,
  FormContext,
  INSATS_ROLES,
  periodDeadline,
  periodKind,
  periodYear,
  Principal,
  Role,
  roleLabel,
  ROLE_PHRASE,
  STATUS_LABEL,
  submissionStatusLabel,
  SubmissionState,
  validateAnswers,
  waitingFor,
  workflowFrom,
} from '@app/domain';
import { Tx, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { SubmissionError } from '../common/errors/error-codes';
import { SubmissionRow, SubmissionStore } from './submission.store';
import { rolesFor } from './submission-roles';
import * as batch from './submission-batch.store';
import type { WaitingRow } from './submission-batch.store';
import { matpunkterOf } from '../organisations/organisation.store';
import { SubmissionType } from './submission.types';

export const stateOf = (
  row: Pick<SubmissionRow, 'status' | 'step' | 'approvals_at_step'>,
): SubmissionState => ({
  status: row.status,
  step: row.step,
  approvalsAtStep: row.approvals_at_step,
});

/**
 * Adds `validationErrors` and `derived` as properties computed on first read (and then kept): a list asked only
 * for ids and statuses (the inbox under load) validates no answers. They stay enumerable, so the object reads and
 * serialises as before.
 */
function withLazyValidation(
  type: Omit<SubmissionType, 'validationErrors' | 'derived'>,
  validate: () => ReturnType<typeof validateAnswers>,
): SubmissionType {
  let result: ReturnType<typeof validateAnswers> | undefined;
  const once = () => (result ??= validate());
  let derived: SubmissionType['derived'] | undefined;
  Object.defineProperties(type, {
    validationErrors: { enumerable: true, get: () => once().issues },
    derived: {
      enumerable: true,
      get: () => (derived ??= { ...once().derived, foreslagna_bedomningar: once().suggestions }),
    },
  });
  return type as SubmissionType;
}

/** The read side: one submission, a förbund's list, my inbox, comments and history. */
@Injectable()
export class SubmissionReads {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: SubmissionStore,
  ) {}

  async load(tx: Tx, id: string): Promise<SubmissionRow> {
    const row = await this.store.byId(tx, id);
    if (!row) throw new AppError(SubmissionError.NOT_FOUND, 'Uppföljningen finns inte.');
    return row;
  }

  async context(
    tx: Tx,
    row: Pick<SubmissionRow, 'insats_id' | 'insats_type' | 'period'>,
  ): Promise<FormContext> {
    const matpunkter = await this.store.matpunkter(tx, row.insats_id, periodYear(row.period)!);
    return {
      insatsType: row.insats_type,
      period: periodKind(row.period)!,
      matpunkter: matpunkter as FormContext['matpunkter'],
    };
  }

  async toType(row: SubmissionRow): Promise<SubmissionType> {
    return this.typeIn(this.uow.reader, row);
  }

  /** The row as the API shows it, its mätpunkter read through `tx` (a write's own transaction, say). */
  async typeIn(tx: Tx, row: SubmissionRow): Promise<SubmissionType> {
    return this.typeWith(row, await this.context(tx, row));
  }

  /** Many rows with their mätpunkter loaded in one query (lists and the inbox: no query per row). */
  async toTypes(rows: readonly SubmissionRow[]): Promise<SubmissionType[]> {
    const byKey = await matpunkterOf(
      this.uow.reader,
      rows.map((r) => ({ insatsId: r.insats_id, year: periodYear(r.period)! })),
    );
    return rows.map((r) =>
      this.typeWith(r, {
        insatsType: r.insats_type,
        period: periodKind(r.period)!,
        matpunkter: (byKey.get(`${r.insats_id}:${periodYear(r.period)}`) ?? []) as FormContext['matpunkter'],
      }),
    );
  }

  private typeWith(row: SubmissionRow, ctx: FormContext): SubmissionType {
    const state = stateOf(row);
    const wf = workflowFrom(row.workflow_config);
    const year = periodYear(row.period)!;
    const type = {
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
      approvalChain: chainView(wf, state).map((c) => ({ ...c, roleLabel: roleLabel(c.role) })),
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
      templateKey: row.template_key,
      templateVersion: row.template_version,
      waitingFor: waitingFor(wf, state),
      statusLabel: submissionStatusLabel(wf, state, { status: STATUS_LABEL, rolePhrase: ROLE_PHRASE }),
      contentHash: row.content_hash,
      submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
      approvedAt: row.approved_at ? new Date(row.approved_at).toISOString() : null,
      updatedAt: new Date(row.updated_at).toISOString(),
    } as Omit<SubmissionType, 'validationErrors' | 'derived'>;
    return withLazyValidation(type, () => validateAnswers(row.definition, row.answers, ctx));
  }

  async get(id: string): Promise<SubmissionType> {
    return this.toType(await this.load(this.uow.reader, id));
  }

  async list(p: Principal, organisationId: string, period?: string | null): Promise<SubmissionType[]> {
    const orgWide =
      p.isPlatformAdmin ||
      p.grants.some((g) => g.organisationId === organisationId && !INSATS_ROLES.includes(g.role));
    const insatsIds = p.grants
      .filter((g) => g.organisationId === organisationId && g.insatsId)
      .map((g) => g.insatsId as string);
    const rows = await this.store.listForOrganisation(this.uow.reader, {
      organisationId,
      period: period ?? null,
      orgWide,
      insatsIds,
    });
    return this.toTypes(rows);
  }

  /** What waits for me, across my förbund. */
  async inbox(p: Principal): Promise<SubmissionType[]> {
    const waiting = await this.inboxRows(p);
    return this.toTypes(
      await this.store.byIds(
        this.uow.reader,
        waiting.map((r) => r.id),
      ),
    );
  }

  /**
   * The current follow-ups that wait for me (a fixed number of queries, whatever their number). Only the rows my
   * grants reach are read (an insats role reads its insatser's, not the whole förbund's), and without their
   * answers: which of them wait for me is decided on status, step and the förbund's workflow.
   */
  async inboxRows(p: Principal): Promise<WaitingRow[]> {
    const orgWide = [
      ...new Set(p.grants.filter((g) => !INSATS_ROLES.includes(g.role)).map((g) => g.organisationId)),
    ];
    const insatsIds = [
      ...new Set(
        p.grants.filter((g) => INSATS_ROLES.includes(g.role) && g.insatsId).map((g) => g.insatsId as string),
      ),
    ];
    if (!orgWide.length && !insatsIds.length) return [];
    const tx = this.uow.reader;
    // One workflow per förbund, not one parse per row.
    const workflows = new Map<string, ReturnType<typeof workflowFrom>>();
    const workflowOf = (r: WaitingRow) => {
      let wf = workflows.get(r.organisation_id);
      if (!wf) workflows.set(r.organisation_id, (wf = workflowFrom(r.workflow_config)));
      return wf;
    };
    const rows = (await batch.openFor(tx, { organisationIds: orgWide, insatsIds })).filter((r) => {
      const waiting = waitingFor(workflowOf(r), stateOf(r));
      return (
        !!waiting &&
        rolesFor(p, r.organisation_id, r.insats_id).includes(waiting) &&
        !(waiting === Role.PROJEKTAGARE && !EDITABLE.has(r.status))
      );
    });
    // One query for my approvals of them all: a step I already approved waits for someone else.
    const mine = await batch.approvalsByPerson(
      tx,
      rows.map((r) => r.id),
      p.personId,
    );
    return rows.filter(
      (r) =>
        waitingFor(workflowOf(r), stateOf(r)) === Role.PROJEKTAGARE ||
        !mine.has(`${r.id}:${r.round}:${r.step}`),
    );
  }
}
