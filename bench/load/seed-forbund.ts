import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { GqlResult } from './http-load';

/** One user of the load: a projektägare's token and the draft it keeps saving. */
export interface Session {
  id: string;
  version: number;
  token: string;
  organisation: string;
}

type Gql = (q: string, v: Record<string, unknown>, token?: string) => Promise<GqlResult>;

export const fixtures = (root: string): string => join(root, 'demo', 'samspelet');

/** The answers of a real follow-up, so each save is validated and stored at its real size. */
export const sampleAnswers = (root: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(fixtures(root), 'submissions', 'stegen-helar-2025.json'), 'utf8')).answers;

/** Imports the Samspelet bundle under `slug` (with its own e-mail domain) through the CLI, as an operator would. */
export function importForbund(root: string, tmp: string, slug: string, name: string): void {
  const bundle = JSON.parse(readFileSync(join(fixtures(root), 'organisation.json'), 'utf8'));
  bundle.organisation.slug = slug;
  bundle.organisation.name = name;
  bundle.people = bundle.people.map((p: { email: string }) => ({
    ...p,
    email: p.email.replace('@samspelet.example', `@${slug}.example`),
  }));
  // The insatser run on (no end date), so each user can start a follow-up of a year far ahead of its own.
  for (const i of bundle.insatser as Array<{ end?: string }>) delete i.end;
  const file = join(tmp, `${slug}.json`);
  writeFileSync(file, JSON.stringify(bundle));
  const cli = join(root, 'dist', 'apps', 'api', 'src', 'cli.js');
  execFileSync(process.execPath, [cli, 'org:import', file], { env: process.env, stdio: 'ignore' });
}

/**
 * Logs the förbund's projektägare in and gives `users` of them a draft each (a period of their own insats, so no
 * two users save the same draft). Users beyond the number of insatser share a projektägare's login, as two
 * people of one insats would.
 */
export async function sessionsOf(root: string, gql: Gql, slug: string, users: number): Promise<Session[]> {
  const bundle = JSON.parse(readFileSync(join(fixtures(root), 'organisation.json'), 'utf8'));
  const insatser: Array<{ key: string }> = bundle.insatser;
  const lookup = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const { rows } = await lookup.query(
    'SELECT id, key FROM insats WHERE organisation_id = (SELECT id FROM organisation WHERE slug = $1)',
    [slug],
  );
  await lookup.end();
  const insatsIds = new Map(rows.map((r: { id: string; key: string }) => [r.key, r.id]));
  const tokens = new Map<string, string>();
  for (const i of insatser.slice(0, users)) {
    const r = await gql('mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
      e: `projektagare.${i.key}@${slug}.example`,
      p: 'Demo-Samspelet-2025!',
    });
    if (!r.data) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
    tokens.set(i.key, r.data.login.token as string);
  }
  const sessions: Session[] = [];
  for (let u = 0; u < users; u++) {
    const ins = insatser[u % insatser.length].key;
    const period = `${u % 2 ? 'DELAR' : 'HELAR'}-${2030 + Math.floor(u / (2 * insatser.length))}`;
    const token = tokens.get(ins)!;
    const r = await gql(
      'mutation($i: ID!, $p: String!){ startSubmission(insatsId: $i, period: $p){ id version } }',
      { i: insatsIds.get(ins), p: period },
      token,
    );
    if (!r.data) throw new Error(`startSubmission failed: ${JSON.stringify(r.errors)}`);
    const s = r.data.startSubmission as { id: string; version: number };
    sessions.push({ id: s.id, version: s.version, token, organisation: slug });
  }
  return sessions;
}
