import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BoardMandate', {
  description: 'Ett mandat i styrelsen (ledamot eller ersättare) eller som revisor: vem, utsedd av vem, när.',
})
export class BoardMandateType {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field({ description: 'STYRELSELEDAMOT, STYRELSEERSATTARE eller REVISOR' }) role: string;
  @Field(() => String, {
    nullable: true,
    description: 'ORDFORANDE eller VICE_ORDFORANDE för en ledamot; revisorns egen titel.',
  })
  title: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Parten som utsett personen (nyckel); tomt: förbundet självt (revisorer).',
  })
  appointedBy: string | null;
  @Field(() => String, { nullable: true, description: 'Partens namn.' }) partyName: string | null;
  @Field(() => String, { nullable: true, description: 'Första dagen (ÅÅÅÅ-MM-DD); tomt: öppen början.' })
  from: string | null;
  @Field(() => String, { nullable: true, description: 'Sista dagen (ÅÅÅÅ-MM-DD); tomt: tills vidare.' })
  to: string | null;
  @Field(() => String, { nullable: true, description: 'KVINNA, MAN eller ANNAT, för könsfördelningen.' })
  gender: string | null;
  @Field(() => Int) version: number;
}

@InputType('BoardMandateInput')
export class BoardMandateInput {
  @Field(() => ID, { nullable: true, description: 'Tomt: ett nytt mandat.' }) id?: string | null;
  @Field(() => Int, { nullable: true, description: 'Versionen du utgick från (krävs vid ändring).' })
  version?: number | null;
  @Field(() => ID) personId: string;
  @Field() role: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) appointedBy?: string | null;
  @Field(() => String, { nullable: true }) from?: string | null;
  @Field(() => String, { nullable: true }) to?: string | null;
  @Field(() => String, { nullable: true }) gender?: string | null;
}
