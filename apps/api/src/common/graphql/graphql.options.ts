import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { AppConfig } from '@app/infra';
import { formatGraphQLError } from './format-error';
import { graphqlWsOptions, MAX_TOKENS, WsPrincipals } from './graphql-ws.options';
import { noListCycleRule } from './list-cycle.rule';
import { RequestLoaders } from './request-loaders';

/** Until the API wires its PrincipalService in, a WebSocket connection is refused (unit tests, tooling). */
const refuseAll: WsPrincipals = { verify: () => null, load: async () => null };

/** Apollo set-up: generated schema, limits that refuse abusive queries before they run, masked errors. */
export function graphqlOptions(config: AppConfig, principals: WsPrincipals = refuseAll): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: true },
    maxDirectives: { n: 20 },
    maxTokens: { n: MAX_TOKENS },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  // The same rules guard HTTP and WebSocket operations.
  const validationRules = [...protection.validationRules, noListCycleRule];
  const wsOptions = graphqlWsOptions(config, validationRules, principals);
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
    validationRules,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // DbScopeInterceptor runs field resolvers in their operation's förbund scope too (row-level security).
    fieldResolverEnhancers: ['interceptors'],
    // graphql-ws accepts onError as well; Nest's type lists only some hooks but hands every one to useServer.
    subscriptions: {
      'graphql-ws': wsOptions as NonNullable<ApolloDriverConfig['subscriptions']>['graphql-ws'],
    },
    // Each request (each WebSocket operation) gets loaders of its own: batching never crosses requests.
    context: ({ req, res, extra }: { req?: unknown; res?: unknown; extra?: { authorization?: string } }) =>
      req
        ? { req, res, loaders: new RequestLoaders() }
        : { req: { headers: { authorization: extra?.authorization } }, loaders: new RequestLoaders() },
  };
}
