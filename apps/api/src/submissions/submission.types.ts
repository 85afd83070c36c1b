import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';

@ObjectType('ValidationError')
export class ValidationErrorType {
  @Field({ description: 'JSON-sökväg i svaren, t.ex. $.deltagare.avslutade.' }) path: string;
  @Field({ description: 'Vad som är fel, på svenska.' }) message: string;
}

@ObjectType('SubmissionComment')
export class SubmissionCommentType {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Fältet kommentaren gäller (JSON-sökväg), eller null för hela uppföljningen.',
  })
  path: string | null;
  @Field() body: string;
  @Field() authorName: string;
  @Field(() => ID) authorId: string;
  @Field() createdAt: string;
  @Field(() => String, { nullable: true }) resolvedAt: string | null;
}

@ObjectType('Submission')
export class SubmissionType {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID) insatsId: string;
  @Field() insatsKey: string;
  @Field() insatsName: string;
  @Field() period: string;
  @Field() status: string;
  @Field(() => Int) version: number;
  @Field(() => Int) revision: number;
  @Field(() => GraphQLJSON) answers: unknown;
  @Field(() => [ValidationErrorType]) validationErrors: ValidationErrorType[];
  @Field(() => GraphQLJSON, {
    description: 'Härledda värden (inskrivna_totalt, avvikelse …) och föreslagna bedömningar.',
  })
  derived: unknown;
  @Field() templateKey: string;
  @Field(() => Int) templateVersion: number;
  @Field(() => String, { nullable: true, description: 'Rollen som uppföljningen väntar på.' }) waitingFor:
    string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 över det godkända innehållet.' }) contentHash:
    string | null;
  @Field(() => String, { nullable: true }) submittedAt: string | null;
  @Field(() => String, { nullable: true }) approvedAt: string | null;
  @Field() updatedAt: string;
}

@ObjectType('FormTemplate')
export class FormTemplateType {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field(() => Int) version: number;
  @Field() title: string;
  @Field(() => GraphQLJSON) definition: unknown;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
}
