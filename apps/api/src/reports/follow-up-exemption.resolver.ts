import {
  Args,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { FollowUpCoverageState, Principal, Role } from '@app/domain';
import { Allow, CurrentPrincipal, scopeOf } from '../common/access/access.decorators';
import { REPORT_READERS } from '../common/access/role-groups';
import { FollowUpExemptionService } from './follow-up-exemption.service';
import { ReportType } from './report.types';

@ObjectType('FollowUpExemption', {
  description: 'En insats som förbundschefen har undantagit från en periods uppföljning, med skäl.',
})
export class FollowUpExemptionType {
  @Field(() => ID) insatsId: string;
  @Field() insatsKey: string;
  @Field() insatsName: string;
  @Field({ description: 'T.ex. "HELAR-2025".' }) period: string;
  @Field() reason: string;
  @Field(() => ID, { nullable: true }) decidedBy: string | null;
  @Field() decidedAt: string;
}

@ObjectType('FollowUpCoverage', {
  description: 'En insats som rapporten redovisar: med godkänd uppföljning, utan (saknas) eller undantagen.',
})
export class FollowUpCoverageType {
  @Field() insatsKey: string;
  @Field(() => ID, { nullable: true }) insatsId: string | null;
  @Field() insatsName: string;
  @Field() period: string;
  @Field(() => String, { description: 'GODKAND, SAKNAS eller UNDANTAGEN' }) state: FollowUpCoverageState;
  @Field(() => String, { nullable: true, description: 'Förbundschefens skäl (undantagen).' })
  reason: string | null;
}

@Resolver(() => FollowUpExemptionType)
export class FollowUpExemptionResolver {
  constructor(private readonly service: FollowUpExemptionService) {}

  @Allow(REPORT_READERS, scopeOf.organisationId())
  @Query(() => [FollowUpExemptionType], { description: 'Årets undantag från uppföljning (delår och helår).' })
  followUpExemptions(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<FollowUpExemptionType[]> {
    return this.service.list(organisationId, year);
  }

  @Allow([Role.FORBUNDSCHEF], scopeOf.insatsId())
  @Mutation(() => FollowUpExemptionType, {
    description:
      'Undantar en insats från periodens uppföljning (förbundschefen, med skäl). Rapporten visar "Undantagen: <skäl>".',
  })
  exemptFollowUp(
    @Args('insatsId', { type: () => ID }) insatsId: string,
    @Args('period') period: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<FollowUpExemptionType> {
    return this.service.exempt(insatsId, period, reason, me.personId);
  }

  @Allow([Role.FORBUNDSCHEF], scopeOf.insatsId())
  @Mutation(() => Boolean, { description: 'Tar bort ett undantag; insatsen är åter skyldig uppföljningen.' })
  removeFollowUpExemption(
    @Args('insatsId', { type: () => ID }) insatsId: string,
    @Args('period') period: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<boolean> {
    return this.service.remove(insatsId, period, me.personId);
  }
}

/** The report's account of every insats of its period, read from the compiled model. */
@Resolver(() => ReportType)
export class ReportCoverageResolver {
  @ResolveField(() => [FollowUpCoverageType], {
    description: 'Varje insats som rapporten redovisar: godkänd, saknas eller undantagen (tomt i listan).',
  })
  followUpCoverage(@Parent() r: ReportType): FollowUpCoverageType[] {
    const m = r.model as { followUpCoverage?: FollowUpCoverageType[] } | null;
    return m?.followUpCoverage ?? [];
  }
}
