import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/**
 * Preloaded into the API by the benchmark when BENCH_PROFILE_DIR is set (`node --require`): samples the CPU from
 * the start, and on SIGWINCH (Nest's shutdown hooks take SIGUSR2) writes what it sampled since the last signal to `api-<phase>.cpuprofile` (the phase
 * named in the directory's `next-phase` file), then starts sampling anew. Read the profiles with
 * `node dist/bench/load/profile-summary.js <file>` or Chrome DevTools.
 */
const dir = process.env.BENCH_PROFILE_DIR as string;
const session = new Session();
session.connect();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
  );
void post('Profiler.enable')
  .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
  .then(() => post('Profiler.start'));
process.on('SIGWINCH', () => {
  void (async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    let phase = 'profile';
    try {
      phase = readFileSync(join(dir, 'next-phase'), 'utf8').trim() || phase;
    } catch {
      /* unnamed */
    }
    const file = join(dir, `api-${phase}.cpuprofile`);
    writeFileSync(`${file}.tmp`, JSON.stringify(profile));
    renameSync(`${file}.tmp`, file);
    await post('Profiler.start');
  })();
});
