import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';

@ObjectType('NnsCatalogue', {
  description: 'Den nationella NNS-katalogen: indikatorer och frågor, oföränderlig per version.',
})
export class NnsCatalogueType {
  @Field(() => Int) version: number;
  @Field() catalogueKey: string;
  @Field() name: string;
  @Field(() => GraphQLJSON, { description: 'Hela katalogen som den lästes in.' }) data: unknown;
  @Field() loadedAt: string;
}

@ObjectType('NnsAnswerCount')
export class NnsAnswerCountType {
  @Field({ description: 'Svarsalternativets kod, t.ex. TILL_STOR_DEL.' }) option: string;
  @Field(() => Int) count: number;
}

@ObjectType('NnsIndicatorResult', {
  description: 'En frågas svar: andelen positiva räknas ur antalen, aldrig ur avrundade procent.',
})
export class NnsIndicatorResultType {
  @Field(() => Int) indicator: number;
  @Field() survey: string;
  @Field(() => Int) question: number;
  @Field() questionText: string;
  @Field(() => Int) respondents: number;
  @Field(() => Int) positive: number;
  @Field(() => String, {
    nullable: true,
    description: 'Exakt andel som decimaltal i text; null när gruppen är för liten.',
  })
  topShare: string | null;
  @Field(() => Int, { nullable: true, description: 'Hela procent, avrundat från den exakta andelen.' })
  percent: number | null;
  @Field({ description: 'För få svar för att redovisas (skyddar deltagarna).' }) suppressed: boolean;
  @Field(() => [NnsAnswerCountType]) distribution: NnsAnswerCountType[];
}

@ObjectType('NnsCollected')
export class NnsCollectedType {
  @Field() survey: string;
  @Field(() => Int) asked: number;
  @Field(() => Int) answered: number;
  @Field(() => String, { nullable: true, description: 'Svarsfrekvens som exakt decimaltal i text.' })
  responseRate: string | null;
}

@ObjectType('SurveyRound', { description: 'Ett års svar i NNS indikatorenkät för ett förbund.' })
export class SurveyRoundType {
  @Field(() => ID, {
    nullable: true,
    description: 'De inlästa antalens id; null när alla svar getts i plattformen.',
  })
  id: string | null;
  @Field(() => ID) organisationId: string;
  @Field(() => Int) year: number;
  @Field({
    description:
      'IMPORT: antal inlästa från pappersenkät eller annat verktyg; PLATFORM: svar givna i plattformen; IMPORT_AND_PLATFORM: båda, summerade.',
  })
  source: string;
  @Field(() => Int) catalogueVersion: number;
  @Field(() => Int, { description: 'De inlästa antalens version (0 utan inläsning).' }) version: number;
  @Field(() => Int, { description: 'Svar givna i plattformen.' }) platformAnswers: number;
  @Field(() => Int) minGroupSize: number;
  @Field(() => [NnsCollectedType]) collected: NnsCollectedType[];
  @Field(() => [NnsIndicatorResultType]) indicators: NnsIndicatorResultType[];
  @Field(() => String, { nullable: true }) updatedAt: string | null;
}

@ObjectType('NnsNationalConsent', {
  description: 'Styrelsens beslut att bidra med förbundets svarsantal till den nationella sammanställningen.',
})
export class NnsNationalConsentType {
  @Field(() => ID) organisationId: string;
  @Field() optedIn: boolean;
  @Field() decidedAt: string;
  @Field() decisionReference: string;
}

@ObjectType('NnsNationalRollup', {
  description: 'Summan av antalen från de förbund som valt att bidra; aldrig ett enskilt förbunds andelar.',
})
export class NnsNationalRollupType {
  @Field(() => Int) year: number;
  @Field(() => Int, { description: 'Hur många förbund som bidrar.' }) organisations: number;
  @Field(() => [NnsCollectedType]) collected: NnsCollectedType[];
  @Field(() => [NnsIndicatorResultType]) indicators: NnsIndicatorResultType[];
}

@ObjectType('SurveyCollection', { description: 'En enkätomgång som besvaras i plattformen.' })
export class SurveyCollectionType {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => Int) year: number;
  @Field() survey: string;
  @Field() surveyLabel: string;
  @Field(() => ID, { nullable: true }) insatsId: string | null;
  @Field(() => String, { nullable: true }) insatsName: string | null;
  @Field({ description: 'CODES: anonym länk med engångskoder; SIGNED_IN: inloggade, en gång var.' })
  mode: string;
  @Field({ description: 'Den anonyma länkens id (/enkat/<linkId>).' }) linkId: string;
  @Field({ description: 'OPEN eller CLOSED' }) status: string;
  @Field(() => Int) asked: number;
  @Field(() => Int) answered: number;
  @Field(() => Int) version: number;
  @Field() openedAt: string;
}

@ObjectType('OpenedSurveyCollection')
export class OpenedSurveyCollectionType {
  @Field(() => SurveyCollectionType) collection: SurveyCollectionType;
  @Field(() => [String], {
    description: 'Engångskoderna; visas bara nu, endast deras kontrollsummor sparas.',
  })
  codes: string[];
}

@ObjectType('SurveyFormOption')
export class SurveyFormOptionType {
  @Field() option: string;
  @Field() label: string;
}

@ObjectType('SurveyFormQuestion')
export class SurveyFormQuestionType {
  @Field(() => Int) number: number;
  @Field() text: string;
  @Field(() => [SurveyFormOptionType]) options: SurveyFormOptionType[];
}

@ObjectType('SurveyForm', { description: 'En enkät att besvara.' })
export class SurveyFormType {
  @Field(() => ID) collectionId: string;
  @Field() linkId: string;
  @Field() organisationName: string;
  @Field(() => String, { nullable: true }) insatsName: string | null;
  @Field(() => Int) year: number;
  @Field() survey: string;
  @Field() surveyLabel: string;
  @Field() open: boolean;
  @Field({ description: 'Svaret kräver en engångskod.' }) withCode: boolean;
  @Field(() => [SurveyFormQuestionType]) questions: SurveyFormQuestionType[];
}

@ObjectType('NnsSettings', { description: 'Förbundets inställningar för NNS indikatorenkät.' })
export class NnsSettingsType {
  @Field(() => [Int], { description: 'Indikatorerna i årsredovisningens bilaga; tom: alla med svar.' })
  indicators: number[];
  @Field(() => Int, { description: 'Minsta grupp som redovisas som andel.' }) minGroupSize: number;
}
