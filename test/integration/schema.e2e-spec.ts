import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema, GraphQLObjectType } from 'graphql';
import { ACCESS_RULE } from '../../apps/api/src/common/access/access.decorators';
import { TestApi } from '../helpers/api';

describe('GraphQL schema', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('matches the committed schema.graphql (run `npm run schema` after changing the API)', () => {
    const live = printSchema(api.app.get(GraphQLSchemaHost).schema) + '\n';
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(live).toEqual(committed);
  });

  it('declares an access rule for every query, mutation and subscription', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = new Set<string>();
    for (const t of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      for (const name of Object.keys((t as GraphQLObjectType | null)?.getFields() ?? {}))
        operations.add(`${t!.name}.${name}`);
    }
    const discovery = api.app.get(DiscoveryService);
    const scanner = api.app.get(MetadataScanner);
    const reflector = api.app.get(Reflector);
    const ruled = new Set<string>();
    const unruled: string[] = [];
    for (const wrapper of discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of scanner.getAllMethodNames(proto)) {
        const handler = proto[method];
        const type = Reflect.getMetadata('graphql:resolver_type', handler) as string | undefined;
        if (!type || !['Query', 'Mutation', 'Subscription'].includes(type)) continue;
        const name = (Reflect.getMetadata('graphql:resolver_name', handler) as string | undefined) ?? method;
        const rule = reflector.getAllAndOverride(ACCESS_RULE, [handler, proto.constructor]);
        if (rule) ruled.add(`${type}.${name}`);
        else unruled.push(`${type}.${name}`);
      }
    }
    expect(unruled).toEqual([]);
    expect([...operations].filter((op) => !ruled.has(op))).toEqual([]);
    expect(operations.size).toBeGreaterThan(5);
  });
});
