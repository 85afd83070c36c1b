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
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => Int) year: number;
  @Field({ description: 'IMPORT: antal inlästa från pappersenkät eller annat verktyg.' }) source: string;
  @Field(() => Int) catalogueVersion: number;
  @Field(() => Int) version: number;
  @Field(() => Int) minGroupSize: number;
  @Field(() => [NnsCollectedType]) collected: NnsCollectedType[];
  @Field(() => [NnsIndicatorResultType]) indicators: NnsIndicatorResultType[];
  @Field() updatedAt: string;
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
