import { Field, InputType, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Party')
export class PartyType {
  @Field() key: string;
  @Field() name: string;
  @Field() kind: string;
}

@ObjectType('CostSplitPart')
export class CostSplitPartType {
  @Field({ description: 'ADMINISTRATION, STRUKTUR, INDIVID eller FORBUND.' }) purpose: string;
  @Field({ description: 'Andel som exakt decimaltal i text, 0–1 ("0.2" är 20 %).' }) share: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType('CostCentre')
export class CostCentreType {
  @Field() code: string;
  @Field() name: string;
  @Field() category: string;
  @Field(() => [CostSplitPartType], {
    description: 'Delar av kostnaderna som räknas som något annat; resten behåller kostnadsställets slag.',
  })
  split: CostSplitPartType[];
  @Field(() => Int, { description: 'Versionen att utgå från när kostnadsstället ändras.' }) version: number;
}

@ObjectType('Matpunkt')
export class MatpunktType {
  @Field() key: string;
  @Field() year: number;
  @Field() text: string;
  @Field(() => String, { nullable: true }) metric: string | null;
  @Field(() => String, { nullable: true }) op: string | null;
  @Field(() => String, { nullable: true, description: 'Målvärde som decimaltal i text.' }) target:
    string | null;
}

@ObjectType('ReportingPeriod')
export class ReportingPeriodType {
  @Field({ description: 'T.ex. "HELAR-2025".' }) period: string;
  @Field({ description: 'DELAR eller HELAR' }) kind: string;
  @Field({ description: 'Sista inlämningsdag (ÅÅÅÅ-MM-DD).' }) deadline: string;
}

@ObjectType('InsatsBudget')
export class InsatsBudgetType {
  @Field() year: number;
  @Field({ description: 'Belopp i kronor, decimaltal i text.' }) amount: string;
}

@ObjectType('Insats')
export class InsatsType {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field() key: string;
  @Field() name: string;
  @Field() type: string;
  @Field() costCentre: string;
  @Field() ownerParty: string;
  @Field({ description: 'Första dag (ÅÅÅÅ-MM-DD).' }) start: string;
  @Field(() => String, {
    nullable: true,
    description: 'Sista dag (ÅÅÅÅ-MM-DD); null: inget slutdatum beslutat, insatsen pågår tills ett sätts.',
  })
  end: string | null;
  @Field(() => Int, { description: 'Versionen som en ändring utgår från.' }) version: number;
  @Field(() => String, { nullable: true, description: 'Beslutsdatum (ÅÅÅÅ-MM-DD).' }) decidedOn:
    string | null;
  @Field(() => String, { nullable: true, description: 'Beslutande organ, t.ex. "Styrelsen".' }) decisionBody:
    string | null;
  @Field(() => String, { nullable: true, description: 'Beslutet i text (t.ex. paragraf och lydelse).' })
  decisionText: string | null;
}

@InputType('PersonRoleInput')
export class PersonRoleInput {
  @Field({
    description:
      'ADMIN, FORBUNDSCHEF, PROJEKTAGARE, STYRGRUPP, STYRELSELEDAMOT, STYRELSEERSATTARE, REVISOR …',
  })
  role: string;
  @Field(() => String, { nullable: true, description: 'Insatsens nyckel (PROJEKTAGARE, STYRGRUPP).' })
  insats?: string | null;
  @Field(() => String, { nullable: true, description: 'Parten (styrelsens ledamöter och ersättare).' })
  party?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
}

@InputType('PersonInput')
export class PersonInput {
  @Field() email: string;
  @Field({
    description:
      'Namnet för en ny person. En befintlig persons namn ändras bara av personen själv eller plattformens administratör (kansliet kan rätta det så länge personen inte har ett eget konto eller finns i ett annat förbund).',
  })
  name: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Förbundets eget personnummer för personen (12 siffror, används för BankID i förbundet). Utelämnat: oförändrat; null eller tomt: tas bort.',
  })
  personalNumber?: string | null;
  @Field(() => [PersonRoleInput], {
    description: 'Personens roller i förbundet; tom lista tar bort personen ur förbundet.',
  })
  roles: PersonRoleInput[];
}

@ObjectType('PersonRole', { description: 'En roll i förbundet, med förbundets egen titel.' })
export class PersonRoleType {
  @Field() role: string;
  @Field(() => String, { nullable: true, description: 'Insatsens nyckel.' }) insats: string | null;
  @Field(() => String, { nullable: true, description: 'Partens nyckel.' }) party: string | null;
  @Field(() => String, { nullable: true }) title: string | null;
}

@ObjectType('Person')
export class PersonType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() email: string;
  @Field(() => [String]) roles: string[];
  @Field(() => [PersonRoleType], {
    description: 'Rollerna i förbundet med part och titel, för att ändra dem.',
  })
  assignments: PersonRoleType[];
  @Field() hasPassword: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'Förbundets eget personnummer för personen (bara för kansliet och plattformens administratör).',
  })
  personalNumber: string | null;
  @Field({
    description:
      'Om kansliet får ändra namnet (personen har inget eget konto och finns inte i något annat förbund).',
  })
  nameEditable: boolean;
}

@ObjectType('Profile', { description: 'En persons eget namn och e-postadress, samma i alla förbund.' })
export class ProfileType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() email: string;
}

@InputType('ProfileInput')
export class ProfileInput {
  @Field() name: string;
  @Field() email: string;
}

@ObjectType('Organisation')
export class OrganisationType {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() name: string;
  @Field() reportingUnit: string;
  @Field(() => String, { nullable: true }) vision: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Organisationsnummer NNNNNN-NNNN (saknas för förbund som lagts upp före issue 18).',
  })
  organisationNumber: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Förbundets logotyp i publicerade rapporter (en PNG eller JPEG, hämtas via /files/:id).',
  })
  logoFileId: string | null;
}

@InputType()
export class NewForbundschefInput {
  @Field() name: string;
  @Field({ description: 'Förbundschefen får en inbjudan hit; inget lösenord skickas.' }) email: string;
}

@InputType()
export class NewOrganisationInput {
  @Field() name: string;
  @Field({ description: 'Tio siffror (NNNNNN-NNNN) med rätt kontrollsiffra.' }) organisationNumber: string;
  @Field({ description: 'Kortnamn i adresser: a–z, 0–9 och bindestreck.' }) slug: string;
  @Field(() => String, { nullable: true, description: '"tkr" (standard) eller "kr".' })
  reportingUnit?: string | null;
  @Field(() => NewForbundschefInput) forbundschef: NewForbundschefInput;
}
