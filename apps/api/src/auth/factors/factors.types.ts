import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

/** A sign-in and signing factor a person can enrol and remove. */
export enum SigningFactor {
  TOTP = 'TOTP',
  PASSKEY = 'PASSKEY',
}
registerEnumType(SigningFactor, {
  name: 'SigningFactor',
  description: 'En inloggningsmetod: app för engångskoder (TOTP) eller passkey.',
});

@ObjectType('TotpSetup')
export class TotpSetupType {
  @Field({ description: 'otpauth://-länk att visa som QR-kod i en autentiseringsapp.' }) otpauthUrl: string;
  @Field({ description: 'Hemligheten i klartext (base32), för manuell inmatning.' }) secret: string;
}
