import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';

interface Stats {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};
const peakRssMb = (pid: number) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/**
 * 50 concurrent users, each saving its own draft and reading its inbox in a loop for 30 s, against the real API
 * in its own process; beside it, the same save as one hand-written SQL statement over 50 connections.
 */
export async function workflowBenchmark(root: string, tmp: string, lines: string[]): Promise<void> {
  const users = Number(process.env.BENCH_USERS ?? 50);
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const fixtures = join(root, 'demo', 'samspelet');
  const bundle = JSON.parse(readFileSync(join(fixtures, 'organisation.json'), 'utf8'));
  bundle.organisation.slug = 'bench-flow';
  bundle.organisation.name = 'Samordningsförbundet Last';
  bundle.people = bundle.people.map((p: { email: string }) => ({
    ...p,
    email: p.email.replace('@samspelet.example', '@bench-flow.example'),
  }));
  const bundleFile = join(tmp, 'bench-flow.json');
  writeFileSync(bundleFile, JSON.stringify(bundle));
  const cli = join(root, 'dist', 'apps', 'api', 'src', 'cli.js');
  execFileSync(process.execPath, [cli, 'org:import', bundleFile], { env: process.env, stdio: 'ignore' });

  const port = 4100 + Math.floor(Math.random() * 500);
  const api: ChildProcess = spawn(process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'main.js')], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent', LOGIN_MAX_ATTEMPTS_PER_IP: '100000' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 200; i++) {
      const ok = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as {
        data?: Record<string, { id: string; version: number; token: string }>;
        errors?: unknown[];
      };
    };
    const insatser: Array<{ key: string }> = bundle.insatser;
    const tokens = new Map<string, string>();
    for (const i of insatser) {
      const r = await gql('mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
        e: `projektagare.${i.key}@bench-flow.example`,
        p: 'Demo-Samspelet-2025!',
      });
      tokens.set(i.key, r.data!.login.token);
    }
    const ids: Array<{ id: string; version: number; token: string }> = [];
    const lookup = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    const { rows } = await lookup.query(
      'SELECT id, key FROM insats WHERE organisation_id = (SELECT id FROM organisation WHERE slug = $1)',
      ['bench-flow'],
    );
    await lookup.end();
    const insatsIds = new Map(rows.map((r: { id: string; key: string }) => [r.key, r.id]));
    const answers = JSON.parse(
      readFileSync(join(fixtures, 'submissions', 'stegen-helar-2025.json'), 'utf8'),
    ).answers;
    for (let u = 0; u < users; u++) {
      const ins = insatser[u % insatser.length].key;
      const period = `${u % 2 ? 'DELAR' : 'HELAR'}-${2030 + Math.floor(u / (2 * insatser.length))}`;
      const token = tokens.get(ins)!;
      const r = await gql(
        'mutation($i: ID!, $p: String!){ startSubmission(insatsId: $i, period: $p){ id version } }',
        { i: insatsIds.get(ins), p: period },
        token,
      );
      ids.push({ id: r.data!.startSubmission.id, version: r.data!.startSubmission.version, token });
    }
    const SAVE =
      'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }';
    const INBOX = '{ inbox { id status } }';
    const load: Stats = { requests: 0, errors: 0, seconds, latencies: [] };
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      ids.map(async (s, u) => {
        let n = 0;
        while (Date.now() < until) {
          const t0 = performance.now();
          const r = await gql(
            SAVE,
            { id: s.id, v: s.version, a: { ...answers, verksamhet: `Användare ${u}, sparning ${n++}` } },
            s.token,
          );
          load.latencies.push(performance.now() - t0);
          load.requests++;
          if (r.errors) load.errors++;
          else s.version = r.data!.saveSubmission.version;
          const t1 = performance.now();
          const i = await gql(INBOX, {}, s.token);
          load.latencies.push(performance.now() - t1);
          load.requests++;
          if (i.errors) load.errors++;
        }
      }),
    );
    const apiPeak = peakRssMb(api.pid!);

    // Baseline: the same save as one conditional UPDATE, 50 connections, straight to PostgreSQL.
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: users });
    const base0: Stats = { requests: 0, errors: 0, seconds: Math.min(seconds, 10), latencies: [] };
    const untilB = Date.now() + base0.seconds * 1000;
    const json = JSON.stringify(answers);
    await Promise.all(
      ids.map(async (s) => {
        const [{ version }] = (await pool.query('SELECT version FROM submission WHERE id = $1', [s.id])).rows;
        let v = version;
        while (Date.now() < untilB) {
          const t0 = performance.now();
          const r = await pool.query(
            'UPDATE submission SET answers = $1, version = version + 1, updated_at = now() WHERE id = $2 AND version = $3 RETURNING version',
            [json, s.id, v],
          );
          base0.latencies.push(performance.now() - t0);
          base0.requests++;
          if (r.rows.length) v = r.rows[0].version;
          else base0.errors++;
        }
      }),
    );
    await pool.end();
    const fmt = (s: Stats) =>
      `${(s.requests / s.seconds).toFixed(0)} req/s | ${pct(s.latencies, 50).toFixed(1)} ms | ${pct(s.latencies, 99).toFixed(1)} ms | ${s.errors}`;
    lines.push(
      `## Follow-ups under load: ${users} concurrent users for ${seconds} s`,
      '',
      'Each user saves its own draft through `saveSubmission` (validation, conditional UPDATE, audit entry with its hash chain) and then reads its `inbox`, over real HTTP to the API in its own process.',
      '',
      '| what | throughput | p50 | p99 | errors |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| API: save draft + read inbox (every request counted) | ${fmt(load)} |`,
      `| baseline: the same save as one SQL \`UPDATE … WHERE version = $v\` over ${users} connections (${base0.seconds} s) | ${fmt(base0)} |`,
      '',
      `The API process's peak memory (VmHWM): ${apiPeak.toFixed(0)} MB.`,
      '',
    );
  } finally {
    api.kill('SIGTERM');
  }
}
