import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, Principal, Role } from '@app/domain';
import { Allow, CurrentPrincipal, ScopeResolver } from '../common/access/access.decorators';
import { Loaders, RequestLoaders } from '../common/graphql/request-loaders';
import { ReportType } from '../reports/report.types';
import { SigningFollowUpService } from './signing-follow-up.service';
import { ReportSigningType, SigningMethodType, SigningReminderType } from './signing-follow-up.types';

const requestScope: ScopeResolver = (args, lookup) =>
  lookup.row('signing_request', String(args.requestId ?? ''));

@Resolver(() => SigningMethodType)
export class SigningFollowUpResolver {
  constructor(private readonly service: SigningFollowUpService) {}

  @Allow(ALL_ROLES, requestScope)
  @Query(() => [SigningMethodType], {
    description:
      'Sätten att underteckna som installationen har (BankID bara när det är inställt), och om jag är redo för vart och ett.',
  })
  signingMethods(
    @Args('requestId', { type: () => ID }) requestId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SigningMethodType[]> {
    return this.service.methods(me, requestId);
  }

  @Allow([Role.FORBUNDSCHEF], requestScope)
  @Mutation(() => SigningReminderType, {
    description:
      'Påminner dem som fått begäran och inte undertecknat (ett e-postmeddelande var); granskningsloggas, högst en gång per dygn.',
  })
  remindSigners(
    @Args('requestId', { type: () => ID }) requestId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SigningReminderType> {
    return this.service.remind(me, requestId);
  }
}

/** A report version's signing in short, batched over a list of reports. */
@Resolver(() => ReportType)
export class ReportSigningResolver {
  constructor(private readonly service: SigningFollowUpService) {}

  @ResolveField(() => ReportSigningType, {
    description: 'Underskrifterna i korthet, och om en nyare eller redan undertecknad version finns.',
  })
  signing(@Parent() r: ReportType, @Loaders() loaders: RequestLoaders): Promise<ReportSigningType> {
    return loaders.load('reportSigning', r.id, (ids: readonly string[]) => this.service.reportSigning(ids));
  }
}
