import { REPORT_READERS } from '../common/access/role-groups';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, Principal, Role } from '@app/domain';
import { Allow, Authenticated, CurrentPrincipal, ScopeResolver } from '../common/access/access.decorators';
import { BankIdService } from './bankid.service';
import { SignaturesService } from './signatures.service';
import { SigningRequestsService } from './signing-requests.service';
import { VerificationService } from './verification.service';
import GraphQLJSON from 'graphql-type-json';
import {
  BankIdStartType,
  BankIdStatusType,
  DocumentVerificationType,
  SigningOrder,
  SigningRequestType,
} from './signing.types';
import { Context } from '@nestjs/graphql';

const reportScope: ScopeResolver = (args, lookup) => lookup.row('report', String(args.reportId ?? ''));
const requestScope: ScopeResolver = (args, lookup) =>
  lookup.row('signing_request', String(args.requestId ?? ''));
const READERS = REPORT_READERS;

@Resolver(() => SigningRequestType)
export class SigningResolver {
  constructor(
    private readonly requests: SigningRequestsService,
    private readonly signatures: SignaturesService,
    private readonly bankId: BankIdService,
    private readonly verification: VerificationService,
  ) {}

  @Allow([Role.FORBUNDSCHEF], reportScope)
  @Mutation(() => SigningRequestType, {
    description: 'Skickar en färdig rapportversion för underskrift till ledamöterna och revisorerna.',
  })
  createSigningRequest(
    @Args('reportId', { type: () => ID }) reportId: string,
    @Args('order', { type: () => SigningOrder, defaultValue: SigningOrder.PARALLEL }) order: SigningOrder,
    @Args('expiresInDays', { type: () => Int, defaultValue: 30 }) expiresInDays: number,
    @Args('reminderDays', { type: () => Int, nullable: true }) reminderDays: number | null,
    @Args('overrideReason', {
      type: () => String,
      nullable: true,
      description: 'Krävs när rapporten har kontroller som inte är godkända.',
    })
    overrideReason: string | null,
    @Args('decisionDate', {
      type: () => String,
      nullable: true,
      description:
        'Dagen då styrelsen beslutar om rapporten (ÅÅÅÅ-MM-DD, annars i dag): de ledamöter och revisorer som har mandat den dagen undertecknar.',
    })
    decisionDate: string | null,
    @CurrentPrincipal() me: Principal,
  ): Promise<SigningRequestType> {
    return this.requests.create(
      me,
      reportId,
      order,
      expiresInDays,
      reminderDays ?? null,
      overrideReason ?? null,
      decisionDate ?? null,
    );
  }

  @Allow([Role.FORBUNDSCHEF, Role.ADMIN, Role.STYRELSEERSATTARE], requestScope)
  @Mutation(() => SigningRequestType, {
    description:
      'En ersättare undertecknar i en ledamots ställe (skälet anges och syns i signeringsintyget). Ersättaren själv, kansliet eller förbundschefen.',
  })
  signInPlaceOf(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('ledamotPersonId', { type: () => ID }) ledamotPersonId: string,
    @Args('ersattarePersonId', { type: () => ID }) ersattarePersonId: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SigningRequestType> {
    return this.requests.substitute(me, requestId, ledamotPersonId, ersattarePersonId, reason);
  }

  @Allow(READERS, reportScope)
  @Query(() => SigningRequestType, {
    nullable: true,
    description: 'Den senaste signeringsbegäran för rapporten.',
  })
  signingRequest(@Args('reportId', { type: () => ID }) reportId: string): Promise<SigningRequestType | null> {
    return this.requests.forReport(reportId);
  }

  @Allow(READERS, requestScope)
  @Mutation(() => String, {
    description: 'Öppnar dokumentet (registreras) och ger en kortlivad länk till PDF:en.',
  })
  viewSigningDocument(
    @Args('requestId', { type: () => ID }) requestId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<string> {
    return this.requests.view(me, requestId);
  }

  @Allow(ALL_ROLES, requestScope)
  @Mutation(() => SigningRequestType, { description: 'Undertecknar med lösenord och engångskod.' })
  signWithTotp(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('password') password: string,
    @Args('code') code: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SigningRequestType> {
    return this.signatures.signWithTotp(me, requestId, password, code);
  }

  @Allow(ALL_ROLES, requestScope)
  @Mutation(() => BankIdStartType, {
    description: 'Startar en underskrift med BankID; visa qrData som QR-kod och fråga collectBankIdSigning.',
  })
  startBankIdSigning(
    @Args('requestId', { type: () => ID }) requestId: string,
    @CurrentPrincipal() me: Principal,
    @Context() ctx: { req: { ip?: string } },
  ): Promise<BankIdStartType> {
    return this.bankId.start(me, requestId, (ctx.req.ip ?? '127.0.0.1').replace(/^::ffff:/, ''));
  }

  @Authenticated()
  @Query(() => String, { description: 'Den animerade QR-kodens innehåll just nu (hämtas varje sekund).' })
  bankIdQr(@Args('orderRef') orderRef: string, @CurrentPrincipal() me: Principal): Promise<string> {
    return this.bankId.qr(me, orderRef);
  }

  @Authenticated()
  @Mutation(() => BankIdStatusType, {
    description: 'Frågar BankID om läget; när det är klart registreras underskriften.',
  })
  collectBankIdSigning(
    @Args('orderRef') orderRef: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<BankIdStatusType> {
    return this.bankId.collect(me, orderRef);
  }

  @Authenticated()
  @Mutation(() => Boolean)
  cancelBankIdSigning(
    @Args('orderRef') orderRef: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<boolean> {
    return this.bankId.cancel(me, orderRef);
  }

  @Allow(ALL_ROLES, requestScope)
  @Mutation(() => GraphQLJSON, {
    description:
      'Alternativ för en passkey-underskrift; utmaningen binder dokumentets SHA-256, undertecknaren och begäran.',
  })
  passkeySigningOptions(
    @Args('requestId', { type: () => ID }) requestId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<unknown> {
    return this.signatures.passkeyOptions(me, requestId);
  }

  @Allow(ALL_ROLES, requestScope)
  @Mutation(() => SigningRequestType, {
    description: 'Undertecknar med passkey (svaret från navigator.credentials.get).',
  })
  signWithPasskey(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('response', { type: () => GraphQLJSON }) response: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<SigningRequestType> {
    return this.signatures.signWithPasskey(me, requestId, response);
  }

  @Allow(ALL_ROLES, requestScope)
  @Mutation(() => SigningRequestType)
  declineSigning(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SigningRequestType> {
    return this.signatures.decline(me, requestId, reason);
  }

  @Allow([Role.FORBUNDSCHEF], requestScope)
  @Mutation(() => SigningRequestType)
  cancelSigningRequest(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SigningRequestType> {
    return this.requests.cancel(me, requestId, reason);
  }

  @Allow([Role.FORBUNDSCHEF], requestScope)
  @Mutation(() => SigningRequestType, {
    description:
      'Försöker försegla igen när förseglingen misslyckats (status SEAL_FAILED); underskrifterna står kvar.',
  })
  retrySealing(
    @Args('requestId', { type: () => ID }) requestId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<SigningRequestType> {
    return this.requests.retrySeal(me, requestId);
  }

  @Authenticated()
  @Mutation(() => DocumentVerificationType, {
    description: 'Är den uppladdade PDF:en en förseglad version från plattformen, och oförändrad?',
  })
  verifyDocument(
    @Args('fileId', { type: () => ID }) fileId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<DocumentVerificationType> {
    return this.verification.verify(me, fileId);
  }
}
