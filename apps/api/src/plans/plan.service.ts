import { Injectable } from '@nestjs/common';
import {
  computePlanBudget,
  decidePlan,
  Plan,
  PlanBudget,
  PlanCheck,
  planChecks,
  PlanGoal,
  PlanStatus,
  validatePlan,
  ValidationIssue,
} from '@app/domain';
import {
  appendAudit,
  LastYearLine,
  planReader,
  readLastYearLines,
  Tx,
  UnitOfWork,
  WriteTx,
} from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { PlanError } from './plan.errors';
import { NewPlanRevision, PlanRow, planStore } from './plan.store';
import { nextYearFrom, emptyPlan } from './plan-copy';

export interface PlanView {
  row: PlanRow;
  plan: Plan | null;
  issues: ValidationIssue[];
  budget: PlanBudget | null;
  checks: PlanCheck[];
  /** Last year's budget, forecast and outcome per cost centre, beside each line. */
  lastYear: LastYearLine[];
}

/**
 * The verksamhetsplan och budget, written in the platform by the förbundschef: started from last year's
 * decided plan, saved against its version, checked like a report.
 */
@Injectable()
export class PlanService {
  constructor(private readonly uow: UnitOfWork) {}

  async get(organisationId: string, year: number): Promise<PlanView | null> {
    return this.uow.read(async (tx) => {
      const row = await planReader.current(tx, organisationId, year);
      return row ? this.view(tx, row) : null;
    });
  }

  /** Starts the year's plan as a copy of the last decided one (or empty); an existing plan is returned as it is. */
  async start(organisationId: string, year: number, actorId: string): Promise<PlanView> {
    return this.uow.write(async (tx) => {
      const existing = await planReader.current(tx, organisationId, year);
      if (existing) return this.view(tx, existing);
      const previous = await planReader.lastDecidedBefore(tx, organisationId, year);
      const parsed = previous ? validatePlan(previous.data) : null;
      const data = parsed?.ok ? nextYearFrom(parsed.plan, year) : emptyPlan(year);
      return this.startDraft(tx, { organisationId, year, data, basedOn: previous?.id ?? null, actorId });
    });
  }

  /**
   * A decided plan changes only through a new revision: a draft copy of it, decided in its turn (the decided
   * one stays in force until then). An open revision is returned as it is.
   */
  async revise(organisationId: string, year: number, actorId: string): Promise<PlanView> {
    return this.uow.write(async (tx) => {
      const current = await planReader.current(tx, organisationId, year);
      if (!current)
        throw new AppError(
          PlanError.NOT_FOUND,
          `Det finns ingen verksamhetsplan för ${year}; starta den först.`,
        );
      if (current.status !== PlanStatus.DECIDED) return this.view(tx, current);
      return this.startDraft(tx, { organisationId, year, data: current.data, basedOn: current.id, actorId });
    });
  }

  async save(
    organisationId: string,
    year: number,
    version: number,
    data: unknown,
    actorId: string,
  ): Promise<PlanView> {
    const v = validatePlan(data);
    if (!v.ok)
      throw new AppError(PlanError.INVALID, 'Planen innehåller fel och har inte sparats.', {
        details: v.issues,
      });
    if (v.plan.year !== year)
      throw new AppError(PlanError.INVALID, 'Planen gäller ett annat år.', {
        details: [{ path: '$.year', message: `ska vara ${year}` }],
      });
    return this.uow.write(async (tx) => {
      const current = await planReader.current(tx, organisationId, year);
      if (!current)
        throw new AppError(
          PlanError.NOT_FOUND,
          `Det finns ingen verksamhetsplan för ${year}; starta den först.`,
        );
      const d = decidePlan(current.status, 'save');
      if (!d.ok) throw new AppError(PlanError.INVALID_TRANSITION, d.message);
      const saved = await planStore.saveData(tx, current.id, version, v.plan, actorId);
      if (!saved)
        throw new AppError(
          PlanError.VERSION_CONFLICT,
          'Någon annan har sparat planen sedan du öppnade den. Hämta den senaste versionen och gör om ändringen.',
          { currentVersion: current.version },
        );
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'plan.saved',
        entityType: 'plan',
        entityId: saved.id,
        payload: { year, version: saved.version },
      });
      return this.view(tx, saved);
    });
  }

  /** A new draft revision of the year's plan (`basedOn` the plan it copies, if any), audited as plan.started. */
  private async startDraft(tx: WriteTx, draft: NewPlanRevision): Promise<PlanView> {
    const row = await planStore.insert(tx, draft);
    await appendAudit(tx, {
      organisationId: draft.organisationId,
      actorId: draft.actorId,
      action: 'plan.started',
      entityType: 'plan',
      entityId: row.id,
      toState: PlanStatus.DRAFT,
      payload: { year: draft.year, revision: row.revision, basedOn: draft.basedOn },
    });
    return this.view(tx, row);
  }

  private async view(tx: Tx, row: PlanRow): Promise<PlanView> {
    const v = validatePlan(row.data);
    const lastYear = await readLastYearLines(tx, row.organisationId, row.year);
    if (!v.ok) return { row, plan: null, issues: v.issues, budget: null, checks: [], lastYear };
    // One query at a time: a transaction's connection runs them in order anyway.
    const parties = await planReader.parties(tx, row.organisationId);
    const insatser = await planReader.insatser(tx, row.organisationId);
    const previousGoals = await this.previousGoals(tx, row.organisationId, row.year);
    const budget = computePlanBudget(v.plan, parties);
    return {
      row,
      plan: v.plan,
      issues: [],
      budget,
      checks: planChecks({ plan: v.plan, budget, previousGoals, insatser }),
      lastYear,
    };
  }

  /** Last year's goals: the previous decided plan's, else the goals the förbund keeps for that year. */
  private async previousGoals(tx: Tx, organisationId: string, year: number): Promise<PlanGoal[]> {
    const prev = await planReader.lastDecidedBefore(tx, organisationId, year);
    const parsed = prev && prev.year === year - 1 ? validatePlan(prev.data) : null;
    if (parsed?.ok) return parsed.plan.financialGoals;
    return planReader.goals(tx, organisationId, year - 1);
  }
}
