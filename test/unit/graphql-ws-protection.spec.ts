import { buildSchema, GraphQLError, parse } from 'graphql';
import { parseConfig } from '../../libs/infra/src/config/config.schema';
import { graphqlOptions } from '../../apps/api/src/common/graphql/graphql.options';
import { noListCycleRule } from '../../apps/api/src/common/graphql/list-cycle.rule';
import { validate } from 'graphql';

const base = {
  DATABASE_URL: 'postgres://u:p@localhost/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'q7R2mZ9xL4vB8nK1wT6yH3pD5sF0gJcA',
  SEAL_KEY_SECRET: 'Zt5Hn8Qp2Wc6Lr9Vx3Mb7Ks1Dg4Fj0Ye',
};

const schema = buildSchema(`
  type Organisation { id: ID! name: String! insatser: [Insats!]! }
  type Insats { id: ID! organisation: Organisation! }
  type Query { organisation: Organisation! }
`);

type WsValidate = (s: typeof schema, d: ReturnType<typeof parse>) => readonly GraphQLError[];
const wsValidate = (env: string) => {
  const ws = graphqlOptions(parseConfig({ ...base, NODE_ENV: env })).subscriptions!['graphql-ws'] as {
    validate: WsValidate;
  };
  return ws.validate;
};

describe('GraphQL protection shared by HTTP and WebSocket', () => {
  it('refuses a query that walks the same list twice (Organisation.insatser ↔ Insats.organisation)', () => {
    const cyclic = parse('{ organisation { insatser { organisation { insatser { id } } } } }');
    expect(validate(schema, cyclic, [noListCycleRule]).map((e) => e.message)).toEqual([
      'Frågan går runt i en cykel (Organisation.insatser flera gånger i samma gren).',
    ]);
    const fine = parse('{ organisation { insatser { organisation { name } } } }');
    expect(validate(schema, fine, [noListCycleRule])).toEqual([]);
  });

  it('runs the limits on WebSocket operations, and refuses introspection there in production', () => {
    const aliases = parse(
      `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: organisation { id }`).join(' ')} }`,
    );
    expect(wsValidate('development')(schema, aliases).length).toBeGreaterThan(0);
    const introspection = parse('{ __schema { types { name } } }');
    expect(wsValidate('development')(schema, introspection)).toEqual([]);
    const refused = wsValidate('production')(schema, introspection);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
