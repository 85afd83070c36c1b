import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Observable } from 'rxjs';
import { AccessScope, Principal } from '@app/domain';
import { DbScope, runInDbScope, tenantScope } from '@app/infra';
import { OperationRule, requestOf, RequestWithPrincipal } from './access.decorators';

/** The database scope of each operation of a request, by the operation's root field (its response key). */
export interface RequestWithDbScope extends RequestWithPrincipal {
  dbScopes?: Map<string, DbScope>;
}

/** The key of the operation a resolver (root or field) belongs to: its root field's response key. */
export function operationKey(ctx: ExecutionContext): string {
  if (ctx.getType<string>() !== 'graphql') return 'http';
  let path = GqlExecutionContext.create(ctx).getInfo<GraphQLResolveInfo>()?.path;
  if (!path) return 'graphql';
  while (path.prev) path = path.prev;
  return `graphql:${String(path.key)}`;
}

/**
 * The förbund an allowed operation's SQL is scoped to (row-level security): the förbund the operation's rule
 * found from its arguments; for an operation open to any signed-in person, the one förbund a förbund user
 * belongs to. Nothing for public routes, the platform admin's and the national network's operations, and a
 * person of several förbund outside a förbund's operation: those run unscoped, as they legitimately read
 * across förbund or before one is known (SECURITY.md).
 */
export function dbScopeOf(
  rule: OperationRule,
  principal: Principal | null | undefined,
  scope?: AccessScope | null,
): DbScope | undefined {
  if (rule.kind === 'scoped') return scope ? tenantScope(scope.organisationId) : undefined;
  if (rule.kind !== 'authenticated' || !principal) return undefined;
  if (principal.isPlatformAdmin || principal.isNationalNetwork) return undefined;
  const orgs = new Set(principal.grants.map((g) => g.organisationId));
  return orgs.size === 1 ? tenantScope([...orgs][0]) : undefined;
}

/** Remembers the scope the access guard decided for the operation `ctx` belongs to. */
export function recordDbScope(ctx: ExecutionContext, scope: DbScope | undefined): void {
  const req = requestOf(ctx) as RequestWithDbScope;
  const key = operationKey(ctx);
  if (scope) (req.dbScopes ??= new Map()).set(key, scope);
  else req.dbScopes?.delete(key);
}

/**
 * Runs every resolver (root and field) and REST handler in the database scope its operation was allowed in,
 * so each transaction it opens is scoped to that förbund (libs/infra/src/database/tenant-scope.ts).
 */
@Injectable()
export class DbScopeInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const scope = (requestOf(ctx) as RequestWithDbScope).dbScopes?.get(operationKey(ctx));
    if (!scope) return next.handle();
    return new Observable((subscriber) => runInDbScope(scope, () => next.handle().subscribe(subscriber)));
  }
}
