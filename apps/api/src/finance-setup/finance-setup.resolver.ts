import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { Principal, Role } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { Allow, CurrentPrincipal, scopeOf } from '../common/access/access.decorators';
import { organisationById } from '../organisations/organisation.store';
import { OrganisationType } from '../organisations/organisation.types';
import { FinanceSetupService } from './finance-setup.service';
import {
  FinanceSetupType,
  FinancialGoalSetupType,
  KommunKeyType,
  PartySetupType,
} from './finance-setup.types';

/** The kansli and the förbundschef change the set-up; the revisorer read it. */
const EDITORS = [Role.ADMIN, Role.FORBUNDSCHEF];
const READERS = [Role.ADMIN, Role.FORBUNDSCHEF, Role.REVISOR];

/**
 * Issue 18: the förbund's financial set-up without the platform admin (the bundle stays for migrations and
 * backups). Each input has the shape of the bundle's entry (CONTRACT.md §4a) plus `version`, the version the
 * editor started from (left out for a new one), and is validated like the bundle with every error's path.
 */
@Resolver()
export class FinanceSetupResolver {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly setupService: FinanceSetupService,
  ) {}

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
  @Mutation(() => OrganisationType, {
    description:
      'Sparar ett kostnadsställe, som paketets costCentres[] (kod, namn, slag, fördelning av delade kostnader) och version (den du utgick från; utelämnad för ett nytt).',
  })
  async saveCostCentre(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('costCentre', { type: () => GraphQLJSON }) costCentre: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<OrganisationType> {
    await this.setupService.saveCostCentre(organisationId, costCentre, me.personId);
    return (await organisationById(this.uow.reader, organisationId))!;
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => PartySetupType, {
    description: 'Sparar en part, som paketets parties[] (nyckel, namn, slag) och version.',
  })
  saveParty(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('party', { type: () => GraphQLJSON }) party: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<PartySetupType> {
    return this.setupService.saveParty(organisationId, party, me.personId);
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => KommunKeyType, {
    description:
      'Sparar kommunernas fördelningsnyckel: { shares: { part: andel }, version } (andelarna blir tillsammans exakt 100 %; tom: tas bort).',
  })
  saveKommunKey(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('key', { type: () => GraphQLJSON }) key: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<KommunKeyType> {
    return this.setupService.saveKommunKey(organisationId, key, me.personId);
  }

  @Allow(EDITORS, scopeOf.organisationId())
  @Mutation(() => FinancialGoalSetupType, {
    description:
      'Sparar ett finansiellt mål, som paketets financialGoals[] (år, nyckel, text, mått, jämförelse, värde) och version.',
  })
  saveFinancialGoal(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('goal', { type: () => GraphQLJSON }) goal: unknown,
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
