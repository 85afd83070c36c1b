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
  });
});
