import { appendFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

/**
 * Preloaded into the API by the benchmark when BENCH_MEMORY_FILE is set (`node --require`): every 100 ms appends
 * one JSON line with the process's resident memory and V8's heap by space (MB) to that file. The benchmark writes
 * the phase it starts into the same file, so `node dist/bench/load/memory-summary.js <file>` can say, per load
 * phase, where the peak went (young generation, old generation, code, large objects, buffers outside the heap).
 */
const file = process.env.BENCH_MEMORY_FILE as string;
const MB = 1024 * 1024;
const round = (n: number) => Math.round((n / MB) * 10) / 10;

function sample(): void {
  const m = process.memoryUsage();
  const spaces: Record<string, number> = {};
  for (const s of getHeapSpaceStatistics()) spaces[s.space_name.replace(/_space$/, '')] = round(s.space_size);
  const line = {
    t: Date.now(),
    rss: round(m.rss),
    heapTotal: round(m.heapTotal),
    heapUsed: round(m.heapUsed),
    external: round(m.external),
    arrayBuffers: round(m.arrayBuffers),
    ...spaces,
  };
  appendFileSync(file, JSON.stringify(line) + '\n');
}

setInterval(sample, 100).unref();
