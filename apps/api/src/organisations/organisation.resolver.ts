import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { INSATS_ROLES, kansliMayRename, periodDeadline, Principal, Role, rolesIn } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import {
  Allow,
  Authenticated,
  CurrentPrincipal,
  PlatformAdminOnly,
  scopeOf,
} from '../common/access/access.decorators';
import { AppError } from '../common/errors/app-error';
import { CommonError } from '../common/errors/error-codes';
import { ALL_ROLES } from '@app/domain';
import { BundleService } from './bundle.service';
import { PeopleService } from './people.service';
import { OrganisationCreateService } from './organisation-create.service';
import * as store from './organisation.store';
import { OrganisationLoads } from './organisation.loaders';
import { Loaders, RequestLoaders } from '../common/graphql/request-loaders';
import {
  CostCentreType,
  InsatsBudgetType,
  InsatsType,
  MatpunktType,
  NewOrganisationInput,
  OrganisationType,
  PartyType,
  PersonInput,
  PersonType,
  ReportingPeriodType,
} from './organisation.types';

/** Whether the person sees the whole förbund, or only the insatser they work in. */
function seesWholeOrganisation(p: Principal, organisationId: string): boolean {
  return p.isPlatformAdmin || rolesIn(p, organisationId).some((r) => !INSATS_ROLES.includes(r));
}

@Resolver(() => OrganisationType)
export class OrganisationResolver {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bundles: BundleService,
    private readonly peopleService: PeopleService,
    private readonly creator: OrganisationCreateService,
  ) {}

  @Allow(ALL_ROLES, scopeOf.organisationSlug(), { platformAdmin: true, insatsRolesReachOrganisation: true })
  @Query(() => OrganisationType, { description: 'Ett förbund, för dess medlemmar.' })
  async organisation(@Args('slug') slug: string): Promise<OrganisationType> {
    return (await store.organisationBySlug(this.uow.reader, slug))!;
  }

  @Authenticated()
  @Query(() => [OrganisationType], {
    description: 'De förbund där jag har en roll (alla, för plattformens administratör).',
  })
  organisations(@CurrentPrincipal() me: Principal): Promise<OrganisationType[]> {
    return store.organisations(
      this.uow.reader,
      me.isPlatformAdmin ? null : [...new Set(me.grants.map((g) => g.organisationId))],
    );
  }

  @PlatformAdminOnly()
  @Mutation(() => OrganisationType, {
    description: 'Sätter upp eller uppdaterar ett förbund från ett paket (idempotent per slug).',
  })
  async importOrganisationBundle(
    @Args('bundle', { type: () => GraphQLJSON }) bundle: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<OrganisationType> {
    const r = await this.bundles.import(bundle, me.personId);
    return (await store.organisationById(this.uow.reader, r.organisationId))!;
  }

  @PlatformAdminOnly()
  @Mutation(() => OrganisationType, {
    description:
      'Plattformens administratör skapar ett nytt förbund (namn, organisationsnummer, kortnamn) med dess förbundschef, som får en inbjudan per e-post. Resten registrerar förbundet självt.',
  })
  async createOrganisation(
    @Args('organisation') organisation: NewOrganisationInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<OrganisationType> {
    const id = await this.creator.create(
      { ...organisation, reportingUnit: organisation.reportingUnit ?? undefined },
      me.personId,
    );
    return (await store.organisationById(this.uow.reader, id))!;
  }

  @Allow([Role.ADMIN], scopeOf.organisationId(), { platformAdmin: true })
  @Mutation(() => OrganisationType, {
    description:
      'Kansliet lägger till en person eller ändrar personens roller i förbundet (inga roller: tar bort personen ur förbundet). Nya personer får en inbjudan per e-post.',
  })
  async savePerson(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('person') person: PersonInput,
    @CurrentPrincipal() me: Principal,
  ): Promise<OrganisationType> {
    await this.peopleService.savePerson(organisationId, person, me);
    return (await store.organisationById(this.uow.reader, organisationId))!;
  }

  @Allow([Role.ADMIN], scopeOf.organisationSlug(), { platformAdmin: true })
  @Query(() => GraphQLJSON, { description: 'Förbundets uppsättning som paket (utan lösenord).' })
  exportOrganisationBundle(@Args('slug') slug: string): Promise<unknown> {
    return this.bundles.export(slug);
  }

  @ResolveField(() => [InsatsType], {
    description: 'Förbundets insatser; projektägare och styrgrupp ser sina egna.',
  })
  insatser(
    @Parent() o: OrganisationType,
    @CurrentPrincipal() me: Principal,
    @Loaders() loaders: RequestLoaders,
  ): Promise<InsatsType[]> {
    const loads = new OrganisationLoads(loaders, this.uow.reader);
    if (seesWholeOrganisation(me, o.id)) return loads.insatser(o.id, null);
    const mine = me.grants.filter((g) => g.organisationId === o.id && g.insatsId).map((g) => g.insatsId!);
    return loads.insatser(o.id, mine);
  }

  @ResolveField(() => [PartyType])
  parties(@Parent() o: OrganisationType, @Loaders() loaders: RequestLoaders): Promise<PartyType[]> {
    return new OrganisationLoads(loaders, this.uow.reader).parties(o.id);
  }

  @ResolveField(() => [CostCentreType])
  costCentres(@Parent() o: OrganisationType, @Loaders() loaders: RequestLoaders): Promise<CostCentreType[]> {
    return new OrganisationLoads(loaders, this.uow.reader).costCentres(o.id);
  }

  @ResolveField(() => [ReportingPeriodType], {
    description:
      'Uppföljningsperioderna för åren fromYear–toYear (högst 20 år) med sista inlämningsdag enligt förbundets inställning.',
  })
  async periods(
    @Parent() o: OrganisationType,
    @Args('fromYear', { type: () => Int }) fromYear: number,
    @Args('toYear', { type: () => Int }) toYear: number,
    @Loaders() loaders: RequestLoaders,
  ): Promise<ReportingPeriodType[]> {
    if (toYear < fromYear || toYear - fromYear > 20)
      throw new AppError(CommonError.BAD_USER_INPUT, 'Ange högst 20 år, med fromYear före toYear.', {
        details: [{ path: '$.toYear', message: 'högst 20 år efter fromYear' }],
      });
    const workflow = await new OrganisationLoads(loaders, this.uow.reader).workflowConfig(o.id);
    const out: ReportingPeriodType[] = [];
    for (let year = fromYear; year <= toYear; year++)
      for (const kind of ['DELAR', 'HELAR'] as const)
        out.push({
          period: `${kind}-${year}`,
          kind,
          deadline: periodDeadline(kind, year, workflow),
        });
    return out;
  }

  @ResolveField(() => [String], { description: 'Mina roller i förbundet.' })
  myRoles(@Parent() o: OrganisationType, @CurrentPrincipal() me: Principal): string[] {
    return rolesIn(me, o.id).sort();
  }

  @ResolveField(() => [PersonType], {
    description: 'Förbundets personer och roller (kansli och förbundschef).',
  })
  async people(
    @Parent() o: OrganisationType,
    @CurrentPrincipal() me: Principal,
    @Loaders() loaders: RequestLoaders,
  ): Promise<PersonType[]> {
    const roles = rolesIn(me, o.id);
    if (!me.isPlatformAdmin && !roles.includes(Role.ADMIN) && !roles.includes(Role.FORBUNDSCHEF)) {
      throw new AppError(CommonError.FORBIDDEN, 'Endast kansli och förbundschef ser förbundets personer.');
    }
    // This förbund's view only: its roles and its own personnummer (for the kansli), never another förbund's.
    const seesPersonalNumbers = me.isPlatformAdmin || roles.includes(Role.ADMIN);
    const rows = await new OrganisationLoads(loaders, this.uow.reader).members(o.id);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      roles: r.roles,
      assignments: r.assignments,
      hasPassword: r.hasPassword,
      personalNumber: seesPersonalNumbers ? r.personalNumber : null,
      nameEditable: kansliMayRename(r),
    }));
  }
}

@Resolver(() => InsatsType)
export class InsatsResolver {
  constructor(private readonly uow: UnitOfWork) {}

  @Allow(ALL_ROLES, scopeOf.insatsId('id'))
  @Query(() => InsatsType, { description: 'En insats (projektägare och styrgrupp: bara sin egen).' })
  async insats(@Args('id', { type: () => ID }) id: string): Promise<InsatsType> {
    return (await store.insatsById(this.uow.reader, id))!;
  }

  @ResolveField(() => [MatpunktType])
  matpunkter(
    @Parent() i: InsatsType,
    @Args('year', { type: () => Int, nullable: true }) year: number | undefined,
    @Loaders() loaders: RequestLoaders,
  ): Promise<MatpunktType[]> {
    return new OrganisationLoads(loaders, this.uow.reader).matpunkter(i.id, year ?? null);
  }

  @ResolveField(() => OrganisationType, { description: 'Förbundet som insatsen hör till.' })
  async organisation(@Parent() i: InsatsType, @Loaders() loaders: RequestLoaders): Promise<OrganisationType> {
    return (await new OrganisationLoads(loaders, this.uow.reader).organisation(i.organisationId))!;
  }

  @ResolveField(() => [InsatsBudgetType])
  budgets(@Parent() i: InsatsType, @Loaders() loaders: RequestLoaders): Promise<InsatsBudgetType[]> {
    return new OrganisationLoads(loaders, this.uow.reader).budgets(i.id);
  }
}
