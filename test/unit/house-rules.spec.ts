import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'gql' || name === '__fixtures__') return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const source = ['apps', 'libs']
  .flatMap((d) => files(join(ROOT, d)))
  .filter((f) => /\.(ts|tsx)$/.test(f))
  .map((f) => relative(ROOT, f));

/**
 * Where SQL may live: a `*.store.ts` (the ledger's reader and the database primitives included) and the
 * migrations. Tests and the web app (whose `client.query` is GraphQL) are not server code.
 */
const SQL_ALLOWED = [/\.store\.ts$/, /\/migrations\//, /\.spec\.ts$/, /^apps\/web\//];

describe('the house rules', () => {
  it('keeps SQL in *.store.ts: no query( in resolvers, services or job handlers', () => {
    const offenders = source.filter(
      (f) => !SQL_ALLOWED.some((re) => re.test(f)) && /\.query\(/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps every hand-written file in apps/ and libs/ under 400 lines', () => {
    const long = source
      .map((f) => ({ f, lines: readFileSync(join(ROOT, f), 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > 400)
      .map((x) => `${x.f} (${x.lines})`);
    expect(long).toEqual([]);
  });
});
