import { GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate } from 'graphql';
import type { ValidationRule } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { Principal } from '@app/domain';
import { AppConfig } from '@app/infra';
import { formatGraphQLError } from './format-error';

/** What graphql-ws needs from the auth feature (PrincipalService satisfies it). */
export interface WsPrincipals {
  verify(token: string | null | undefined): { sub: string; tv: number; exp?: number } | null;
  load(personId: string, tokenVersion?: number): Promise<Principal | null>;
}

interface WsExtra {
  socket: WebSocket;
  authorization?: string;
  expiryTimer?: NodeJS.Timeout;
}

/** Close codes the web client sees: 4401 the token is missing, expired or revoked. */
export const WS_UNAUTHORIZED = 4401;
/** 4403: a grant the subscription relied on was removed while it lived. */
export const WS_FORBIDDEN = 4403;
export const MAX_TOKENS = 10000;

const bearer = (header: string | undefined) => /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? null;

const problem = (code: string, message: string) => {
  const e = new GraphQLError(message, { extensions: { code } });
  return formatGraphQLError(e.toJSON(), e);
};

/** graphql-ws reports parse and validation errors without a code; give them the ones Apollo uses. */
const withCode = (e: GraphQLError, code: string) =>
  new GraphQLError(e.message, {
    nodes: e.nodes,
    source: e.source,
    positions: e.positions,
    extensions: { code },
  });

/** Every grant the subscriber had when the operation was authorised is still there. */
const keepsGrants = (before: Principal, now: Principal) =>
  (!before.isPlatformAdmin || now.isPlatformAdmin) &&
  before.grants.every((g) =>
    now.grants.some(
      (n) => n.organisationId === g.organisationId && n.role === g.role && n.insatsId === g.insatsId,
    ),
  );

/**
 * graphql-ws at /graphql with the protection HTTP has: the token is checked at connect (none → refused),
 * every operation passes the same validation rules (depth, aliases, cost, cycles, no introspection in
 * production) and token limit, and before each event is delivered the subscriber is re-checked: an expired or
 * revoked token closes the connection (4401), a lost grant closes it too (4403).
 */
export function graphqlWsOptions(
  config: AppConfig,
  rules: readonly ValidationRule[],
  principals: WsPrincipals,
): Partial<ServerOptions> & { path: string } {
  const production = config.NODE_ENV === 'production';
  const allRules = [...specifiedRules, ...rules, ...(production ? [NoSchemaIntrospectionCustomRule] : [])];
  const closeWith = (extra: WsExtra, code: number, reason: string) => {
    if (extra.expiryTimer) clearTimeout(extra.expiryTimer);
    extra.socket.close(code, reason);
  };
  const closeUnauthorized = (extra: WsExtra, reason: string) => closeWith(extra, WS_UNAUTHORIZED, reason);
  return {
    path: '/graphql',
    onConnect: async (ctx) => {
      const extra = ctx.extra as unknown as WsExtra;
      const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
      const auth = params.authorization ?? params.Authorization;
      const authorization = typeof auth === 'string' ? auth : undefined;
      const claims = principals.verify(bearer(authorization));
      if (!claims || !(await principals.load(claims.sub, claims.tv))) return false;
      extra.authorization = authorization;
      if (claims.exp) {
        const ms = Math.min(claims.exp * 1000 - Date.now(), 2 ** 31 - 1);
        extra.expiryTimer = setTimeout(() => closeUnauthorized(extra, 'Token expired'), Math.max(ms, 0));
        extra.expiryTimer.unref();
      }
      return true;
    },
    onClose: (ctx) => {
      const extra = ctx.extra as unknown as WsExtra;
      if (extra.expiryTimer) clearTimeout(extra.expiryTimer);
    },
    onSubscribe: (_ctx, _id, payload) => {
      try {
        parse(payload.query, { maxTokens: MAX_TOKENS });
      } catch (e) {
        const error = e instanceof GraphQLError ? e : new GraphQLError('Frågan kunde inte tolkas.');
        return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
      }
      return undefined;
    },
    validate: (schema, document) =>
      validate(schema, document, allRules).map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED')),
    onNext: async (ctx, id, _payload, args, result) => {
      const extra = ctx.extra as unknown as WsExtra;
      const claims = principals.verify(bearer(extra.authorization));
      const now = claims ? await principals.load(claims.sub, claims.tv) : null;
      if (!now) {
        closeUnauthorized(extra, 'Token expired or revoked');
        return { errors: [problem('UNAUTHENTICATED', 'Du behöver logga in igen.')] };
      }
      const req = (args.contextValue as { req?: { principal?: Principal | null } } | undefined)?.req;
      const before = req?.principal;
      if (before && !keepsGrants(before, now)) {
        // Closing (rather than ending one operation) is certain; the client reconnects and is re-authorised.
        closeWith(extra, WS_FORBIDDEN, 'Grants changed');
        return { errors: [problem('FORBIDDEN', 'Du har inte längre behörighet till detta.')] };
      }
      if (req) req.principal = now;
      const errors = result.errors as readonly GraphQLError[] | undefined;
      if (!errors?.length) return undefined;
      return { ...result, errors: errors.map((e) => formatGraphQLError(e.toJSON(), e)) };
    },
    onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatGraphQLError(e.toJSON(), e)),
  };
}
