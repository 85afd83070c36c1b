import { readFileSync } from 'node:fs';

/**
 * Summarises a .cpuprofile: where the samples' time went by package (self time), and the functions with the
 * most self and inclusive time. `node dist/bench/load/profile-summary.js <file> [top]`.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const where = (url: string): string => {
  if (!url) return '(native/idle)';
  const nm = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node core';
  const app = /\/dist\/(.*)$/.exec(url);
  return app ? app[1].split('/').slice(0, 3).join('/') : url;
};

export function summarise(p: Profile, top = 20): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: Node) =>
    `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const pkg = new Map<string, number>();
  let total = 0;
  let idle = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const n = byId.get(id)!;
    total += dt;
    if (['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName)) {
      if (n.callFrame.functionName === '(idle)') idle += dt;
      const k = n.callFrame.functionName;
      pkg.set(k, (pkg.get(k) ?? 0) + dt);
      return;
    }
    self.set(key(n), (self.get(key(n)) ?? 0) + dt);
    pkg.set(where(n.callFrame.url), (pkg.get(where(n.callFrame.url)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + dt);
      seen.add(k);
    }
  });
  const busy = total - idle;
  const table = (m: Map<string, number>, title: string) =>
    [
      `${title} (ms, % of busy time ${busy.toFixed(0)} ms)`,
      ...[...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(
          ([k, v]) => `  ${v.toFixed(0).padStart(7)}  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`,
        ),
    ].join('\n');
  return [
    `total ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms`,
    table(pkg, 'self time by package'),
    table(self, 'self time by function'),
    table(incl, 'inclusive time by function'),
  ].join('\n\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  process.stdout.write(summarise(JSON.parse(readFileSync(file, 'utf8')), Number(top ?? 25)) + '\n');
}
