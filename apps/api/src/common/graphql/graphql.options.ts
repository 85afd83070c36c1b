import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { GraphQLError } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { AppConfig } from '@app/infra';
import { formatGraphQLError } from './format-error';

/** Apollo set-up: generated schema, limits that refuse abusive queries before they run, masked errors. */
/** graphql-ws at /graphql: the token comes in connectionParams; errors get the same mapping as queries. */
const wsOptions: Partial<ServerOptions> & { path: string } = {
  path: '/graphql',
  onConnect: (ctx) => {
    const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
    const auth = params.authorization ?? params.Authorization;
    (ctx.extra as Record<string, unknown>).authorization = typeof auth === 'string' ? auth : undefined;
    return true;
  },
  onNext: (_ctx, _id, _payload, _args, result) => {
    const errors = result.errors as readonly GraphQLError[] | undefined;
    if (!errors?.length) return undefined;
    return { ...result, errors: errors.map((e) => formatGraphQLError(e.toJSON(), e)) };
  },
  onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatGraphQLError(e.toJSON(), e)),
};

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: true },
    maxDirectives: { n: 20 },
    maxTokens: { n: 10000 },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    introspection: !production,
    playground: false,
    plugins: [
      ...protection.plugins,
      ...(production ? [] : [ApolloServerPluginLandingPageLocalDefault({ embed: true })]),
    ],
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // graphql-ws accepts onError as well; Nest's type lists only some hooks but hands every one to useServer.
    subscriptions: {
      'graphql-ws': wsOptions as NonNullable<ApolloDriverConfig['subscriptions']>['graphql-ws'],
    },
    context: ({ req, res, extra }: { req?: unknown; res?: unknown; extra?: { authorization?: string } }) =>
      req ? { req, res } : { req: { headers: { authorization: extra?.authorization } } },
  };
}
