import { Injectable } from '@nestjs/common';
import { budgetSchema, forecastSchema, fundingSchema, ValidationIssue } from '@app/domain';
import { appendAudit, readBudgets, readForecasts, Tx, UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { LedgerError } from '../common/errors/error-codes';
import { checkVersion, namedIssue, namedIssues, versionConflict } from '../finance-setup/setup-guard';
import { BudgetInput, BudgetType, ForecastInput, ForecastType, FundingInput } from './ledger.types';
import * as store from './budget.store';

/**
 * Budgets, supplementary decisions (tilläggsbudget), forecasts and funding: decisions with dates, validated with the
 * bundle's rules, guarded by the version the editor started from, each change audited in its own transaction.
 */
@Injectable()
export class BudgetService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Every amount line names a cost centre of the förbund. */
  private async lineIssues(tx: Tx, organisationId: string, lines: unknown): Promise<ValidationIssue[]> {
    if (!lines || typeof lines !== 'object' || Array.isArray(lines)) return [];
    const codes = await store.costCentreCodes(tx, organisationId);
    return Object.keys(lines)
      .filter((code) => !codes.has(code))
      .map((code) => namedIssue(['lines', code], `okänt kostnadsställe "${code}"`));
  }

  private refuse(what: string, issues: ValidationIssue[]): void {
    if (issues.length)
      throw new AppError(LedgerError.BUDGET_INVALID, `${what} innehåller fel och har inte sparats.`, {
        details: dedupe(issues),
      });
  }

  async saveBudget(organisationId: string, input: BudgetInput, actorId: string): Promise<string> {
    const kind = (input.kind ?? 'ORDINARY') as 'ORDINARY' | 'SUPPLEMENTARY';
    const { version, ...fields } = input;
    const parsed = budgetSchema.safeParse({
      year: fields.year,
      decided: fields.decided,
      kind,
      lines: fields.lines,
      ...(fields.fundedBy ? { fundedBy: fields.fundedBy } : {}),
      ...(fields.outlook ? { outlook: fields.outlook } : {}),
      ...(fields.financing ? { financing: fields.financing } : {}),
      ...(fields.lineIncome ? { lineIncome: fields.lineIncome } : {}),
    });
    const issues = parsed.success ? [] : namedIssues(parsed.error.issues);
    issues.push(...(await this.lineIssues(this.uow.reader, organisationId, fields.lines)));
    if (fields.lineIncome && typeof fields.lineIncome === 'object')
      for (const code of Object.keys(fields.lineIncome))
        if (!(code in (fields.lines ?? {})))
          issues.push(namedIssue(['lineIncome', code], `raden "${code}" finns inte bland budgetens rader`));
    if (kind === 'SUPPLEMENTARY' && !fields.fundedBy && fields.fundedBy !== undefined)
      issues.push(namedIssue(['fundedBy'], 'ange hur tilläggsbudgeten finansieras'));
    this.refuse('Budgeten', issues);
    return this.uow.write(async (tx) => {
      const what = kind === 'SUPPLEMENTARY' ? 'Tilläggsbudgeten' : 'Budgeten';
      const current = await store.budgetForUpdate(tx, organisationId, {
        year: input.year,
        decided: input.decided,
        kind,
      });
      checkVersion(current, version, `${what} för ${input.year} beslutad ${input.decided}`);
      if (!current && kind === 'SUPPLEMENTARY' && !fields.fundedBy)
        this.refuse(what, [namedIssue(['fundedBy'], 'ange hur tilläggsbudgeten finansieras')]);
      // What the editor did not send is kept: saving the lines does not wipe the outlook (issue 18).
      const head = {
        fundedBy: fields.fundedBy === undefined ? (current?.fundedBy ?? null) : fields.fundedBy || null,
        outlook: fields.outlook === undefined ? (current?.outlook ?? null) : fields.outlook,
        financing: fields.financing === undefined ? (current?.financing ?? null) : (fields.financing ?? null),
      };
      const saved = current
        ? await store.updateBudget(tx, current.id, current.version, head)
        : await store.insertBudget(tx, {
            organisationId,
            year: input.year,
            decided: input.decided,
            kind,
            ...head,
          });
      if (!saved) throw versionConflict(what);
      // Income budgeted on the lines is kept when the editor did not send it (saving the lines used to drop it).
      const lineIncome =
        fields.lineIncome === undefined
          ? await store.budgetLineIncome(tx, saved.id, input.lines)
          : (fields.lineIncome ?? {});
      await store.replaceBudgetLines(tx, saved.id, input.lines, lineIncome);
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'budget.saved',
        entityType: 'budget',
        entityId: saved.id,
        payload: {
          year: input.year,
          decided: input.decided,
          kind,
          ...head,
          lines: input.lines,
          lineIncome,
          version: saved.version,
        },
      });
      return saved.id;
    });
  }

  async saveForecast(organisationId: string, input: ForecastInput, actorId: string): Promise<string> {
    const { version, ...fields } = input;
    const parsed = forecastSchema.safeParse(fields);
    const issues = parsed.success ? [] : namedIssues(parsed.error.issues);
    issues.push(...(await this.lineIssues(this.uow.reader, organisationId, fields.lines)));
    this.refuse('Prognosen', issues);
    return this.uow.write(async (tx) => {
      const what = `Prognosen för ${input.year} per ${input.asOf}`;
      const current = await store.forecastForUpdate(tx, organisationId, input.year, input.asOf);
      checkVersion(current, version, what);
      const saved = current
        ? await store.touchForecast(tx, current.id, current.version)
        : await store.insertForecast(tx, { organisationId, year: input.year, asOf: input.asOf });
      if (!saved) throw versionConflict(what);
      await store.replaceForecastLines(tx, saved.id, input.lines);
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'forecast.saved',
        entityType: 'forecast',
        entityId: saved.id,
        payload: { year: input.year, asOf: input.asOf, lines: input.lines, version: saved.version },
      });
      return saved.id;
    });
  }

  async saveFunding(organisationId: string, input: FundingInput, actorId: string): Promise<void> {
    const { version, ...fields } = input;
    const parsed = fundingSchema.safeParse({ ...fields, note: fields.note ?? undefined });
    const issues = parsed.success ? [] : namedIssues(parsed.error.issues);
    if (!(await store.partyExists(this.uow.reader, organisationId, input.party)))
      issues.push(namedIssue(['party'], `okänd part "${input.party}"`));
    this.refuse('Finansieringen', issues);
    await this.uow.write(async (tx) => {
      const what = `Medlen från ${input.party} för ${input.year}`;
      const current = await store.fundingForUpdate(tx, organisationId, input.year, input.party);
      checkVersion(current, version, what);
      const saved = await store.writeFunding(tx, current?.version ?? null, {
        organisationId,
        year: input.year,
        partyKey: input.party,
        amount: input.amount,
        account: input.account,
        note: input.note ?? null,
      });
      if (saved === null) throw versionConflict(what);
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'funding.saved',
        entityType: 'funding',
        entityId: `${input.year}/${input.party}`,
        payload: { ...fields, version: saved },
      });
    });
  }

  /** The number employed in a year (issue 18: staff are the förbund's data, a förbund may employ its chef). */
  async saveStaffCount(organisationId: string, year: number, staff: number, actorId: string): Promise<void> {
    const issues: ValidationIssue[] = [];
    if (!Number.isInteger(year) || year < 1990 || year > 2200)
      issues.push(namedIssue(['year'], 'ska vara ett år från 1990 till 2200'));
    if (!Number.isInteger(staff) || staff < 0 || staff > 10000)
      issues.push(namedIssue(['staff'], 'ska vara ett heltal från 0'));
    this.refuse('Antalet anställda', issues);
    await this.uow.write(async (tx) => {
      const prior = await store.writeStaffCount(tx, organisationId, year, staff);
      await appendAudit(tx, {
        organisationId,
        actorId,
        action: 'key_figures.staff_saved',
        entityType: 'historical_key_figure',
        entityId: String(year),
        payload: { year, staff, prior },
      });
    });
  }

  async budgets(organisationId: string, year?: number | null): Promise<BudgetType[]> {
    const rows = await readBudgets(this.uow.reader, organisationId, year);
    const versions = await store.setupVersions(this.uow.reader, organisationId);
    return rows.map((r) => ({ ...r, version: versions.get(r.id) ?? 1 }));
  }

  async forecasts(organisationId: string, year?: number | null): Promise<ForecastType[]> {
    const rows = await readForecasts(this.uow.reader, organisationId, year);
    const versions = await store.setupVersions(this.uow.reader, organisationId);
    return rows.map((r) => ({ ...r, version: versions.get(r.id) ?? 1 }));
  }
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.path) && Boolean(seen.add(i.path)));
}
