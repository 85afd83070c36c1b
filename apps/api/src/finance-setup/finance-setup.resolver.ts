import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Principal, Role } from '@app/domain';
import { Allow, CurrentPrincipal, scopeOf } from '../common/access/access.decorators';
import { FinanceSetupService } from './finance-setup.service';
import {
  CostCentreInput,
  CostCentreSetupType,
  FinanceSetupType,
  FinancialGoalInput,
  FinancialGoalSetupType,
  KommunKeyInput,
  KommunKeyType,
  PartyInput,
  PartySetupType,
} from './finance-setup.types';

/** The kansli and the förbundschef change the set-up; the revisorer read it. */
const EDITORS = [Role.ADMIN, Role.FORBUNDSCHEF];
const READERS = [Role.ADMIN, Role.FORBUNDSCHEF, Role.REVISOR];

/** Issue 18: the förbund's financial set-up without the platform admin (the bundle stays for migrations). */
@Resolver()
export class FinanceSetupResolver {
  constructor(private readonly setupService: FinanceSetupService) {}

  @Allow(READERS, scopeOf.organisationId())
  @Query(() => FinanceSetupType, {
    description:
      'Förbundets ekonomiska grunduppgifter: kostnadsställen, parter, fördelningsnyckel, mål, medel.',
  })
  financeSetup(
    @Args('organisationId', { type: () => ID }) organisationId: string,
  ): Promise<FinanceSetupType> {
    return this.setupService.setup(organisationId);
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => CostCentreSetupType, {
    description:
      'Sparar ett kostnadsställe (med fördelning av delade kostnader); version är den du utgick från.',
  })
  saveCostCentre(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('costCentre') costCentre: CostCentreInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<CostCentreSetupType> {
    return this.setupService.saveCostCentre(organisationId, costCentre, me.personId);
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => PartySetupType, { description: 'Sparar en part; version är den du utgick från.' })
  saveParty(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('party') party: PartyInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<PartySetupType> {
    return this.setupService.saveParty(organisationId, party, me.personId);
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => KommunKeyType, {
    description: 'Sparar kommunernas fördelningsnyckel (andelarna blir tillsammans exakt 100 %).',
  })
  saveKommunKey(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('key') key: KommunKeyInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<KommunKeyType> {
    return this.setupService.saveKommunKey(organisationId, key, me.personId);
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => FinancialGoalSetupType, {
    description: 'Sparar ett finansiellt mål med mått, jämförelse och värde; version är den du utgick från.',
  })
  saveFinancialGoal(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('goal') goal: FinancialGoalInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<FinancialGoalSetupType> {
    return this.setupService.saveFinancialGoal(organisationId, goal, me.personId);
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => Boolean, { description: 'Tar bort ett finansiellt mål; version är den du utgick från.' })
  removeFinancialGoal(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('key') key: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentPrincipal() me: Principal,
  ): Promise<boolean> {
    return this.setupService.removeFinancialGoal(organisationId, year, key, version, me.personId);
  }
}
