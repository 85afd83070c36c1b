import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';

export enum ReportKindEnum {
  DELARSRAPPORT = 'DELARSRAPPORT',
  ARSREDOVISNING = 'ARSREDOVISNING',
  /** The verksamhetsplan och budget of `year` (CONTRACT.md §7). */
  VERKSAMHETSPLAN = 'VERKSAMHETSPLAN',
}
registerEnumType(ReportKindEnum, { name: 'ReportKind' });

@ObjectType('ReportCheck')
export class ReportCheckType {
  @Field() id: string;
  @Field({ description: 'PASS eller FAIL' }) status: string;
  @Field() message: string;
}

@ObjectType('Report')
export class ReportType {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ReportKindEnum) kind: ReportKindEnum;
  @Field(() => Int) year: number;
  @Field(() => Int) version: number;
  @Field({ description: 'QUEUED, RUNNING, READY eller FAILED' }) status: string;
  @Field(() => Int) progress: number;
  @Field(() => String, { nullable: true, description: 'Vad som görs just nu.' }) stage: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) model: unknown;
  @Field(() => [ReportCheckType]) checks: ReportCheckType[];
  @Field(() => Boolean, { nullable: true }) checksPassed: boolean | null;
  @Field(() => ID, { nullable: true }) pdfFileId: string | null;
  @Field(() => ID, { nullable: true }) xlsxFileId: string | null;
  @Field(() => ID, { nullable: true }) jsonFileId: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'Kontrollerna som eget arbetsdokument (PDF) för förbundschefen och revisorerna; ingår inte i den publicerade rapporten.',
  })
  checksFileId: string | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Versionen av förbundets rapportstruktur som sammanställningen följde (null: standard).',
  })
  structureVersion: number | null;
  @Field() createdAt: string;
}

@ObjectType('ReportTextField', { description: 'En av förbundschefens texter: nyckel och rubrik.' })
export class ReportTextFieldType {
  @Field({ description: 'Avsnittets id i rapportens struktur.' }) key: string;
  @Field({ description: 'Avsnittets rubrik i förbundets struktur.' }) title: string;
  @Field({ description: 'Texten står efter avsnittets tabeller (siffror ur underlaget).' })
  withFigures: boolean;
}

@ObjectType('ReportTexts')
export class ReportTextsType {
  @Field(() => [ReportTextFieldType], { description: 'Vilka texter rapporten har plats för, i ordning.' })
  fields: ReportTextFieldType[];
  @Field(() => GraphQLJSON, { description: 'Förbundschefens texter per nyckel (förvaltningsberättelse).' })
  texts: Record<string, string>;
  @Field(() => Int, { description: 'Version att ange när du sparar (0 = inga texter än).' }) version: number;
}
