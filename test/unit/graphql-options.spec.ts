import { parseConfig } from '../../libs/infra/src/config/config.schema';
import { graphqlOptions } from '../../apps/api/src/common/graphql/graphql.options';

const base = {
  DATABASE_URL: 'postgres://u:p@localhost/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(40),
};

describe('GraphQL options', () => {
  it('turns introspection and the sandbox off in production', () => {
    const prod = graphqlOptions(parseConfig({ ...base, NODE_ENV: 'production' }));
    expect(prod.introspection).toBe(false);
    expect(prod.playground).toBe(false);
    const dev = graphqlOptions(parseConfig({ ...base, NODE_ENV: 'development' }));
    // the only difference in plugins is the landing page (sandbox), present in development alone
    expect((dev.plugins ?? []).length - (prod.plugins ?? []).length).toBe(1);
  });

  it('keeps them for development, with the same limits', () => {
    const dev = graphqlOptions(parseConfig({ ...base, NODE_ENV: 'development' }));
    expect(dev.introspection).toBe(true);
    expect(dev.validationRules?.length).toBeGreaterThan(2);
  });
});
