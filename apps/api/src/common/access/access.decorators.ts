import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AccessRule, AccessScope, Principal, Role } from '@app/domain';
import type { ScopeLookup } from './scope-lookup.service';

export const ACCESS_RULE = 'samordning:access-rule';

/** Finds the förbund (and insats) an operation touches from its arguments; null when the object is missing. */
export type ScopeResolver = (
  args: Record<string, unknown>,
  lookup: ScopeLookup,
  principal: Principal,
) => Promise<AccessScope | null>;

export type OperationRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'platform-admin' }
  | { kind: 'national-picture' }
  | { kind: 'scoped'; rule: AccessRule; scope: ScopeResolver };

/** Anyone, signed in or not (login, invitations, health). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies OperationRule);
/** Any signed-in person; the resolver itself narrows what they see to their own förbund. */
export const Authenticated = () =>
  SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies OperationRule);
/** Only the installation's platform admin. */
export const PlatformAdminOnly = () =>
  SetMetadata(ACCESS_RULE, { kind: 'platform-admin' } satisfies OperationRule);
/** The platform admin or an account of the national network (NNS): national figures, no förbund's data. */
export const NationalPicture = () =>
  SetMetadata(ACCESS_RULE, { kind: 'national-picture' } satisfies OperationRule);
/** The listed roles within the förbund (and insats) that `scope` finds from the arguments. */
export const Allow = (roles: readonly Role[], scope: ScopeResolver, opts: Omit<AccessRule, 'roles'> = {}) =>
  SetMetadata(ACCESS_RULE, { kind: 'scoped', rule: { roles, ...opts }, scope } satisfies OperationRule);

/** Scope resolvers for the usual argument shapes. */
export const scopeOf = {
  organisationId:
    (arg = 'organisationId'): ScopeResolver =>
    async (args, lookup) =>
      lookup.organisation(String(args[arg] ?? '')),
  organisationSlug:
    (arg = 'slug'): ScopeResolver =>
    async (args, lookup) =>
      lookup.organisationBySlug(String(args[arg] ?? '')),
  insatsId:
    (arg = 'insatsId'): ScopeResolver =>
    async (args, lookup) =>
      lookup.insats(String(args[arg] ?? '')),
};

export interface RequestWithPrincipal {
  principal?: Principal | null;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  id?: string;
}

export function requestOf(ctx: ExecutionContext): RequestWithPrincipal {
  if (ctx.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(ctx).getContext<{ req: RequestWithPrincipal }>();
    return gql.req;
  }
  return ctx.switchToHttp().getRequest<RequestWithPrincipal>();
}

/** The signed-in person of this request (the guard has put it there). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | null => requestOf(ctx).principal ?? null,
);
