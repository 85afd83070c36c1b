import { parseConfig } from '../../libs/infra/src/config/config.schema';
import { graphqlOptions } from '../../apps/api/src/common/graphql/graphql.options';

const base = {
  DATABASE_URL: 'postgres://u:p@localhost/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(40),
};
// Production refuses weak secrets (config.schema), so the production cases use random-looking ones.
const prodSecrets = {
  JWT_SECRET: 'q7R2mZ9xL4vB8nK1wT6yH3pD5sF0gJcA',
  SEAL_KEY_SECRET: 'Zt5Hn8Qp2Wc6Lr9Vx3Mb7Ks1Dg4Fj0Ye',
};

/** How many plugins render a landing page (the sandbox): Apollo asks each plugin's serverWillStart for one. */
async function landingPages(plugins: readonly unknown[]): Promise<number> {
  let n = 0;
  for (const p of plugins) {
    const start = (p as { serverWillStart?: (ctx: unknown) => unknown }).serverWillStart;
    if (!start) continue;
    const r = (await Promise.resolve(start.call(p, { logger: console, schema: undefined })).catch(
      () => null,
    )) as { renderLandingPage?: unknown } | null;
    if (r?.renderLandingPage) n++;
  }
  return n;
}

describe('GraphQL options', () => {
  it('turns introspection and the sandbox off in production', async () => {
    const prod = graphqlOptions(parseConfig({ ...base, ...prodSecrets, NODE_ENV: 'production' }));
    expect(prod.introspection).toBe(false);
    expect(prod.playground).toBe(false);
    const dev = graphqlOptions(parseConfig({ ...base, NODE_ENV: 'development' }));
    expect(await landingPages(prod.plugins ?? [])).toBe(0);
    expect(await landingPages(dev.plugins ?? [])).toBe(1);
  });

  it('keeps them for development, with the same limits', () => {
    const dev = graphqlOptions(parseConfig({ ...base, NODE_ENV: 'development' }));
    expect(dev.introspection).toBe(true);
    expect(dev.validationRules?.length).toBeGreaterThan(2);
  });
});
