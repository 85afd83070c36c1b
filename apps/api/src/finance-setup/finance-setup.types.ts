import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CostSplitPart')
export class CostSplitPartType {
  @Field({ description: 'ADMINISTRATION, STRUKTUR, INDIVID eller FORBUND.' }) purpose: string;
  @Field({ description: 'Andel som exakt decimaltal i text, 0–1 ("0.2" är 20 %).' }) share: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType('CostCentreSetup')
export class CostCentreSetupType {
  @Field() code: string;
  @Field() name: string;
  @Field() category: string;
  @Field(() => [CostSplitPartType], {
    description: 'Delar av kostnaderna som räknas som något annat; resten behåller kostnadsställets slag.',
  })
  split: CostSplitPartType[];
  @Field(() => Int) version: number;
}

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
  @Field(() => [CostCentreSetupType]) costCentres: CostCentreSetupType[];
  @Field(() => [PartySetupType]) parties: PartySetupType[];
  @Field(() => KommunKeyType) kommunKey: KommunKeyType;
  @Field(() => [FinancialGoalSetupType]) financialGoals: FinancialGoalSetupType[];
  @Field(() => [FundingSetupType]) funding: FundingSetupType[];
  @Field(() => [String], {
    description: 'Måtten ett finansiellt mål kan mätas med (utöver NNS-indikatorer).',
  })
  metrics: string[];
}

@InputType('CostSplitPartInput')
export class CostSplitPartInput {
  @Field() purpose: string;
  @Field() share: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('CostCentreInput')
export class CostCentreInput {
  @Field() code: string;
  @Field() name: string;
  @Field() category: string;
  @Field(() => [CostSplitPartInput], {
    nullable: true,
    description: 'Utelämnad eller tom: ingen fördelning.',
  })
  split?: CostSplitPartInput[] | null;
  @Field(() => Int, { nullable: true, description: 'Versionen du utgick från; utelämnad för ett nytt.' })
  version?: number | null;
}

@InputType('PartyInput')
export class PartyInput {
  @Field() key: string;
  @Field() name: string;
  @Field({ description: 'STAT, REGION eller KOMMUN.' }) kind: string;
  @Field(() => Int, { nullable: true, description: 'Versionen du utgick från; utelämnad för en ny.' })
  version?: number | null;
}

@InputType('KommunShareInput')
export class KommunShareInput {
  @Field() party: string;
  @Field() share: string;
}

@InputType('KommunKeyInput')
export class KommunKeyInput {
  @Field(() => [KommunShareInput], { description: 'Tom lista tar bort nyckeln.' }) shares: KommunShareInput[];
  @Field(() => Int, { description: 'Versionen du utgick från (0 när det inte finns någon nyckel).' })
  version: number;
}

@InputType('FinancialGoalInput')
export class FinancialGoalInput {
  @Field(() => Int) year: number;
  @Field() key: string;
  @Field() text: string;
  @Field() metric: string;
  @Field() op: string;
  @Field() value: string;
  @Field(() => Int, { nullable: true, description: 'Versionen du utgick från; utelämnad för ett nytt.' })
  version?: number | null;
}
