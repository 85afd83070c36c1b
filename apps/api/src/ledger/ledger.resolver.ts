import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AccountRange, mapAccount, Principal, REPORT_LINES, Role } from '@app/domain';
import { LedgerReader } from '@app/infra';
import { Allow, CurrentPrincipal, scopeOf } from '../common/access/access.decorators';
import { DATA_SOURCE } from '../common/infra/tokens';
import { badInput } from '../common/errors/app-error';
import { SieImportService } from './sie-import.service';
import { BudgetService } from './budget.service';
import {
  AccountMappingRowType,
  BudgetInput,
  BudgetType,
  ForecastInput,
  ForecastType,
  FundingInput,
  LedgerAmountType,
  LedgerGrouping,
  SieImportType,
} from './ledger.types';

const EDITORS = [Role.ADMIN, Role.FORBUNDSCHEF];
const READERS = [Role.ADMIN, Role.FORBUNDSCHEF, Role.REVISOR];
const BOARD = [
  Role.ADMIN,
  Role.FORBUNDSCHEF,
  Role.REVISOR,
  Role.STYRELSELEDAMOT,
  Role.STYRELSEERSATTARE,
  Role.BEREDNINGSGRUPP,
];
const IMPORT_COLUMNS = `id, year, version, active, to_char(fiscal_year_start,'YYYY-MM-DD') AS "fiscalYearStart", to_char(fiscal_year_end,'YYYY-MM-DD') AS "fiscalYearEnd",
  vouchers, transactions, encoding, warnings, file_id AS "fileId", to_char(created_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"`;

@Resolver()
export class LedgerResolver {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly sie: SieImportService,
    private readonly budgetsService: BudgetService,
  ) {}

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => SieImportType, {
    description:
      'Läser in en uppladdad SIE 4-fil (allt eller inget); en ny inläsning av ett år blir en ny version.',
  })
  async importSie(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('fileId', { type: () => ID }) fileId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SieImportType> {
    const r = await this.sie.importFile(organisationId, fileId, me.personId);
    const [row] = await this.ds.query(`SELECT ${IMPORT_COLUMNS} FROM sie_import WHERE id = $1`, [r.id]);
    return row;
  }

  @Allow(READERS, scopeOf.organisationId())
  @Query(() => [SieImportType], { description: 'Förbundets SIE-inläsningar, alla versioner, nyast först.' })
  sieImports(@Args('organisationId', { type: () => ID }) organisationId: string): Promise<SieImportType[]> {
    return this.ds.query(
      `SELECT ${IMPORT_COLUMNS} FROM sie_import WHERE organisation_id = $1 AND version > 0 ORDER BY year DESC, version DESC`,
      [organisationId],
    );
  }

  @Allow(READERS, scopeOf.organisationId())
  @Query(() => [LedgerAmountType], {
    description:
      'Utfall per konto och/eller kostnadsställe för ett datumintervall inom ett inläst räkenskapsår.',
  })
  async ledgerBalances(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('groupBy', { type: () => LedgerGrouping, defaultValue: LedgerGrouping.ACCOUNT })
    groupBy: LedgerGrouping,
  ): Promise<LedgerAmountType[]> {
    const reader = new LedgerReader(this.ds.manager);
    const imp = await reader.importCovering(organisationId, from);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(from) ||
      !/^\d{4}-\d{2}-\d{2}$/.test(to) ||
      !imp ||
      to > imp.end ||
      to < from
    ) {
      throw badInput([
        { path: '$.from', message: 'intervallet ska ligga inom ett inläst räkenskapsår (ÅÅÅÅ-MM-DD)' },
      ]);
    }
    const [accountCol, centreCol] = {
      [LedgerGrouping.ACCOUNT]: ['t.account', 'NULL::text'],
      [LedgerGrouping.COST_CENTRE]: ['NULL::text', 't.cost_centre'],
      [LedgerGrouping.ACCOUNT_AND_COST_CENTRE]: ['t.account', 't.cost_centre'],
    }[groupBy];
    return this.ds.query(
      `SELECT g.account, a.name AS "accountName", g.cost_centre AS "costCentre", g.amount FROM (
         SELECT ${accountCol} AS account, ${centreCol} AS cost_centre, sum(t.amount)::text AS amount
           FROM ledger_transaction t WHERE t.import_id = $1 AND t.voucher_date BETWEEN $2 AND $3 GROUP BY 1, 2) g
         LEFT JOIN ledger_account a ON a.import_id = $1 AND a.account = g.account
        ORDER BY g.account NULLS FIRST, g.cost_centre NULLS FIRST`,
      [imp.id, from, to],
    );
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Query(() => [AccountMappingRowType], {
    description:
      'Varje konto i årets huvudbok med sin rapportrad; konton som inte hamnar någonstans flaggas.',
  })
  async accountMapping(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<AccountMappingRowType[]> {
    const [org] = await this.ds.query('SELECT account_mapping FROM organisation WHERE id = $1', [
      organisationId,
    ]);
    const overrides = (org?.account_mapping ?? []) as AccountRange[];
    const accounts: Array<{ account: string; name: string }> = await this.ds.query(
      `SELECT a.account, a.name FROM ledger_account a JOIN sie_import i ON i.id = a.import_id WHERE i.organisation_id = $1 AND i.year = $2 AND i.active ORDER BY a.account`,
      [organisationId, year],
    );
    return accounts.map((a) => {
      const line = mapAccount(a.account, overrides);
      return {
        account: a.account,
        name: a.name,
        line,
        lineLabel: line ? REPORT_LINES[line] : null,
        mapped: line !== null,
      };
    });
  }

  @Allow(BOARD, scopeOf.organisationId())
  @Query(() => [BudgetType])
  budgets(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ): Promise<BudgetType[]> {
    return this.budgetsService.budgets(organisationId, year);
  }

  @Allow(BOARD, scopeOf.organisationId())
  @Query(() => [ForecastType])
  forecasts(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ): Promise<ForecastType[]> {
    return this.budgetsService.forecasts(organisationId, year);
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => ID, { description: 'Sparar ett budgetbeslut (eller tilläggsbeslut) med beslutsdatum.' })
  saveBudget(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('budget') budget: BudgetInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<string> {
    return this.budgetsService.saveBudget(organisationId, budget, me.personId);
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => ID, { description: 'Sparar en prognos per kostnadsställe.' })
  saveForecast(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('forecast') forecast: ForecastInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<string> {
    return this.budgetsService.saveForecast(organisationId, forecast, me.personId);
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => Boolean, { description: 'Sparar en parts medlemsavgift för ett år.' })
  async saveFunding(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('funding') funding: FundingInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<boolean> {
    await this.budgetsService.saveFunding(organisationId, funding, me.personId);
    return true;
  }
}
