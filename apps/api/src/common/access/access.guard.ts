import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { isAllowed, isMemberOf } from '@app/domain';
import { AppError } from '../errors/app-error';
import { CommonError } from '../errors/error-codes';
import { ACCESS_RULE, OperationRule, requestOf } from './access.decorators';
import { ScopeLookup } from './scope-lookup.service';
import { PrincipalService, bearerToken } from '../../auth/principal.service';
import { dbScopeOf, recordDbScope } from './db-scope.interceptor';

/**
 * The one gate for every query, mutation, subscription and HTTP route. An operation without a declared
 * rule is refused (and the schema test fails), so no resolver can forget its check.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalService,
    private readonly lookup: ScopeLookup,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<OperationRule | undefined>(ACCESS_RULE, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        `operation ${ctx.getClass().name}.${ctx.getHandler().name} has no access rule; refused`,
      );
      throw new AppError(CommonError.NO_ACCESS_RULE, 'Operationen saknar behörighetsregel.');
    }
    const req = requestOf(ctx);
    if (req.principal === undefined) {
      req.principal = await this.principals.fromToken(bearerToken(req.headers?.authorization));
    }
    // Row-level security: the operation's SQL runs scoped to the förbund it was allowed in (DbScopeInterceptor).
    recordDbScope(ctx, undefined);
    if (rule.kind === 'public') return true;
    const principal = req.principal;
    if (!principal)
      throw new AppError(CommonError.UNAUTHENTICATED, 'Du behöver logga in (saknad eller ogiltig token).');
    if (rule.kind === 'authenticated') {
      recordDbScope(ctx, dbScopeOf(rule, principal));
      return true;
    }
    if (rule.kind === 'platform-admin') {
      if (principal.isPlatformAdmin) return true;
      throw new AppError(CommonError.FORBIDDEN, 'Endast plattformens administratör får göra detta.');
    }
    if (rule.kind === 'national-picture') {
      if (principal.isPlatformAdmin || principal.isNationalNetwork) return true;
      throw new AppError(
        CommonError.FORBIDDEN,
        'Den nationella sammanställningen är till för det nationella nätverket.',
      );
    }
    const args =
      ctx.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(ctx).getArgs<Record<string, unknown>>()
        : {};
    const scope = await rule.scope(args, this.lookup, principal);
    if (!scope) {
      if (rule.rule.platformAdmin && principal.isPlatformAdmin) return true;
      throw notFound();
    }
    if (isAllowed(principal, rule.rule, scope)) {
      recordDbScope(ctx, dbScopeOf(rule, principal, scope));
      return true;
    }
    // No existence leak: to someone who holds nothing in that förbund, its existing id looks like an unknown one.
    // A member lacking the role knows the förbund, so telling them FORBIDDEN reveals nothing.
    if (!principal.isPlatformAdmin && !isMemberOf(principal, scope.organisationId)) {
      // The caller is told nothing; the log keeps what an operator needs to see someone probing other förbund.
      this.logger.warn(
        `${ctx.getClass().name}.${ctx.getHandler().name}: person ${principal.personId} holds no grant in ` +
          `organisation ${scope.organisationId}; answered NOT_FOUND`,
      );
      throw notFound();
    }
    throw new AppError(CommonError.FORBIDDEN, 'Du har inte behörighet till detta.');
  }
}

/** The one answer for an id that does not exist and for one of a förbund the caller holds nothing in. */
function notFound(): AppError {
  return new AppError(CommonError.NOT_FOUND, 'Det du söker finns inte, eller så saknar du behörighet.');
}
