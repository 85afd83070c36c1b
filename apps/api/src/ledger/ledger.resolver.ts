import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { mapAccount, Principal, REPORT_LINES, Role } from '@app/domain';
import { LedgerReader, UnitOfWork } from '@app/infra';
import { Allow, CurrentPrincipal, scopeOf } from '../common/access/access.decorators';
import { badInput } from '../common/errors/app-error';
import { SieImportService } from './sie-import.service';
import { BudgetService } from './budget.service';
import { sieImportById, sieImports } from './sie-import.store';
import { accountMappingOverrides, accountsOfYear, ledgerAmounts } from './ledger.store';
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

@Resolver()
export class LedgerResolver {
  constructor(
    private readonly uow: UnitOfWork,
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
    return (await sieImportById(this.uow.reader, r.id))!;
  }

  @Allow(READERS, scopeOf.organisationId())
  @Query(() => [SieImportType], { description: 'Förbundets SIE-inläsningar, alla versioner, nyast först.' })
  sieImports(@Args('organisationId', { type: () => ID }) organisationId: string): Promise<SieImportType[]> {
    return sieImports(this.uow.reader, organisationId);
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
    const reader = new LedgerReader(this.uow.reader);
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
    return ledgerAmounts(this.uow.reader, { importId: imp.id, from, to, groupBy });
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
    const overrides = await accountMappingOverrides(this.uow.reader, organisationId);
    const accounts = await accountsOfYear(this.uow.reader, organisationId, year);
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

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => Boolean, {
    description:
      'Sparar antalet anställda ett år (femårsöversikten); ett förbund som anställer sin förbundschef har en.',
  })
  async saveStaffCount(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('staff', { type: () => Int }) staff: number,
    @CurrentPrincipal() me: Principal,
  ): Promise<boolean> {
    await this.budgetsService.saveStaffCount(organisationId, year, staff, me.personId);
    return true;
  }
}
