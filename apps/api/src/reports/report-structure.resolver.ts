import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Principal, Role } from '@app/domain';
import { REPORT_READERS } from '../common/access/role-groups';
import { Allow, CurrentPrincipal, scopeOf } from '../common/access/access.decorators';
import { ReportKindEnum } from './report.types';
import { ReportStructureEntryInput, ReportStructureType } from './report-structure.types';
import { ReportStructureService } from './report-structure.service';

@Resolver(() => ReportStructureType)
export class ReportStructureResolver {
  constructor(private readonly structures: ReportStructureService) {}

  @Allow(REPORT_READERS, scopeOf.organisationId())
  @Query(() => ReportStructureType, {
    description: 'Rapportens avsnitt, ordning och rubriker för förbundet, och katalogen att välja ur.',
  })
  reportStructure(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('kind', { type: () => ReportKindEnum }) kind: ReportKindEnum,
  ): Promise<ReportStructureType> {
    return this.structures.get(organisationId, kind);
  }

  @Allow([Role.FORBUNDSCHEF, Role.ADMIN], scopeOf.organisationId())
  @Mutation(() => ReportStructureType, {
    description:
      'Sparar en ny version av rapportens struktur; version är den du utgick från (annars VERSION_CONFLICT).',
  })
  saveReportStructure(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('kind', { type: () => ReportKindEnum }) kind: ReportKindEnum,
    @Args('version', { type: () => Int }) version: number,
    @Args('entries', { type: () => [ReportStructureEntryInput] }) entries: ReportStructureEntryInput[],
    @CurrentPrincipal() me: Principal,
  ): Promise<ReportStructureType> {
    return this.structures.save(organisationId, kind, version, entries, me.personId);
  }
}
