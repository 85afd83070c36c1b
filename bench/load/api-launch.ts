import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How the API process is started: environment variables and node's own flags (before the script). */
export interface ApiLaunch {
  label: string;
  env: Record<string, string>;
  nodeArgs: string[];
}

/**
 * The API's production launch as `npm run start:api` writes it (package.json), e.g.
 * `MALLOC_MMAP_THRESHOLD_=1048576 node --max-old-space-size=… dist/apps/api/src/main.js`: the benchmark starts
 * the API the way production does, and the Dockerfile and docker-compose.yml are checked against the same line.
 */
export function productionLaunch(root: string): ApiLaunch {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return parseLaunch('production', pkg.scripts['start:api']);
}

/** `A=1 B=2 node --flag … script.js` → its environment and node flags (the script itself left out). */
export function parseLaunch(label: string, line: string): ApiLaunch {
  const words = line.trim().split(/\s+/).filter(Boolean);
  const env: Record<string, string> = {};
  const nodeArgs: string[] = [];
  let seenNode = false;
  for (const w of words) {
    if (!seenNode && /^[A-Z_][A-Z0-9_]*=/.test(w)) {
      const i = w.indexOf('=');
      env[w.slice(0, i)] = w.slice(i + 1);
    } else if (!seenNode && w === 'node') seenNode = true;
    else if (seenNode && w.startsWith('-')) nodeArgs.push(w);
    else if (!seenNode) nodeArgs.push(w); // no `node`: flags only (BENCH_COMPARE)
  }
  return { label, env, nodeArgs };
}

/**
 * BENCH_COMPARE: launches to compare in one run, separated by `;`, each `label:ENV=v --flag …` or
 * `label:production` (the start:api line). E.g. `v8-defaults:;production:production`.
 */
export function launchesToCompare(root: string, spec: string): ApiLaunch[] {
  return spec
    .split(';')
    .filter((s) => s.trim())
    .map((item) => {
      const i = item.indexOf(':');
      const label = (i < 0 ? item : item.slice(0, i)).trim();
      const rest = i < 0 ? '' : item.slice(i + 1).trim();
      return rest === 'production' ? { ...productionLaunch(root), label } : parseLaunch(label, rest);
    });
}
