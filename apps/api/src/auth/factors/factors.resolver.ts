import { Args, Mutation, Resolver } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { Principal } from '@app/domain';
import { Authenticated, CurrentPrincipal } from '../../common/access/access.decorators';
import { FactorsService } from './factors.service';
import { SigningFactor, TotpSetupType } from './factors.types';

const REAUTH = {
  password: { nullable: true, description: 'Ditt nuvarande lösenord (krävs, om du inte anger code).' },
  code: {
    nullable: true,
    description: 'En kod från din befintliga app för engångskoder, i stället för lösenord.',
  },
} as const;

/** Account factors: an authenticator app (TOTP) and passkeys. Adding one needs the password or a factor. */
@Resolver()
export class FactorsResolver {
  constructor(private readonly factors: FactorsService) {}

  @Authenticated()
  @Mutation(() => TotpSetupType, {
    description:
      'Skapar en ny hemlighet för engångskoder (bekräftas med confirmTotp). Kräver nuvarande lösenord eller kod.',
  })
  setupTotp(
    @CurrentPrincipal() me: Principal,
    @Args('password', { type: () => String, ...REAUTH.password }) password: string | null,
    @Args('code', { type: () => String, ...REAUTH.code }) code: string | null,
  ): Promise<TotpSetupType> {
    return this.factors.setupTotp(me, password ?? null, code ?? null);
  }

  @Authenticated()
  @Mutation(() => Boolean)
  confirmTotp(@Args('code') code: string, @CurrentPrincipal() me: Principal): Promise<boolean> {
    return this.factors.confirmTotp(me, code);
  }

  @Authenticated()
  @Mutation(() => GraphQLJSON, {
    description:
      'Alternativ för att registrera en passkey (skickas till navigator.credentials.create). Kräver nuvarande lösenord eller kod.',
  })
  passkeyRegistrationOptions(
    @CurrentPrincipal() me: Principal,
    @Args('password', { type: () => String, ...REAUTH.password }) password: string | null,
    @Args('code', { type: () => String, ...REAUTH.code }) code: string | null,
  ): Promise<unknown> {
    return this.factors.passkeyRegistrationOptions(me, password ?? null, code ?? null);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Registrerar passkeyn från webbläsarens svar.' })
  registerPasskey(
    @Args('response', { type: () => GraphQLJSON }) response: unknown,
    @CurrentPrincipal() me: Principal,
  ): Promise<boolean> {
    return this.factors.registerPasskey(me, response);
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description:
      'Tar bort en inloggningsmetod (alla passkeys, eller appen för engångskoder). Kräver nuvarande lösenord eller kod; du får ett mejl om ändringen.',
  })
  removeSigningFactor(
    @CurrentPrincipal() me: Principal,
    @Args('factor', { type: () => SigningFactor }) factor: SigningFactor,
    @Args('password', { type: () => String, ...REAUTH.password }) password: string | null,
    @Args('code', { type: () => String, ...REAUTH.code }) code: string | null,
  ): Promise<boolean> {
    return this.factors.removeFactor(me, factor, password ?? null, code ?? null);
  }
}
