import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { Principal, Role, SURVEY_GROUP_LABEL } from '@app/domain';
import {
  Allow,
  Authenticated,
  CurrentPrincipal,
  Public,
  ScopeResolver,
  scopeOf,
} from '../common/access/access.decorators';
import { CollectionRow } from './survey-collection.store';
import { SurveyCollectionService } from './survey-collection.service';
import { SurveyAnswerService } from './survey-answer.service';
import { OpenedSurveyCollectionType, SurveyCollectionType, SurveyFormType } from './survey.types';

interface GqlCtx {
  req: { ip?: string; socket?: { remoteAddress?: string } };
}

const KANSLI = [Role.ADMIN, Role.FORBUNDSCHEF] as const;
const collectionScope: ScopeResolver = (args, lookup) =>
  lookup.row('survey_collection', String(args.id ?? ''));

const toCollection = (c: CollectionRow): SurveyCollectionType => ({
  id: c.id,
  organisationId: c.organisationId,
  year: c.year,
  survey: c.survey,
  surveyLabel: SURVEY_GROUP_LABEL[c.survey],
  insatsId: c.insatsId,
  insatsName: c.insatsName,
  mode: c.mode,
  linkId: c.linkId,
  status: c.status,
  asked: c.asked,
  answered: c.answered,
  version: c.version,
  openedAt: new Date(c.openedAt).toISOString(),
});

@Resolver()
export class SurveyCollectionResolver {
  constructor(
    private readonly collections: SurveyCollectionService,
    private readonly answers: SurveyAnswerService,
  ) {}

  @Allow(KANSLI, scopeOf.organisationId())
  @Mutation(() => OpenedSurveyCollectionType, {
    description:
      'Öppnar en enkätomgång för ett år och en grupp (och insats): deltagare och personal får engångskoder, styrelse och beredningsgrupp svarar inloggade.',
  })
  async openSurveyCollection(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('survey') survey: string,
    @Args('insatsId', { type: () => ID, nullable: true }) insatsId: string | null,
    @Args('codes', { type: () => Int, nullable: true }) codes: number | null,
    @CurrentPrincipal() me: Principal,
  ): Promise<OpenedSurveyCollectionType> {
    const r = await this.collections.open(
      { organisationId, year, survey, insatsId: insatsId ?? null, codes: codes ?? null },
      me.personId,
    );
    return { collection: toCollection(r.collection), codes: r.codes };
  }

  @Allow(KANSLI, scopeOf.organisationId())
  @Query(() => [SurveyCollectionType], { description: 'Årets enkätomgångar med hur många som svarat.' })
  async surveyCollections(
    @Args('organisationId', { type: () => ID }) organisationId: string,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<SurveyCollectionType[]> {
    return (await this.collections.list(organisationId, year)).map(toCollection);
  }

  @Allow(KANSLI, collectionScope)
  @Mutation(() => SurveyCollectionType, { description: 'Stänger en enkätomgång; inga fler svar tas emot.' })
  async closeSurveyCollection(
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @CurrentPrincipal() me: Principal,
  ): Promise<SurveyCollectionType> {
    return toCollection(await this.collections.close(id, version, me.personId));
  }

  @Public()
  @Query(() => SurveyFormType, { description: 'Enkäten bakom en anonym länk (ingen inloggning).' })
  surveyForm(@Args('linkId') linkId: string): Promise<SurveyFormType> {
    return this.answers.formByLink(linkId);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Lämnar ett anonymt svar med en engångskod. Inget om den som svarar sparas.',
  })
  async answerSurvey(
    @Args('linkId') linkId: string,
    @Args('code') code: string,
    @Args('answers', { type: () => GraphQLJSON, description: '[{question, option}]' }) answers: unknown,
    @Context() ctx: GqlCtx,
  ): Promise<boolean> {
    await this.answers.answerWithCode(
      linkId,
      code,
      answers,
      ctx.req.ip ?? ctx.req.socket?.remoteAddress ?? '',
    );
    return true;
  }

  @Authenticated()
  @Query(() => [SurveyFormType], {
    description: 'Öppna enkäter som väntar på mitt svar (styrelse, beredningsgrupp).',
  })
  mySurveyForms(@CurrentPrincipal() me: Principal): Promise<SurveyFormType[]> {
    return this.answers.formsFor(me);
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'Lämnar mitt svar på en enkät; mitt namn visas aldrig vid svaret.',
  })
  async answerSurveySignedIn(
    @Args('collectionId', { type: () => ID }) collectionId: string,
    @Args('answers', { type: () => GraphQLJSON }) answers: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<boolean> {
    await this.answers.answerSignedIn(me, collectionId, answers);
    return true;
  }
}
