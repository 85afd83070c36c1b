import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import {
  closedLoop,
  graphqlClient,
  openLoop,
  pct,
  peakRssMb,
  rssMb,
  Stats,
  statsCells,
  throughput,
} from './load/http-load';
import { importForbund, sampleAnswers, Session, sessionsOf } from './load/seed-forbund';
import { ApiLaunch, productionLaunch } from './load/api-launch';
import { compareLaunches } from './load/launch-compare';

export const SAVE =
  'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }';
export const ME = '{ me { id name } }';
export const INBOX = '{ inbox { id status } }';

/**
 * Starts the API in its own process as production does (`npm run start:api`: its environment and V8 flags, see
 * api-launch.ts), with the CPU profiler preloaded when BENCH_PROFILE_DIR is set and the memory sampler when
 * BENCH_MEMORY_FILE is.
 */
export async function startApi(
  root: string,
  tmp: string,
  port: number,
  launch: ApiLaunch = productionLaunch(root),
): Promise<ChildProcess> {
  const profileDir = process.env.BENCH_PROFILE_DIR;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const memoryFile = process.env.BENCH_MEMORY_FILE;
  if (memoryFile) rmSync(memoryFile, { force: true });
  const api = spawn(
    process.execPath,
    [
      ...launch.nodeArgs,
      ...(profileDir ? ['--require', join(root, 'dist', 'bench', 'load', 'profile-preload.js')] : []),
      ...(memoryFile ? ['--require', join(root, 'dist', 'bench', 'load', 'memory-preload.js')] : []),
      join(root, 'dist', 'apps', 'api', 'src', 'main.js'),
    ],
    {
      env: {
        ...process.env,
        ...launch.env,
        PORT: String(port),
        LOG_LEVEL: 'silent',
        LOGIN_MAX_ATTEMPTS_PER_IP: '100000',
      },
      stdio: ['ignore', 'ignore', openSync(join(tmp, 'api.stderr.log'), 'w')],
    },
  );
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return api;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not start');
}

/** Marks the start of a load phase in the memory samples (BENCH_MEMORY_FILE), for memory-summary.ts. */
function markPhase(phase: string): void {
  const file = process.env.BENCH_MEMORY_FILE;
  if (file) appendFileSync(file, JSON.stringify({ t: Date.now(), phase }) + '\n');
}

/** Asks the preloaded profiler to write its profile (named `phase`), then waits until it has. */
async function writeProfile(api: ChildProcess, phase: string): Promise<void> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return;
  const file = join(dir, `api-${phase}.cpuprofile`);
  rmSync(file, { force: true });
  writeFileSync(join(dir, 'next-phase'), phase);
  api.kill('SIGWINCH');
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Drafts under deadline load, against the real API in its own process, each figure beside its baseline in the
 * same run: the cheapest authenticated query (`me`) over the same HTTP and users, and the same save as one bare
 * SQL statement. Closed loop (every user saves again as soon as it is answered: the API's capacity) and open
 * loop (every user autosaves every 2 s, as the web does: the latency a user sees at a realistic rate), first for
 * one förbund of 50 users, then for 10 förbund of 20 users each.
 */
export async function workflowBenchmark(root: string, tmp: string, lines: string[]): Promise<void> {
  const users = Number(process.env.BENCH_USERS ?? 50);
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  const forbund = Number(process.env.BENCH_FORBUND ?? 10);
  const perForbund = Number(process.env.BENCH_USERS_PER_FORBUND ?? 20);
  const autosaveMs = Number(process.env.BENCH_AUTOSAVE_MS ?? 2000);
  const answers = sampleAnswers(root);

  const multiSlugs = Array.from({ length: forbund }, (_, i) => `bench-region-${i}`);
  // BENCH_REUSE_FORBUND=1 keeps the förbund an earlier run imported (while trying one change after another).
  const present = process.env.BENCH_REUSE_FORBUND ? await existingSlugs() : new Set<string>();
  if (!present.has('bench-flow')) importForbund(root, tmp, 'bench-flow', 'Samordningsförbundet Last');
  for (const [i, slug] of multiSlugs.entries())
    if (!present.has(slug)) importForbund(root, tmp, slug, `Samordningsförbundet Region ${i + 1}`);

  // BENCH_COMPARE: the same load against differently launched APIs, alternating (e.g. V8 defaults vs production).
  if (process.env.BENCH_COMPARE) {
    await compareLaunches(root, process.env.BENCH_COMPARE, lines, (port, launch) =>
      startApi(root, tmp, port, launch),
    );
    return;
  }
  const port = 4100 + Math.floor(Math.random() * 500);
  const api = await startApi(root, tmp, port);
  const gql = graphqlClient(`http://127.0.0.1:${port}`);
  try {
    const idleMb = rssMb(api.pid!);
    const one = await sessionsOf(root, gql, 'bench-flow', users);
    const many: Session[] = [];
    for (const slug of multiSlugs) many.push(...(await sessionsOf(root, gql, slug, perForbund)));

    const save = async (s: Session, n: number) => {
      const r = await gql(
        SAVE,
        { id: s.id, v: s.version, a: { ...answers, verksamhet: `Användare ${s.id}, sparning ${n}` } },
        s.token,
      );
      if (r.errors || !r.data) return false;
      s.version = r.data.saveSubmission.version as number;
      return true;
    };
    const me = async (s: Session) => {
      const r = await gql(ME, {}, s.token);
      return !r.errors && !!r.data;
    };
    const inbox = async (s: Session) => {
      const r = await gql(INBOX, {}, s.token);
      return !r.errors && !!r.data;
    };

    markPhase('warmup');
    await closedLoop(one, 3, me); // warm-up: JIT, pools, caches
    await closedLoop(one, 3, save);
    await writeProfile(api, 'warmup');
    markPhase('me');
    const meStats = await closedLoop(one, seconds, me);
    await writeProfile(api, 'me');
    markPhase('save');
    const saveClosed = await closedLoop(one, seconds, save);
    await writeProfile(api, 'save');
    markPhase('save-open');
    const saveOpen = await openLoop(one, seconds, autosaveMs, save);
    markPhase('inbox');
    const inboxStats = await closedLoop(one, Math.max(5, seconds / 2), inbox);
    await writeProfile(api, 'inbox');
    markPhase('many-save');
    const manyClosed = await closedLoop(many, seconds, save);
    markPhase('many-save-open');
    const manyOpen = await openLoop(many, seconds, autosaveMs, save);
    await writeProfile(api, 'rest');
    markPhase('end');
    const apiPeak = peakRssMb(api.pid!);

    const sql = await bareSqlSave(one, answers, Math.min(seconds, 10));
    const meRate = throughput(meStats);
    const ratio = (s: Stats) => `${((100 * throughput(s)) / meRate).toFixed(0)} %`;
    const openNote = (s: Stats) => `offered ${s.offeredPerSecond!.toFixed(0)} req/s`;
    lines.push(
      `## Drafts under deadline load (${seconds} s per phase)`,
      '',
      'Over real HTTP to the API in its own process (`LOG_LEVEL=silent`, no tracing), with a keep-alive client in the benchmark process. Each save goes through `saveSubmission` as the web sends it: access guard, validation, conditional `UPDATE … WHERE version = $v`, audit entry, live-update event, and the answer read back. "Closed loop": every user saves again as soon as it is answered (the API\'s capacity). "Open loop": every user autosaves every ' +
        `${autosaveMs / 1000} s, as the web does; latency counts from when the save was due.`,
      '',
      '| what | users | throughput | p50 | p99 | errors | vs `me` |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| baseline: \`me\` (cheapest authenticated query), closed loop | ${users} | ${statsCells(meStats)} | 100 % |`,
      `| save draft, closed loop | ${users} | ${statsCells(saveClosed)} | ${ratio(saveClosed)} |`,
      `| save draft, open loop (${openNote(saveOpen)}) | ${users} | ${statsCells(saveOpen)} | – |`,
      `| \`inbox\`, closed loop | ${users} | ${statsCells(inboxStats)} | ${ratio(inboxStats)} |`,
      `| ${forbund} förbund × ${perForbund} users: save draft, closed loop | ${many.length} | ${statsCells(manyClosed)} | ${ratio(manyClosed)} |`,
      `| ${forbund} förbund × ${perForbund} users: save draft, open loop (${openNote(manyOpen)}) | ${many.length} | ${statsCells(manyOpen)} | – |`,
      `| baseline: the same save as one SQL \`UPDATE … WHERE version = $v\` over ${users} connections (${sql.seconds.toFixed(0)} s) | ${users} | ${statsCells(sql)} | – |`,
      '',
      `Targets (issue 17): save p99 under 150 ms, and closed-loop save throughput at least 40 % of \`me\`'s. ` +
        `Here: closed-loop p99 ${pct(saveClosed.latencies, 99).toFixed(0)} ms at ${ratio(saveClosed)} of \`me\`; ` +
        `open-loop p99 ${pct(saveOpen.latencies, 99).toFixed(0)} ms.`,
      '',
      `The API process's memory: ${idleMb.toFixed(0)} MB resident after start, ${apiPeak.toFixed(0)} MB at its peak over every phase (VmHWM). Target: under 300 MB.`,
      '',
    );
  } finally {
    api.kill('SIGTERM');
  }
}

async function existingSlugs(): Promise<Set<string>> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const { rows } = await pool.query("SELECT slug FROM organisation WHERE slug LIKE 'bench-%'");
  await pool.end();
  return new Set(rows.map((r: { slug: string }) => r.slug));
}

/** The same save as one conditional UPDATE, one connection per user, straight to PostgreSQL. */
async function bareSqlSave(sessions: Session[], answers: unknown, seconds: number): Promise<Stats> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: sessions.length });
  const json = JSON.stringify(answers);
  const versions = new Map<string, number>();
  for (const s of sessions)
    versions.set(
      s.id,
      (await pool.query('SELECT version FROM submission WHERE id = $1', [s.id])).rows[0].version,
    );
  const stats = await closedLoop(sessions, seconds, async (s) => {
    const r = await pool.query(
      'UPDATE submission SET answers = $1, version = version + 1, updated_at = now() WHERE id = $2 AND version = $3 RETURNING version',
      [json, s.id, versions.get(s.id)],
    );
    if (!r.rows.length) return false;
    versions.set(s.id, r.rows[0].version);
    return true;
  });
  await pool.end();
  return stats;
}
