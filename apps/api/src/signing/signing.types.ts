import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SigningOrder {
  PARALLEL = 'PARALLEL',
  SEQUENTIAL = 'SEQUENTIAL',
  GROUPS = 'GROUPS',
}
registerEnumType(SigningOrder, {
  name: 'SigningOrder',
  description: 'Alla på en gång, en i taget, eller ledamöterna före revisorerna.',
});

@ObjectType('Signer')
export class SignerType {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field() role: string;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field({ description: 'NOT_SENT, SENT, VIEWED, SIGNED eller DECLINED' }) state: string;
  @Field(() => String, { nullable: true }) signedAt: string | null;
  @Field(() => String, { nullable: true, description: 'TOTP, PASSKEY eller BANKID' }) method: string | null;
  @Field(() => ID, { nullable: true, description: 'Ledamoten som ersättaren undertecknar i stället för.' })
  inPlaceOfPersonId: string | null;
  @Field(() => String, { nullable: true, description: 'Ledamotens namn, när en ersättare undertecknar.' })
  inPlaceOfName: string | null;
  @Field(() => String, { nullable: true, description: 'Varför ersättaren undertecknar i ledamotens ställe.' })
  substitutionReason: string | null;
  @Field({ description: 'Rollen i ord: "ordförande", "ledamot", "ersättare för Anna Andersson (skäl: …)".' })
  roleText: string;
}

@ObjectType('SigningRequest')
export class SigningRequestType {
  @Field(() => ID) id: string;
  @Field(() => ID) reportId: string;
  @Field({ description: 'OPEN, SEALING, SEAL_FAILED, COMPLETED, CANCELLED, DECLINED eller EXPIRED' })
  status: string;
  @Field(() => String, {
    nullable: true,
    description: 'Varför förseglingen misslyckades (status SEAL_FAILED), i ord för förbundschefen.',
  })
  failureReason: string | null;
  @Field() orderMode: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Dagen då styrelsen beslutar om rapporten (ÅÅÅÅ-MM-DD); undertecknarna är de som har mandat då.',
  })
  decisionDate: string | null;
  @Field() expiresAt: string;
  @Field() documentSha256: string;
  @Field(() => ID, { nullable: true }) sealedPdfFileId: string | null;
  @Field(() => [SignerType]) signers: SignerType[];
}

@ObjectType('DocumentVerificationSigner')
export class DocumentVerificationSignerType {
  @Field() name: string;
  @Field(() => String, { nullable: true }) signedAt: string | null;
  @Field(() => String, { nullable: true }) method: string | null;
}

@ObjectType('DocumentVerification')
export class DocumentVerificationType {
  @Field({ description: 'Filen bär plattformens sigill.' }) sealed: boolean;
  @Field({ description: 'Filen är byte för byte den förseglade versionen.' }) unaltered: boolean;
  @Field(() => ID, { nullable: true }) reportId: string | null;
  @Field(() => [DocumentVerificationSignerType]) signers: DocumentVerificationSignerType[];
}

@ObjectType('BankIdStart')
export class BankIdStartType {
  @Field() orderRef: string;
  @Field({ description: 'För att starta BankID-appen på samma enhet.' }) autoStartToken: string;
  @Field({ description: 'Den animerade QR-kodens innehåll just nu; hämta nytt varje sekund med bankIdQr.' })
  qrData: string;
}

@ObjectType('BankIdStatus')
export class BankIdStatusType {
  @Field({ description: 'pending, failed eller complete' }) status: string;
  @Field(() => String, { nullable: true }) hintCode: string | null;
  @Field({ description: 'Vad användaren ska göra, på svenska.' }) message: string;
  @Field(() => SigningRequestType, { nullable: true }) signingRequest: SigningRequestType | null;
}
