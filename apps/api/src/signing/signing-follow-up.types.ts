import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SigningMethod', {
  description:
    'Ett sätt att underteckna som är inställt på installationen, och om jag är redo att använda det.',
})
export class SigningMethodType {
  @Field({ description: 'TOTP, PASSKEY eller BANKID' }) method: string;
  @Field({ description: 'Metoden i ord.' }) label: string;
  @Field({ description: 'Jag har det som metoden kräver (autentiseringsapp, passkey, personnummer).' })
  ready: boolean;
  @Field({ description: 'Vad metoden kräver och var det ställs in, i ord.' }) requirement: string;
}

@ObjectType('ReportSigning', {
  description:
    'Rapportversionens underskrifter i korthet, och om en nyare eller redan undertecknad version finns.',
})
export class ReportSigningType {
  @Field(() => String, {
    nullable: true,
    description: 'Den senaste signeringsbegärans status (OPEN … EXPIRED); null när den inte har skickats.',
  })
  status: string | null;
  @Field(() => Int, { description: 'Hur många som har undertecknat.' }) signed: number;
  @Field(() => Int, { description: 'Hur många som ska underteckna.' }) signers: number;
  @Field(() => Int, { description: 'Den nyaste färdiga versionen av samma rapport (slag och år).' })
  newestVersion: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Den version av samma rapport som är undertecknad och förseglad, om någon.',
  })
  signedVersion: number | null;
}

@ObjectType('SigningReminder', { description: 'En påminnelse som förbundschefen har skickat.' })
export class SigningReminderType {
  @Field(() => Int, { description: 'Hur många som påminns (de som fått begäran och inte undertecknat).' })
  reminded: number;
  @Field({ description: 'När nästa påminnelse kan skickas (ISO 8601).' }) nextAllowedAt: string;
}
