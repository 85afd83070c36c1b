import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { ValidationErrorType } from '../submissions/submission.types';
import { ReportCheckType } from '../reports/report.types';

@ObjectType('PlanAllocationRow', { description: 'En parts andel av årets medelstilldelning.' })
export class PlanAllocationRowType {
  @Field() party: string;
  @Field() name: string;
  @Field({ description: 'Kronor som decimaltal i text.' }) amount: string;
}

@ObjectType('PlanBudgetYear', {
  description: 'Ett år i planens budgettabell; belopp i kronor som decimaltal i text.',
})
export class PlanBudgetYearType {
  @Field(() => Int) year: number;
  @Field() fromParties: string;
  @Field() fromEquity: string;
  @Field(() => String, { nullable: true, description: 'Vad föregående års ej budgeterade för över.' })
  rolledEquity: string | null;
  @Field() esf: string;
  @Field() other: string;
  @Field() summaBudget: string;
  @Field() buffer: string;
  @Field() totalt: string;
  @Field(() => GraphQLJSON, { description: 'Kostnadsställe → belopp.' }) lines: Record<string, string>;
  @Field() summaKostnader: string;
  @Field() ejBudgeterat: string;
}

@ObjectType('PlanLastYearLine', {
  description: 'Fjolårets budget, prognos och utfall för ett kostnadsställe.',
})
export class PlanLastYearLineType {
  @Field() costCentre: string;
  @Field(() => String, { nullable: true }) budget: string | null;
  @Field(() => String, { nullable: true }) forecast: string | null;
  @Field(() => String, { nullable: true }) outcome: string | null;
}

@ObjectType('Plan', { description: 'Verksamhetsplan och budget för ett år.' })
export class PlanType {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => Int) year: number;
  @Field(() => Int) revision: number;
  @Field({ description: 'DRAFT, FOR_DECISION, DECIDED eller SUPERSEDED' }) status: string;
  @Field(() => Int) version: number;
  @Field(() => GraphQLJSON, { description: 'Planen som data.' }) data: unknown;
  @Field(() => String, { nullable: true }) decidedAt: string | null;
  @Field(() => [ValidationErrorType]) validationErrors: ValidationErrorType[];
  @Field(() => [PlanAllocationRowType]) allocation: PlanAllocationRowType[];
  @Field(() => [PlanBudgetYearType]) budget: PlanBudgetYearType[];
  @Field(() => [ReportCheckType]) checks: ReportCheckType[];
  @Field(() => [PlanLastYearLineType]) lastYear: PlanLastYearLineType[];
}
