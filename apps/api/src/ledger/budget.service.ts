import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDecimalString, ValidationIssue } from '@app/domain';
import { appendAudit, readBudgets, readForecasts } from '@app/infra';
import { DATA_SOURCE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { LedgerError } from '../common/errors/error-codes';
import { BudgetInput, ForecastInput, FundingInput } from './ledger.types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Budgets, supplementary decisions, forecasts and funding: decisions with dates, each change audited. */
@Injectable()
export class BudgetService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

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
    const codes = new Set(
      (await this.ds.query('SELECT code FROM cost_centre WHERE organisation_id = $1', [organisationId])).map(
        (r: { code: string }) => r.code,
      ),
    );
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
    return this.ds.transaction(async (em) => {
      const [b] = await em.query(
        `INSERT INTO budget (organisation_id, year, decided, kind, funded_by, outlook) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (organisation_id, year, decided, kind) DO UPDATE SET funded_by = EXCLUDED.funded_by, outlook = EXCLUDED.outlook, updated_at = now()
         RETURNING id`,
        [
          organisationId,
          input.year,
          input.decided,
          kind,
          input.fundedBy ?? null,
          input.outlook ? JSON.stringify(input.outlook) : null,
        ],
      );
      await em.query('DELETE FROM budget_line WHERE budget_id = $1', [b.id]);
      for (const [code, amount] of Object.entries(input.lines)) {
        await em.query('INSERT INTO budget_line (budget_id, cost_centre_code, amount) VALUES ($1,$2,$3)', [
          b.id,
          code,
          amount,
        ]);
      }
      await appendAudit(em, {
        organisationId,
        actorId,
        action: 'budget.saved',
        entityType: 'budget',
        entityId: b.id,
        payload: { ...input, kind },
      });
      return b.id as string;
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
    return this.ds.transaction(async (em) => {
      const [f] = await em.query(
        `INSERT INTO forecast (organisation_id, year, as_of) VALUES ($1,$2,$3)
         ON CONFLICT (organisation_id, year, as_of) DO UPDATE SET updated_at = now() RETURNING id`,
        [organisationId, input.year, input.asOf],
      );
      await em.query('DELETE FROM forecast_line WHERE forecast_id = $1', [f.id]);
      for (const [code, amount] of Object.entries(input.lines)) {
        await em.query(
          'INSERT INTO forecast_line (forecast_id, cost_centre_code, amount) VALUES ($1,$2,$3)',
          [f.id, code, amount],
        );
      }
      await appendAudit(em, {
        organisationId,
        actorId,
        action: 'forecast.saved',
        entityType: 'forecast',
        entityId: f.id,
        payload: { ...input },
      });
      return f.id as string;
    });
  }

  async saveFunding(organisationId: string, input: FundingInput, actorId: string): Promise<void> {
    const issues: ValidationIssue[] = [];
    if (!isDecimalString(input.amount))
      issues.push({ path: '$.amount', message: 'ska vara ett belopp som decimaltal i text' });
    if (!/^\d{4}$/.test(input.account))
      issues.push({ path: '$.account', message: 'ska vara ett fyrsiffrigt konto' });
    const [party] = await this.ds.query('SELECT 1 FROM party WHERE organisation_id = $1 AND key = $2', [
      organisationId,
      input.party,
    ]);
    if (!party) issues.push({ path: '$.party', message: `okänd part "${input.party}"` });
    if (issues.length)
      throw new AppError(LedgerError.BUDGET_INVALID, 'Finansieringen innehåller fel och har inte sparats.', {
        details: issues,
      });
    await this.ds.transaction(async (em) => {
      await em.query(
        `INSERT INTO funding (organisation_id, year, party_key, amount, account, note) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (organisation_id, year, party_key) DO UPDATE SET amount = EXCLUDED.amount, account = EXCLUDED.account, note = EXCLUDED.note, updated_at = now()`,
        [organisationId, input.year, input.party, input.amount, input.account, input.note ?? null],
      );
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
    return readBudgets(this.ds.manager, organisationId, year);
  }

  forecasts(organisationId: string, year?: number | null) {
    return readForecasts(this.ds.manager, organisationId, year);
  }
}
