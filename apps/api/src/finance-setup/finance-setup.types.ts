import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CostCentreType } from '../organisations/organisation.types';

@ObjectType('PartySetup')
export class PartySetupType {
  @Field() key: string;
  @Field() name: string;
  @Field() kind: string;
  @Field(() => Int) version: number;
}

@ObjectType('KommunShare')
export class KommunShareType {
  @Field() party: string;
  @Field({ description: 'Andel av kommunernas del, exakt decimaltal i text (0–1).' }) share: string;
}

@ObjectType('KommunKey')
export class KommunKeyType {
  @Field(() => [KommunShareType]) shares: KommunShareType[];
  @Field(() => Int, { description: '0 när ingen nyckel är sparad.' }) version: number;
}

@ObjectType('FinancialGoalSetup')
export class FinancialGoalSetupType {
  @Field(() => Int) year: number;
  @Field() key: string;
  @Field() text: string;
  @Field({ description: 'Ett nyckeltal som rapporterna räknar fram eller en NNS-indikator.' }) metric: string;
  @Field() op: string;
  @Field({ description: 'Målvärde som decimaltal i text (andelar som bråk, 0.15 = 15 %).' }) value: string;
  @Field(() => Int) version: number;
}

@ObjectType('FundingSetup')
export class FundingSetupType {
  @Field(() => Int) year: number;
  @Field() party: string;
  @Field() amount: string;
  @Field() account: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Int) version: number;
}

@ObjectType('FinanceSetup')
export class FinanceSetupType {
  @Field(() => [CostCentreType]) costCentres: CostCentreType[];
  @Field(() => [PartySetupType]) parties: PartySetupType[];
  @Field(() => KommunKeyType) kommunKey: KommunKeyType;
  @Field(() => [FinancialGoalSetupType]) financialGoals: FinancialGoalSetupType[];
  @Field(() => [FundingSetupType]) funding: FundingSetupType[];
  @Field(() => [String], {
    description: 'Måtten ett finansiellt mål kan mätas med (utöver NNS-indikatorer).',
  })
  metrics: string[];
}
