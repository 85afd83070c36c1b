import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@app/domain';
import { Authenticated, CurrentPrincipal, Public } from '../common/access/access.decorators';
import { AuthService } from './auth.service';
import { AuthPayloadType, UserType } from './auth.types';

interface GqlCtx {
  req: { ip?: string; socket?: { remoteAddress?: string } };
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Logga in med e-post och lösenord; ger en bearer-token.' })
  login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() ctx: GqlCtx,
  ): Promise<AuthPayloadType> {
    return this.auth.login(email, password, ctx.req.ip ?? ctx.req.socket?.remoteAddress ?? 'unknown');
  }

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'Välj lösenord via en inbjudningslänk.' })
  acceptInvitation(
    @Args('token') token: string,
    @Args('password') password: string,
  ): Promise<AuthPayloadType> {
    return this.auth.acceptInvitation(token, password);
  }

  @Authenticated()
  @Mutation(() => AuthPayloadType, { description: 'Byt lösenord; tidigare tokens slutar gälla.' })
  changePassword(
    @CurrentPrincipal() me: Principal,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<AuthPayloadType> {
    return this.auth.changePassword(me.personId, currentPassword, newPassword);
  }

  @Authenticated()
  @Query(() => UserType, { description: 'Den inloggade personen och dess roller.' })
  me(@CurrentPrincipal() me: Principal): Promise<UserType> {
    return this.auth.user(me.personId);
  }
}
