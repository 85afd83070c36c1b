import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { MatpunktType } from '../organisations/organisation.types';

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

@ObjectType('FormTemplate')
export class FormTemplateType {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field(() => Int) version: number;
  @Field() title: string;
  @Field(() => GraphQLJSON) definition: unknown;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
}

@ObjectType('ApprovalChainStep', { description: 'Ett steg i godkännandekedjan.' })
export class ApprovalChainStepType {
  @Field() role: string;
  @Field({ description: 'Rollen i klartext, t.ex. "styrgruppen".' }) roleLabel: string;
  @Field(() => Int) quorum: number;
  @Field(() => Int, { description: 'Godkännanden i steget i den pågående omgången.' }) approvals: number;
  @Field({ description: 'DONE, CURRENT eller PENDING' }) state: string;
  @Field({ description: 'Godkännandet undertecknas med lösenord och engångskod.' }) requireSignature: boolean;
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
  @Field({ description: 'INDIVID eller STRUKTUR; avgör vilka avsnitt mallen visar.' }) insatsType: string;
  @Field({ description: 'Sista dag att lämna in (ÅÅÅÅ-MM-DD).' }) deadline: string;
  @Field(() => FormTemplateType, { description: 'Mallen uppföljningen fylls i efter.' })
  template: FormTemplateType;
  @Field(() => [MatpunktType], { description: 'Insatsens mätpunkter för året (en resultatrad var).' })
  matpunkter: MatpunktType[];
  @Field(() => [ApprovalChainStepType]) approvalChain: ApprovalChainStepType[];
  @Field() templateKey: string;
  @Field(() => Int) templateVersion: number;
  @Field({
    description: 'Status i ord, med rollen för steget den passerat ("Godkänd av beredningsgruppen").',
  })
  statusLabel: string;
  @Field(() => String, { nullable: true, description: 'Rollen som uppföljningen väntar på.' }) waitingFor:
    string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 över det godkända innehållet.' }) contentHash:
    string | null;
  @Field(() => String, { nullable: true }) submittedAt: string | null;
  @Field(() => String, { nullable: true }) approvedAt: string | null;
  @Field() updatedAt: string;
}
