import { REPORT_READERS } from '../common/access/role-groups';
import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Principal, REPORT_TEXT_KEYS, Role } from '@app/domain';
import { Allow, CurrentPrincipal, ScopeResolver, scopeOf } from '../common/access/access.decorators';
import { ReportService } from './report.service';
import { ReportKindEnum, ReportTextFieldType, ReportTextsType, ReportType } from './report.types';
import { ReportTextsService } from './report-texts.service';
import GraphQLJSON from 'graphql-type-json';

const reportScope: ScopeResolver = (args, lookup) =>
  lookup.row('report', String(args.id ?? args.reportId ?? ''));
const READERS = REPORT_READERS;
const TEXT_FIELDS: ReportTextFieldType[] = Object.entries(REPORT_TEXT_KEYS).map(([key, title]) => ({
  key,
  title,
}));

@Resolver(() => ReportType)
export class ReportResolver {
  constructor(
    private readonly service: ReportService,
    private readonly texts: ReportTextsService,
  ) {}

  @Allow(READERS, scopeOf.organisationId())
  @Query(() => ReportTextsType, { description: 'Förbundschefens texter till rapporten.' })
  async reportTexts(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('kind', { type: () => ReportKindEnum }) kind: ReportKindEnum,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<ReportTextsType> {
    return { ...(await this.texts.get(organisationId, kind, year)), fields: TEXT_FIELDS };
  }

  @Allow([Role.FORBUNDSCHEF], scopeOf.organisationId())
  @Mutation(() => ReportTextsType, {
    description: 'Sparar förbundschefens texter; version är den du utgick från (annars VERSION_CONFLICT).',
  })
  async saveReportTexts(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('kind', { type: () => ReportKindEnum }) kind: ReportKindEnum,
    @Args('year', { type: () => Int }) year: number,
    @Args('version', { type: () => Int }) version: number,
    @Args('texts', { type: () => GraphQLJSON }) texts: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<ReportTextsType> {
    return {
      ...(await this.texts.save(organisationId, kind, year, version, texts, me.personId)),
      fields: TEXT_FIELDS,
    };
  }

  @Allow([Role.FORBUNDSCHEF, Role.ADMIN], scopeOf.organisationId())
  @Mutation(() => ReportType, {
    description: 'Köar en sammanställning; följ den med report(id) eller reportProgress(id).',
  })
  compileReport(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('kind', { type: () => ReportKindEnum }) kind: ReportKindEnum,
    @Args('year', { type: () => Int }) year: number,
    @CurrentPrincipal() me: Principal,
  ): Promise<ReportType> {
    return this.service.request(organisationId, kind, year, me.personId);
  }

  @Allow(READERS, scopeOf.organisationId())
  @Query(() => [ReportType], {
    description: 'Förbundets rapporter, nyast först (utan modell; hämta den med report).',
  })
  reports(@Args('organisationId', { type: () => ID }) organisationId: string): Promise<ReportType[]> {
    return this.service.list(organisationId);
  }

  @Allow(READERS, reportScope)
  @Query(() => ReportType)
  report(@Args('id', { type: () => ID }) id: string): Promise<ReportType> {
    return this.service.get(id);
  }

  @Allow(READERS, reportScope)
  @Subscription(() => ReportType, {
    description: 'Status och förlopp (0–100) tills rapporten är klar eller misslyckad.',
  })
  async *reportProgress(
    @Args('id', { type: () => ID }) id: string,
  ): AsyncGenerator<{ reportProgress: ReportType }> {
    let last = '';
    for (let i = 0; i < 3600; i++) {
      const r = await this.service.get(id);
      const key = `${r.status}:${r.progress}`;
      if (key !== last) {
        last = key;
        yield { reportProgress: { ...r, model: null } };
      }
      if (r.status === 'READY' || r.status === 'FAILED') return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
