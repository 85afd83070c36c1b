import { Args, Field, ID, ObjectType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Principal, Role } from '@app/domain';
import { REPORT_READERS } from '../common/access/role-groups';
import { Allow, CurrentPrincipal, scopeOf } from '../common/access/access.decorators';
import { ReportSettingsService } from './report-settings.service';

@ObjectType('ReportSettings', {
  description:
    'Förbundets val för rapporterna: var delårsrapportens period slutar, hur avvikelser räknas och driftredovisningens kolumner.',
})
export class ReportSettingsType {
  @Field({ description: 'Delårsrapportens sista dag, MM-DD: 06-30 (standard) eller 08-31.' })
  delarEnd: string;
  @Field({ description: 'BUDGET_MINUS_UTFALL (standard) eller UTFALL_MINUS_BUDGET.' })
  deviationSign: string;
  @Field(() => [String], {
    description: 'Driftredovisningens kolumner i ordning: UTFALL, BUDGET, AVVIKELSE, UTFALL_FOREGAENDE_AR.',
  })
  driftColumns: string[];
  @Field(() => String, {
    nullable: true,
    description:
      'Dagen då styrelsen planerar att besluta om årsredovisningen (ÅÅÅÅ-MM-DD), året efter räkenskapsåret. Tills en signeringsbegäran anger beslutsdatum visar underskriftssidan styrelsen den dagen.',
  })
  plannedDecisionDate: string | null;
}

@Resolver(() => ReportSettingsType)
export class ReportSettingsResolver {
  constructor(private readonly settings: ReportSettingsService) {}

  @Allow(REPORT_READERS, scopeOf.organisationId())
  @Query(() => ReportSettingsType, {
    description: 'Förbundets val för delårsrapporten och årsredovisningen.',
  })
  reportSettings(
    @Args('organisationId', { type: () => ID }) organisationId: string,
  ): Promise<ReportSettingsType> {
    return this.settings.get(organisationId);
  }

  @Allow([Role.FORBUNDSCHEF, Role.ADMIN], scopeOf.organisationId())
  @Mutation(() => ReportSettingsType, {
    description:
      'Sparar förbundets val för rapporterna; det som utelämnas får standardvärdet. Gäller nästa sammanställning.',
  })
  saveReportSettings(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('delarEnd', { type: () => String, nullable: true }) delarEnd: string | null,
    @Args('deviationSign', { type: () => String, nullable: true }) deviationSign: string | null,
    @Args('driftColumns', { type: () => [String], nullable: true }) driftColumns: string[] | null,
    @Args('plannedDecisionDate', { type: () => String, nullable: true }) plannedDecisionDate: string | null,
    @CurrentPrincipal() me: Principal,
  ): Promise<ReportSettingsType> {
    const input = Object.fromEntries(
      Object.entries({ delarEnd, deviationSign, driftColumns, plannedDecisionDate }).filter(
        ([, v]) => v !== null && v !== undefined,
      ),
    );
    return this.settings.save(organisationId, input, me.personId);
  }
}
