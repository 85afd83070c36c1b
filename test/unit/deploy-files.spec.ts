import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  'x-env': Record<string, string>;
  services: Record<
    string,
    {
      command?: string[] | string;
      init?: boolean;
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      volumes?: string[];
    }
  >;
};
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

/** The production deploy as shipped: no Docker engine here, so the files themselves are checked. */
describe('docker-compose.yml and Dockerfile', () => {
  it.each(['JWT_SECRET', 'SEAL_KEY_SECRET', 'POSTGRES_PASSWORD'])(
    'requires the operator to set %s (no default secret)',
    (name) => {
      const env = JSON.stringify(compose);
      expect(env).toMatch(new RegExp(`\\$\\{${name}:\\?`));
      expect(env).not.toMatch(new RegExp(`\\$\\{${name}:-`));
    },
  );

  it('runs the API and worker in production with the shared environment', () => {
    for (const name of ['api', 'worker', 'migrate'])
      expect(compose.services[name].environment?.NODE_ENV).toBe('production');
  });

  it('starts every node process in exec form under an init, never sh -c as PID 1', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      const s = compose.services[name];
      expect(Array.isArray(s.command)).toBe(true);
      expect((s.command as string[])[0]).toBe('node');
      expect(s.init).toBe(true);
    }
    expect(dockerfile).toMatch(/^CMD \["node", /m);
  });

  it('migrates once before the API and worker start', () => {
    expect(compose.services.migrate.command).toEqual(['node', 'dist/apps/api/src/cli.js', 'migrate']);
    for (const name of ['api', 'worker'])
      expect(compose.services[name].depends_on?.migrate).toEqual({
        condition: 'service_completed_successfully',
      });
  });

  it('runs as the unprivileged node user, who owns the file volume', () => {
    const lines = dockerfile.split('\n');
    const user = lines.filter((l) => /^USER /.test(l));
    expect(user).toEqual(['USER node']);
    expect(dockerfile).toMatch(/chown node:node \/data\/files/);
    expect(lines.findIndex((l) => l.includes('chown node:node'))).toBeLessThan(lines.indexOf('USER node'));
    for (const name of ['api', 'worker'])
      expect(compose.services[name].volumes).toContain('files:/data/files');
  });

  it('launches the API with the memory limits of npm run start:api (package.json) everywhere', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const words = pkg.scripts['start:api'].split(/\s+/);
    const env = words.slice(0, words.indexOf('node'));
    const nodeArgs = words.slice(words.indexOf('node') + 1, -1);
    expect(nodeArgs).toEqual(expect.arrayContaining([expect.stringMatching(/^--max-old-space-size=\d+$/)]));
    expect(nodeArgs).toEqual(expect.arrayContaining([expect.stringMatching(/^--max-semi-space-size=\d+$/)]));
    const cmd = ['node', ...nodeArgs, 'dist/apps/api/src/main.js'];
    expect(dockerfile).toContain(`CMD ${JSON.stringify(cmd).replace(/","/g, '", "')}`);
    expect(compose.services.api.command).toEqual(cmd);
    for (const e of env) expect(dockerfile).toMatch(new RegExp(`^ENV ${e}$`, 'm'));
  });
});
