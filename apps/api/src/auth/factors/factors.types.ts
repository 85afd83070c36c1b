import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('TotpSetup')
export class TotpSetupType {
  @Field({ description: 'otpauth://-länk att visa som QR-kod i en autentiseringsapp.' }) otpauthUrl: string;
  @Field({ description: 'Hemligheten i klartext (base32), för manuell inmatning.' }) secret: string;
}
