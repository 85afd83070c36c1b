import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/** What one load phase measured: every request's latency, errors, and the wall time it ran. */
export interface Stats {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  /** Open loop only: the rate the users were asked to send at. */
  offeredPerSecond?: number;
}

export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};

export const throughput = (s: Stats): number => s.requests / s.seconds;

/** One table row: throughput | p50 | p99 | errors. */
export const statsCells = (s: Stats): string =>
  `${throughput(s).toFixed(0)} req/s | ${pct(s.latencies, 50).toFixed(1)} ms | ${pct(s.latencies, 99).toFixed(1)} ms | ${s.errors}`;

/** The peak resident memory a process ever had (VmHWM), in MB. */
export const peakRssMb = (pid: number): number => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** Its resident memory now (VmRSS), in MB. */
export const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

export interface GqlResult {
  data?: Record<string, Record<string, unknown>>;
  errors?: unknown[];
}

/**
 * A GraphQL client over plain node:http with keep-alive, so the load generator (which shares the machine with
 * the API) spends as little CPU per request as it can: the same client is used for every phase and its baseline.
 */
export function graphqlClient(
  base: string,
): (q: string, v: Record<string, unknown>, token?: string) => Promise<GqlResult> {
  const url = new URL(`${base}/graphql`);
  const agent = new Agent({ keepAlive: true, maxSockets: 1000 });
  return (query, variables, token) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as GqlResult);
            } catch (e) {
              reject(e instanceof Error ? e : new Error(String(e)));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** Every user sends its next request as soon as its last one is answered, for `seconds`. */
export async function closedLoop<U>(
  users: U[],
  seconds: number,
  send: (user: U, n: number) => Promise<boolean>,
): Promise<Stats> {
  const stats: Stats = { requests: 0, errors: 0, seconds, latencies: [] };
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    users.map(async (u) => {
      let n = 0;
      while (performance.now() < until) {
        const t = performance.now();
        const ok = await send(u, n++).catch(() => false);
        stats.latencies.push(performance.now() - t);
        stats.requests++;
        if (!ok) stats.errors++;
      }
    }),
  );
  stats.seconds = (performance.now() - t0) / 1000;
  return stats;
}

/**
 * Every user sends one request every `intervalMs` (phases spread evenly), as autosave does, for `seconds`.
 * A user waits for its previous save before the next (it needs the new version), but the latency is counted
 * from when the request was due, so a slow server cannot hide its queue (no coordinated omission).
 */
export async function openLoop<U>(
  users: U[],
  seconds: number,
  intervalMs: number,
  send: (user: U, n: number) => Promise<boolean>,
): Promise<Stats> {
  const stats: Stats = {
    requests: 0,
    errors: 0,
    seconds,
    latencies: [],
    offeredPerSecond: (users.length * 1000) / intervalMs,
  };
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    users.map(async (u, i) => {
      let due = t0 + (intervalMs * i) / users.length;
      let n = 0;
      while (due < until) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const ok = await send(u, n++).catch(() => false);
        stats.latencies.push(performance.now() - due);
        stats.requests++;
        if (!ok) stats.errors++;
        due += intervalMs;
      }
    }),
  );
  stats.seconds = (performance.now() - t0) / 1000;
  return stats;
}
