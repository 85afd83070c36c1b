import type { ChildProcess } from 'node:child_process';
import { ApiLaunch, launchesToCompare } from './api-launch';
import { closedLoop, graphqlClient, peakRssMb, rssMb, Stats, throughput } from './http-load';
import { sampleAnswers, Session, sessionsOf } from './seed-forbund';

const SAVE =
  'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }';
const ME = '{ me { id name } }';
const INBOX = '{ inbox { id status } }';

interface Round {
  label: string;
  idle: number;
  peak: number;
  rates: Record<string, number>;
}

/**
 * The same closed-loop load against APIs launched differently (V8 flags, malloc settings), in one run and
 * alternating (A B A B …, BENCH_COMPARE_ROUNDS rounds), so a busy machine's drift falls on every launch alike:
 * each launch's throughput per phase as a ratio of the first launch's, and each API process's peak memory.
 * The förbund are the ones the main benchmark imports (bench-flow and bench-region-*).
 */
export async function compareLaunches(
  root: string,
  spec: string,
  lines: string[],
  start: (port: number, launch: ApiLaunch) => Promise<ChildProcess>,
): Promise<void> {
  const launches = launchesToCompare(root, spec);
  const rounds = Number(process.env.BENCH_COMPARE_ROUNDS ?? 2);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const users = Number(process.env.BENCH_USERS ?? 50);
  const forbund = Number(process.env.BENCH_FORBUND ?? 10);
  const perForbund = Number(process.env.BENCH_USERS_PER_FORBUND ?? 20);
  const answers = sampleAnswers(root);
  const results: Round[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...launches].reverse() : launches;
    for (const launch of order) {
      const port = 4600 + Math.floor(Math.random() * 400);
      const api = await start(port, launch);
      try {
        const gql = graphqlClient(`http://127.0.0.1:${port}`);
        const idle = rssMb(api.pid!);
        const one = await sessionsOf(root, gql, 'bench-flow', users);
        const many: Session[] = [];
        for (let i = 0; i < forbund; i++)
          many.push(...(await sessionsOf(root, gql, `bench-region-${i}`, perForbund)));
        const save = async (s: Session, n: number) => {
          const res = await gql(
            SAVE,
            { id: s.id, v: s.version, a: { ...answers, verksamhet: `Spar ${n}` } },
            s.token,
          );
          if (res.errors || !res.data) return false;
          s.version = res.data.saveSubmission.version as number;
          return true;
        };
        const query = (q: string) => async (s: Session) => {
          const res = await gql(q, {}, s.token);
          return !res.errors && !!res.data;
        };
        await closedLoop(one, 3, query(ME));
        await closedLoop(one, 3, save);
        const phases: Array<[string, Stats]> = [
          ['me', await closedLoop(one, seconds, query(ME))],
          ['save', await closedLoop(one, seconds, save)],
          ['inbox', await closedLoop(one, seconds, query(INBOX))],
          ['save 200', await closedLoop(many, seconds, save)],
        ];
        results.push({
          label: launch.label,
          idle,
          peak: peakRssMb(api.pid!),
          rates: Object.fromEntries(phases.map(([k, s]) => [k, throughput(s)])),
        });
      } finally {
        api.kill('SIGTERM');
        await new Promise((res) => api.once('exit', res));
      }
    }
  }
  const phases = Object.keys(results[0].rates);
  const mean = (label: string, f: (r: Round) => number) => {
    const xs = results.filter((r) => r.label === label).map(f);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  const base = launches[0].label;
  lines.push(
    `## API launches compared (${rounds} rounds, alternating, ${seconds} s per phase, closed loop)`,
    '',
    `| launch | flags | ${phases.map((p) => `${p} req/s`).join(' | ')} | after start | peak (VmHWM) |`,
    `| --- | --- | ${phases.map(() => '---:').join(' | ')} | ---: | ---: |`,
    ...launches.map((l) => {
      const flags = [...Object.entries(l.env).map(([k, v]) => `${k}=${v}`), ...l.nodeArgs].join(' ') || '–';
      const cells = phases.map((p) => {
        const rate = mean(l.label, (r) => r.rates[p]);
        const ratio = rate / mean(base, (r) => r.rates[p]);
        return `${rate.toFixed(0)} (${(100 * ratio).toFixed(0)} %)`;
      });
      const peaks = results.filter((r) => r.label === l.label).map((r) => r.peak.toFixed(0));
      return `| ${l.label} | \`${flags}\` | ${cells.join(' | ')} | ${mean(l.label, (r) => r.idle).toFixed(0)} MB | ${peaks.join(', ')} MB |`;
    }),
    '',
  );
}
