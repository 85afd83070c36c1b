import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { Principal, Role } from '@app/domain';
import { Allow, CurrentPrincipal, scopeOf } from '../common/access/access.decorators';
import { REPORT_READERS } from '../common/access/role-groups';
import { PlanService, PlanView } from './plan.service';
import { PlanType } from './plan.types';

const WRITERS = [Role.FORBUNDSCHEF, Role.ADMIN] as const;

const toPlan = (v: PlanView): PlanType => ({
  id: v.row.id,
  organisationId: v.row.organisationId,
  year: v.row.year,
  revision: v.row.revision,
  status: v.row.status,
  version: v.row.version,
  data: v.row.data,
  decidedAt: v.row.decidedAt,
  validationErrors: v.issues,
  allocation: v.budget?.allocation ?? [],
  budget: v.budget?.years ?? [],
  checks: v.checks,
  lastYear: v.lastYear,
});

@Resolver(() => PlanType)
export class PlanResolver {
  constructor(private readonly plans: PlanService) {}

  @Allow(REPORT_READERS, scopeOf.organisationId())
  @Query(() => PlanType, { nullable: true, description: 'Årets verksamhetsplan (den gällande versionen).' })
  async plan(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<PlanType | null> {
    const v = await this.plans.get(organisationId, year);
    return v ? toPlan(v) : null;
  }

  @Allow(WRITERS, scopeOf.organisationId())
  @Mutation(() => PlanType, {
    description:
      'Startar årets plan som en kopia av den senast beslutade; finns planen redan ges den tillbaka.',
  })
  async startPlan(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
    @CurrentPrincipal() me: Principal,
  ): Promise<PlanType> {
    return toPlan(await this.plans.start(organisationId, year, me.personId));
  }

  @Allow(WRITERS, scopeOf.organisationId())
  @Mutation(() => PlanType, {
    description:
      'Påbörjar en ny version av en beslutad plan (en kopia att ändra); den beslutade gäller tills den nya är beslutad.',
  })
  async revisePlan(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
    @CurrentPrincipal() me: Principal,
  ): Promise<PlanType> {
    return toPlan(await this.plans.revise(organisationId, year, me.personId));
  }

  @Allow(WRITERS, scopeOf.organisationId())
  @Mutation(() => PlanType, {
    description:
      'Sparar planen; version är den du utgick från (annars VERSION_CONFLICT). Avvisas helt vid fel.',
  })
  async savePlan(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('version', { type: () => Int }) version: number,
    @Args('plan', { type: () => GraphQLJSON }) plan: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<PlanType> {
    return toPlan(await this.plans.save(organisationId, year, version, plan, me.personId));
  }
}
