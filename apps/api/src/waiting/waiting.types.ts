import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WAITING_KINDS, WaitingKind } from '@app/domain';

export const WaitingKindEnum = Object.fromEntries(WAITING_KINDS.map((k) => [k, k])) as {
  [K in WaitingKind]: K;
};
registerEnumType(WaitingKindEnum, {
  name: 'WaitingKind',
  description:
    'Vad som väntar: en uppföljning att påbörja, ett utkast, en återsänd uppföljning, en granskning, en underskrift eller en rapport att skicka för underskrift.',
});

@ObjectType('WaitingItem', { description: 'En sak som väntar på mig (startsidans "Väntar på dig").' })
export class WaitingItemType {
  @Field(() => WaitingKindEnum) kind: WaitingKind;
  @Field({ description: 'Vad som ska göras, i ord, t.ex. "Utkast att skicka in".' }) kindLabel: string;
  @Field({ description: 'Vad det gäller, i ord, t.ex. "Stegen, Helår 2025" eller "Årsredovisning 2025".' })
  title: string;
  @Field(() => String, {
    nullable: true,
    description: 'Sista dag (YYYY-MM-DD, svensk tid), om det finns en.',
  })
  dueDate: string | null;
  @Field({ description: 'Sen: sista dagen har passerat i svensk tid.' }) late: boolean;
  @Field(() => ID, {
    description:
      'Det som länken leder till: uppföljningen, rapporten (underskrift och att skicka) eller insatsen (att påbörja).',
  })
  targetId: string;
  @Field(() => String, { nullable: true, description: 'Perioden för en uppföljning, t.ex. "HELAR-2025".' })
  period: string | null;
  @Field(() => ID) organisationId: string;
  @Field() organisationName: string;
}
