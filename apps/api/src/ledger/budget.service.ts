import { Injectable } from '@nestjs/common';
import { isDecimalString, ValidationIssue } from '@app/domain';
import { appendAudit, readBudgets, readForecasts, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { LedgerError } from '../common/errors/error-codes';
import { BudgetInput, ForecastInput, FundingInput } from './ledger.types';
import {
  costCentreCodes,
  partyExists,
  replaceBudgetLines,
  replaceForecastLines,
  upsertBudget,
  upsertForecast,
  upsertFunding,
} from './budget.store';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Budgets, supplementary decisions, forecasts and funding: decisions with dates, each change audited. */
@Injectable()
export class BudgetService {
  constructor(private readonly uow: UnitOfWork) {}

  private async checkLines(
    organisationId: string,
    lines: Record<string, string>,
    base: string,
    issues: ValidationIssue[],
  ): Promise<void> {
    if (!lines || typeof lines !== 'object' || Array.isArray(lines)) {
      issues.push({ path: base, message: 'ska vara ett objekt kostnadsställe → belopp' });
      return;
    }
    const codes = await costCentreCodes(this.uow.reader, organisationId);
    for (const [code, amount] of Object.entries(lines)) {
      if (!codes.has(code))
        issues.push({ path: `${base}["${code}"]`, message: `okänt kostnadsställe "${code}"` });
      if (!isDecimalString(amount))
        issues.push({ path: `${base}["${code}"]`, message: 'ska vara ett belopp som decimaltal i text' });
    }
  }

  async saveBudget(organisationId: string, input: BudgetInput, actorId: string): Promise<string> {
    const issues: ValidationIssue[] = [];
    const kind = input.kind ?? 'ORDINARY';
    if (!['ORDINARY', 'SUPPLEMENTARY'].includes(kind))
      issues.push({ path: '$.kind', message: 'ska vara ORDINARY eller SUPPLEMENTARY' });
    if (!DATE.test(input.decided))
      issues.push({ path: '$.decided', message: 'ska vara ett datum ÅÅÅÅ-MM-DD' });
    await this.checkLines(organisationId, input.lines, '$.lines', issues);
    for (const [y, a] of Object.entries(input.outlook ?? {})) {
      if (!/^\d{4}$/.test(y) || !isDecimalString(a))
        issues.push({ path: `$.outlook["${y}"]`, message: 'ska vara årtal → belopp' });
    }
    if (issues.length)
      throw new AppError(LedgerError.BUDGET_INVALID, 'Budgeten innehåller fel och har inte sparats.', {
        details: issues,
      });
    return this.uow.write(async (em) => {
      const budgetId = await upsertBudget(em, {
        organisationId,
        year: input.year,
        decided: input.decided,
        kind,
        fundedBy: input.fundedBy ?? null,
        outlook: input.outlook ?? null,
      });
      await replaceBudgetLines(em, budgetId, input.lines);
      await appendAudit(em, {
        organisationId,
        actorId,
        action: 'budget.saved',
        entityType: 'budget',
        entityId: budgetId,
        payload: { ...input, kind },
      });
      return budgetId;
    });
  }

  async saveForecast(organisationId: string, input: ForecastInput, actorId: string): Promise<string> {
    const issues: ValidationIssue[] = [];
    if (!DATE.test(input.asOf)) issues.push({ path: '$.asOf', message: 'ska vara ett datum ÅÅÅÅ-MM-DD' });
    await this.checkLines(organisationId, input.lines, '$.lines', issues);
    if (issues.length)
      throw new AppError(LedgerError.BUDGET_INVALID, 'Prognosen innehåller fel och har inte sparats.', {
        details: issues,
      });
    return this.uow.write(async (em) => {
      const forecastId = await upsertForecast(em, {
        organisationId,
        year: input.year,
        asOf: input.asOf,
      });
      await replaceForecastLines(em, forecastId, input.lines);
      await appendAudit(em, {
        organisationId,
        actorId,
        action: 'forecast.saved',
        entityType: 'forecast',
        entityId: forecastId,
        payload: { ...input },
      });
      return forecastId;
    });
  }

  async saveFunding(organisationId: string, input: FundingInput, actorId: string): Promise<void> {
    const issues: ValidationIssue[] = [];
    if (!isDecimalString(input.amount))
      issues.push({ path: '$.amount', message: 'ska vara ett belopp som decimaltal i text' });
    if (!/^\d{4}$/.test(input.account))
      issues.push({ path: '$.account', message: 'ska vara ett fyrsiffrigt konto' });
    if (!(await partyExists(this.uow.reader, organisationId, input.party)))
      issues.push({ path: '$.party', message: `okänd part "${input.party}"` });
    if (issues.length)
      throw new AppError(LedgerError.BUDGET_INVALID, 'Finansieringen innehåller fel och har inte sparats.', {
        details: issues,
      });
    await this.uow.write(async (em) => {
      await upsertFunding(em, {
        organisationId,
        year: input.year,
        partyKey: input.party,
        amount: input.amount,
        account: input.account,
        note: input.note ?? null,
      });
      await appendAudit(em, {
        organisationId,
        actorId,
        action: 'funding.saved',
        entityType: 'funding',
        entityId: `${input.year}/${input.party}`,
        payload: { ...input },
      });
    });
  }

  budgets(organisationId: string, year?: number | null) {
    return readBudgets(this.uow.reader, organisationId, year);
  }

  forecasts(organisationId: string, year?: number | null) {
    return readForecasts(this.uow.reader, organisationId, year);
  }
}
