import { parseConfig } from './config.schema';

const good = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(40),
};

describe('config', () => {
  it('fills defaults', () => {
    const c = parseConfig(good);
    expect(c.PORT).toBe(3000);
    expect(c.NODE_ENV).toBe('development');
  });

  it('stops on a missing setting with one line naming it', () => {
    expect(() => parseConfig({ ...good, DATABASE_URL: undefined })).toThrow(
      'Configuration error: DATABASE_URL is required',
    );
  });

  it('stops on a malformed setting with one line naming it', () => {
    expect(() => parseConfig({ ...good, PORT: 'abc' })).toThrow(/^Configuration error: PORT /);
    expect(() => parseConfig({ ...good, REDIS_URL: 'localhost:6379' })).toThrow(
      /^Configuration error: REDIS_URL must be a URL/,
    );
    expect(() => parseConfig({ ...good, JWT_SECRET: 'short' })).toThrow(
      'Configuration error: JWT_SECRET must be at least 32 characters',
    );
    expect(() => parseConfig({ ...good, TSA_URL: 'tsa.example' })).toThrow(
      /^Configuration error: TSA_URL must be a URL/,
    );
  });

  it('takes an optional time-stamping authority for the PAdES B-T seal', () => {
    expect(parseConfig(good).TSA_URL).toBeUndefined();
    expect(parseConfig({ ...good, TSA_URL: 'https://tsa.example/tsr' }).TSA_URL).toBe(
      'https://tsa.example/tsr',
    );
  });
});

describe('config in production', () => {
  const prod = {
    ...good,
    NODE_ENV: 'production',
    JWT_SECRET: 'q7R2mZ9xL4vB8nK1wT6yH3pD5sF0gJcA',
    SEAL_KEY_SECRET: 'Zt5Hn8Qp2Wc6Lr9Vx3Mb7Ks1Dg4Fj0Ye',
  };

  it('accepts the operator’s own random secrets', () => {
    expect(parseConfig(prod).NODE_ENV).toBe('production');
  });

  it.each([
    ['JWT_SECRET', 'change-me-change-me-change-me-change-me'],
    ['JWT_SECRET', 'test-secret-that-is-long-enough-for-hs256-0123456789'],
    ['SEAL_KEY_SECRET', 'test-seal-secret-that-is-long-enough-0123456789'],
    ['ADMIN_PASSWORD', 'Plattform-Admin-2025!'],
    ['ADMIN_PASSWORD', 'Demo-Samspelet-2025!'],
  ])('refuses the shipped %s %s with one line naming it', (name, value) => {
    expect(() => parseConfig({ ...prod, [name]: value })).toThrow(
      new RegExp(`^Configuration error: ${name} is a value shipped or documented`),
    );
  });

  it('refuses missing and weak secrets', () => {
    expect(() => parseConfig({ ...prod, SEAL_KEY_SECRET: undefined })).toThrow(
      'Configuration error: SEAL_KEY_SECRET is required in production',
    );
    expect(() => parseConfig({ ...prod, JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /^Configuration error: JWT_SECRET is too weak/,
    );
    expect(() => parseConfig({ ...prod, SEAL_KEY_SECRET: prod.JWT_SECRET })).toThrow(
      'Configuration error: SEAL_KEY_SECRET must differ from JWT_SECRET',
    );
  });

  it('still accepts the test secret outside production', () => {
    expect(() =>
      parseConfig({ ...good, JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789' }),
    ).not.toThrow();
  });
});
