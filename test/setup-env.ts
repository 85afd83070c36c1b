import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// When jest is started directly (not through npm test), pick up the private services' settings.
const envFile = join(__dirname, '..', '.data', 'services.env');
if (existsSync(envFile)) {
  for (const line of readFileSync(envFile, 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m && !process.env[m[1]]) process.env[m[1]] = m[2];
  }
}
if (process.env.TEST_DATABASE_URL) process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
process.env.NODE_ENV = 'test';
// The tests use Redis database 1, flushed by the global set-up, so that the demo's data is never touched.
if (process.env.REDIS_URL && !/\/\d+$/.test(process.env.REDIS_URL))
  process.env.REDIS_URL = `${process.env.REDIS_URL}/1`;
process.env.LOGIN_MAX_ATTEMPTS_PER_IP = process.env.LOGIN_MAX_ATTEMPTS_PER_IP ?? '100000';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
process.env.JWT_SECRET = process.env.JWT_SECRET ?? 'test-secret-that-is-long-enough-for-hs256-0123456789';
process.env.SEAL_KEY_SECRET =
  process.env.SEAL_KEY_SECRET ?? 'test-seal-secret-that-is-long-enough-0123456789';
process.env.ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? 'admin@plattform.example';
process.env.ADMIN_PASSWORD = process.env.ADMIN_PASSWORD ?? 'Plattform-Admin-2025!';
process.env.FILE_STORAGE_DIR = process.env.FILE_STORAGE_DIR ?? join(__dirname, '..', '.data', 'test-files');
