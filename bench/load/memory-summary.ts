import { readFileSync } from 'node:fs';

/**
 * Reads the lines `memory-preload.ts` and the benchmark wrote (samples and phase marks) and prints, per phase, the
 * largest value of each figure (MB), and the smallest heap in use: `node dist/bench/load/memory-summary.js .data/bench/api-memory.jsonl`.
 */
type Line = Record<string, number> & { phase?: string };

export function memoryByPhase(file: string): Map<string, Record<string, number>> {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)
    .sort((a, b) => a.t - b.t);
  const out = new Map<string, Record<string, number>>();
  let phase = 'start';
  for (const l of lines) {
    if (l.phase) {
      phase = l.phase;
      continue;
    }
    const max = out.get(phase) ?? {};
    for (const [k, v] of Object.entries(l)) if (k !== 't') max[k] = Math.max(max[k] ?? 0, Number(v));
    // The smallest heap in use (just after a collection): about what the phase keeps alive.
    max.heapUsedMin = Math.min(max.heapUsedMin ?? Infinity, Number(l.heapUsed));
    out.set(phase, max);
  }
  return out;
}

if (require.main === module) {
  const byPhase = memoryByPhase(process.argv[2]);
  const keys = [
    'rss',
    'heapTotal',
    'heapUsed',
    'heapUsedMin',
    'new',
    'old',
    'code',
    'large_object',
    'external',
    'arrayBuffers',
  ];
  process.stdout.write(['phase', ...keys].join('\t') + '\n');
  for (const [phase, max] of byPhase)
    process.stdout.write([phase, ...keys.map((k) => String(max[k] ?? '–'))].join('\t') + '\n');
}
