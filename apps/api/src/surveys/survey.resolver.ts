import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { Principal, Role } from '@app/domain';
import {
  Allow,
  Authenticated,
  CurrentPrincipal,
  NationalPicture,
  PlatformAdminOnly,
  scopeOf,
} from '../common/access/access.decorators';
import { REPORT_READERS } from '../common/access/role-groups';
import { CatalogueRow } from './survey.store';
import { SurveyRoundView, SurveyService } from './survey.service';
import {
  NnsCatalogueType,
  NnsNationalConsentType,
  NnsNationalRollupType,
  NnsSettingsType,
  SurveyRoundType,
} from './survey.types';

const toCatalogue = (c: CatalogueRow): NnsCatalogueType => ({
  version: c.version,
  catalogueKey: c.catalogueKey,
  name: c.data.name,
  data: c.data,
  loadedAt: new Date(c.loadedAt).toISOString(),
});

const toRound = (v: SurveyRoundView): SurveyRoundType => {
  const imported = v.figures.imported;
  return {
    id: imported?.id ?? null,
    organisationId: v.organisationId,
    year: v.year,
    source: imported ? (v.figures.platformAnswers ? 'IMPORT_AND_PLATFORM' : 'IMPORT') : 'PLATFORM',
    catalogueVersion: v.figures.catalogue?.version ?? 0,
    version: imported?.version ?? 0,
    platformAnswers: v.figures.platformAnswers,
    minGroupSize: v.figures.minGroupSize,
    collected: v.nns.collected,
    indicators: v.nns.indicators,
    updatedAt: imported ? new Date(imported.updatedAt).toISOString() : null,
  };
};

@Resolver()
export class SurveyResolver {
  constructor(private readonly surveys: SurveyService) {}

  @PlatformAdminOnly()
  @Mutation(() => NnsCatalogueType, {
    description: 'Läser in NNS-katalogen (plattformens administratör); en ny version när innehållet ändrats.',
  })
  async loadNnsCatalogue(
    @Args('catalogue', { type: () => GraphQLJSON }) catalogue: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<NnsCatalogueType> {
    return toCatalogue(await this.surveys.loadCatalogue(catalogue, me.personId));
  }

  @Authenticated()
  @Query(() => NnsCatalogueType, { nullable: true, description: 'Den senast inlästa NNS-katalogen.' })
  async nnsCatalogue(): Promise<NnsCatalogueType | null> {
    const c = await this.surveys.latestCatalogue();
    return c ? toCatalogue(c) : null;
  }

  @Allow([Role.ADMIN, Role.FORBUNDSCHEF], scopeOf.organisationId())
  @Mutation(() => SurveyRoundType, {
    description:
      'Läser in ett års svarsantal (CONTRACT.md §6); ersätter årets tidigare antal. Avvisas helt vid fel.',
  })
  async importSurveyCounts(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('counts', { type: () => GraphQLJSON }) counts: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<SurveyRoundType> {
    return toRound(await this.surveys.importCounts(organisationId, year, counts, me.personId));
  }

  @Allow(REPORT_READERS, scopeOf.organisationId())
  @Query(() => SurveyRoundType, {
    nullable: true,
    description: 'Förbundets svar i NNS indikatorenkät ett år.',
  })
  async surveyRound(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<SurveyRoundType | null> {
    const v = await this.surveys.round(organisationId, year);
    return v ? toRound(v) : null;
  }

  @Allow(REPORT_READERS, scopeOf.organisationId())
  @Query(() => NnsNationalConsentType, {
    nullable: true,
    description: 'Förbundets beslut om den nationella sammanställningen.',
  })
  nnsNationalConsent(
    @Args('organisationId', { type: () => ID }) organisationId: string,
  ): Promise<NnsNationalConsentType | null> {
    return this.surveys.consent(organisationId);
  }

  @Allow([Role.ADMIN, Role.FORBUNDSCHEF], scopeOf.organisationId())
  @Mutation(() => NnsNationalConsentType, {
    description:
      'Registrerar styrelsens beslut att bidra (eller sluta bidra) till den nationella sammanställningen.',
  })
  setNnsNationalConsent(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('optedIn') optedIn: boolean,
    @Args('decidedAt', { description: 'Beslutsdatum, ÅÅÅÅ-MM-DD.' }) decidedAt: string,
    @Args('decisionReference', { description: 'Var beslutet finns, t.ex. protokollets paragraf.' })
    decisionReference: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<NnsNationalConsentType> {
    return this.surveys.setConsent({ organisationId, optedIn, decidedAt, decisionReference }, me.personId);
  }

  @NationalPicture()
  @Query(() => NnsNationalRollupType, {
    description: 'Den nationella bilden: antal summerade över de förbund som bidrar, små grupper dolda.',
  })
  async nnsNationalRollup(@Args('year', { type: () => Int }) year: number): Promise<NnsNationalRollupType> {
    const r = await this.surveys.nationalRollup(year);
    return {
      year: r.year,
      organisations: r.organisations,
      collected: r.nns?.collected ?? [],
      indicators: r.nns?.indicators ?? [],
    };
  }

  @Allow([Role.ADMIN, Role.FORBUNDSCHEF], scopeOf.organisationId())
  @Mutation(() => NnsSettingsType, {
    description:
      'Väljer vilka indikatorer årsredovisningens bilaga visar (tom lista: alla med svar) och minsta gruppen som redovisas som andel.',
  })
  saveNnsSettings(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('indicators', { type: () => [Int] }) indicators: number[],
    @Args('minGroupSize', { type: () => Int, nullable: true }) minGroupSize: number | null,
    @CurrentPrincipal() me: Principal,
  ): Promise<NnsSettingsType> {
    return this.surveys.saveSettings(
      organisationId,
      { indicators, minGroupSize: minGroupSize ?? null },
      me.personId,
    );
  }

  @PlatformAdminOnly()
  @Mutation(() => ID, {
    description:
      'Skapar ett konto för det nationella nätverket: ser den nationella sammanställningen, aldrig något förbunds uppgifter.',
  })
  async createNationalNetworkAccount(
    @Args('email') email: string,
    @Args('name') name: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<string> {
    return (await this.surveys.createNetworkAccount(email, name, me.personId)).id;
  }
}
