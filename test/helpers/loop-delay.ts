import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How long this thread's event loop could not run anything while `work` ran: the longest stall and the p99. */
export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
}

/**
 * Runs `work` while measuring this thread's event-loop delay (perf_hooks' histogram at 10 ms resolution), as
 * bench/report.child.ts does for a whole compilation. For reports and measurements, never for assertions: the
 * machine running the tests decides the numbers.
 */
export async function measureLoopDelay<T>(work: () => Promise<T>): Promise<{ result: T; delay: LoopDelay }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  // The histogram's timer counts from its first tick: let it tick before the work starts, or a block right at the
  // start goes unseen.
  await new Promise((r) => setTimeout(r, 30));
  try {
    const result = await work();
    return { result, delay: { maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6 } };
  } finally {
    h.disable();
  }
}
