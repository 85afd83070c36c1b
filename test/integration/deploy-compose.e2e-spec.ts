import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const SECRETS = {
  JWT_SECRET: 'j'.repeat(48),
  SEAL_KEY_SECRET: 's'.repeat(48),
  POSTGRES_PASSWORD: 'ab12'.repeat(6),
};

/** Docker's own compose (the `docker compose` plugin where it exists, else Debian's docker-compose, which npm test installs). */
function compose(
  args: string[],
  env: Record<string, string>,
): { status: number | null; out: string; err: string } {
  // Only PATH and HOME from outside: the test environment's own JWT_SECRET must not stand in for the operator's.
  const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env };
  const plugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8', env: base });
  const [cmd, pre] = plugin.status === 0 ? ['docker', ['compose']] : ['docker-compose', []];
  const r = spawnSync(cmd, [...pre, '-f', join(ROOT, 'docker-compose.yml'), ...args], {
    encoding: 'utf8',
    env: base,
    cwd: ROOT,
  });
  if (r.error) throw r.error;
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** The deploy file as Docker reads it (no engine here: `config` parses, interpolates and validates without one). */
describe('docker-compose.yml, validated by docker compose config', () => {
  it('is a valid compose file once the operator has set the secrets, and carries them as given', () => {
    const r = compose(['config'], SECRETS);
    expect(r.err).not.toMatch(/error|invalid/i);
    expect(r.status).toBe(0);
    const cfg = parse(r.out) as {
      services: Record<string, { environment?: Record<string, string>; command?: string[]; init?: boolean }>;
    };
    expect(Object.keys(cfg.services).sort()).toEqual(['api', 'migrate', 'postgres', 'redis', 'worker']);
    for (const name of ['api', 'worker', 'migrate']) {
      const s = cfg.services[name];
      expect(s.environment?.JWT_SECRET).toBe(SECRETS.JWT_SECRET);
      expect(s.environment?.SEAL_KEY_SECRET).toBe(SECRETS.SEAL_KEY_SECRET);
      expect(s.environment?.DATABASE_URL).toContain(`:${SECRETS.POSTGRES_PASSWORD}@postgres:5432/`);
      expect(s.init).toBe(true);
      expect(s.command?.[0]).toBe('node');
    }
  });

  it.each(Object.keys(SECRETS))('refuses to start without %s, naming it', (name) => {
    const env: Record<string, string> = { ...SECRETS };
    delete env[name];
    const r = compose(['config', '-q'], env);
    expect(r.status).not.toBe(0);
    expect(r.err).toContain(`set ${name}`);
  });
});
