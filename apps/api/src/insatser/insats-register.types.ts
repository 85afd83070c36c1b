import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType('InsatsDecisionInput', { description: 'Beslutet som beviljade insatsen.' })
export class InsatsDecisionInput {
  @Field({ description: 'Beslutsdatum (ÅÅÅÅ-MM-DD).' }) date: string;
  @Field(() => String, { nullable: true, description: 'Beslutande organ, t.ex. "Styrelsen".' })
  body?: string | null;
  @Field(() => String, { nullable: true, description: 'Beslutet i text, t.ex. paragraf och lydelse.' })
  text?: string | null;
}

@InputType('InsatsBudgetInput')
export class InsatsBudgetInput {
  @Field(() => Int) year: number;
  @Field({ description: 'Belopp i kronor som decimaltal i text, t.ex. "400000.00".' }) amount: string;
  @Field(() => String, { nullable: true, description: 'Beslutet om årets belopp, om ett eget.' })
  decision?: string | null;
}

@InputType('MatpunktInput')
export class MatpunktInput {
  @Field() key: string;
  @Field(() => Int) year: number;
  @Field() text: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Vad som mäts: ett fält i uppföljningen (t.ex. inskrivna_totalt) eller en NNS-indikator (nns:7:DELTAGARE_AVSLUT:6).',
  })
  metric?: string | null;
  @Field(() => String, { nullable: true, description: '<=, >=, <, > eller =; anges med target.' })
  op?: string | null;
  @Field(() => String, { nullable: true, description: 'Målvärde som decimaltal i text; anges med op.' })
  target?: string | null;
}

@InputType('InsatsInput', {
  description: 'En insats som kansliet registrerar eller ändrar, med samma regler som förbundets paket.',
})
export class InsatsInput {
  @Field({ description: 'Kort nyckel (a–z, 0–9), kan inte ändras sedan.' }) key: string;
  @Field() name: string;
  @Field({ description: 'INDIVID eller STRUKTUR.' }) type: string;
  @Field({ description: 'Ägande partens nyckel.' }) ownerParty: string;
  @Field({ description: 'Kostnadsställets kod.' }) costCentre: string;
  @Field({ description: 'Första dag (ÅÅÅÅ-MM-DD).' }) start: string;
  @Field(() => String, { nullable: true, description: 'Sista dag; utelämnad: inget slutdatum ännu.' })
  end?: string | null;
  @Field(() => InsatsDecisionInput, { nullable: true }) decision?: InsatsDecisionInput | null;
  @Field(() => [InsatsBudgetInput], { defaultValue: [] }) budgets: InsatsBudgetInput[];
  @Field(() => [MatpunktInput], { defaultValue: [] }) matpunkter: MatpunktInput[];
  @Field(() => [ID], {
    nullable: true,
    description: 'Styrgruppens personer (personer i förbundet); utelämnad vid en ändring: oförändrad.',
  })
  styrgrupp?: string[] | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Projektägarna (personer i förbundet); utelämnad vid en ändring: oförändrad.',
  })
  projektagare?: string[] | null;
}

@ObjectType('InsatsMember', { description: 'En person i insatsens styrgrupp eller en projektägare.' })
export class InsatsMemberType {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field() email: string;
  @Field({ description: 'STYRGRUPP eller PROJEKTAGARE.' }) role: string;
}
