import { Field, ID, Int, ObjectType, registerEnumType, InputType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';

@ObjectType('SieImport')
export class SieImportType {
  @Field(() => ID) id: string;
  @Field(() => Int) year: number;
  @Field(() => Int) version: number;
  @Field() active: boolean;
  @Field() fiscalYearStart: string;
  @Field() fiscalYearEnd: string;
  @Field(() => Int) vouchers: number;
  @Field(() => Int) transactions: number;
  @Field({ description: 'Teckenkodningen filen lästes med (cp437, utf-8 eller latin1).' }) encoding: string;
  @Field(() => [String]) warnings: string[];
  @Field(() => ID, { nullable: true }) fileId: string | null;
  @Field() createdAt: string;
}

export enum LedgerGrouping {
  ACCOUNT = 'ACCOUNT',
  COST_CENTRE = 'COST_CENTRE',
  ACCOUNT_AND_COST_CENTRE = 'ACCOUNT_AND_COST_CENTRE',
}
registerEnumType(LedgerGrouping, { name: 'LedgerGrouping' });

@ObjectType('LedgerAmount')
export class LedgerAmountType {
  @Field(() => String, { nullable: true }) account: string | null;
  @Field(() => String, { nullable: true }) accountName: string | null;
  @Field(() => String, { nullable: true }) costCentre: string | null;
  @Field({ description: 'Utfall i kronor, exakt decimaltal i text (debet positivt).' }) amount: string;
}

@ObjectType('AccountMappingRow')
export class AccountMappingRowType {
  @Field() account: string;
  @Field() name: string;
  @Field(() => String, {
    nullable: true,
    description: 'Rapportrad, eller null när kontot inte hamnar någonstans.',
  })
  line: string | null;
  @Field(() => String, { nullable: true }) lineLabel: string | null;
  @Field() mapped: boolean;
}

@ObjectType('Budget')
export class BudgetType {
  @Field(() => ID) id: string;
  @Field(() => Int) year: number;
  @Field() decided: string;
  @Field() kind: string;
  @Field(() => String, { nullable: true }) fundedBy: string | null;
  @Field(() => GraphQLJSON, { description: 'Kostnadsställe → belopp (decimaltal i text).' }) lines: Record<
    string,
    string
  >;
  @Field(() => GraphQLJSON, { nullable: true }) outlook: Record<string, string> | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'Finansieringen: förbundets egna rader [{ label, amount, source }] (äldre paket: fasta nycklar).',
  })
  financing: unknown;
  @Field(() => GraphQLJSON, {
    description: 'Intäkter budgeterade på en rad: kostnadsställe → { amount, source }.',
  })
  lineIncome: Record<string, { amount: string; source: string }>;
  @Field(() => Int, { description: 'Versionen att utgå från när beslutet ändras.' }) version: number;
}

@ObjectType('Forecast')
export class ForecastType {
  @Field(() => ID) id: string;
  @Field(() => Int) year: number;
  @Field() asOf: string;
  @Field(() => GraphQLJSON) lines: Record<string, string>;
  @Field(() => Int, { description: 'Versionen att utgå från när prognosen ändras.' }) version: number;
}

@InputType('BudgetInput')
export class BudgetInput {
  @Field(() => Int) year: number;
  @Field({ description: 'Beslutsdatum ÅÅÅÅ-MM-DD.' }) decided: string;
  @Field({ nullable: true, description: 'ORDINARY (standard) eller SUPPLEMENTARY (tilläggsbudget).' })
  kind?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Tilläggsbudgetens finansiering (EQUITY, PARTIES, OTHER …); utelämnad: oförändrad.',
  })
  fundedBy?: string | null;
  @Field(() => GraphQLJSON) lines: Record<string, string>;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'Plan för kommande år (årtal → belopp); utelämnad: oförändrad, null: tas bort.',
  })
  outlook?: Record<string, string> | null;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'Finansieringen som förbundet namnger den: [{ label, amount, source: PARTIES|EQUITY|ESF|NNS|OTHER }]; utelämnad: oförändrad, null: tas bort.',
  })
  financing?: unknown;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'Intäkter budgeterade på en rad: { kostnadsställe: { amount, source } } (raden är nettot); utelämnad: oförändrad, null: tas bort.',
  })
  lineIncome?: Record<string, { amount: string; source: string }> | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Versionen du utgick från när du ändrar; utelämnad för ett nytt (finns det redan: VERSION_CONFLICT).',
  })
  version?: number | null;
}

@InputType('ForecastInput')
export class ForecastInput {
  @Field(() => Int) year: number;
  @Field() asOf: string;
  @Field(() => GraphQLJSON) lines: Record<string, string>;
  @Field(() => Int, {
    nullable: true,
    description:
      'Versionen du utgick från när du ändrar; utelämnad för ett nytt (finns det redan: VERSION_CONFLICT).',
  })
  version?: number | null;
}

@InputType('FundingInput')
export class FundingInput {
  @Field(() => Int) year: number;
  @Field() party: string;
  @Field() amount: string;
  @Field() account: string;
  @Field({ nullable: true }) note?: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'Versionen du utgick från när du ändrar; utelämnad för ett nytt (finns det redan: VERSION_CONFLICT).',
  })
  version?: number | null;
}
