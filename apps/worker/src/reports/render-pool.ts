import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PreparedAttachment, ReportLogo, ReportModel } from '@app/reporting';
import type { RenderReply, RenderTask } from './render-thread';

/** What a rendering thread gives back: the files, and which thread made them (never the worker's own, 0). */
export interface RenderedFiles {
  pdf: Buffer;
  xlsx: Buffer;
  checks: Buffer;
  threadId: number;
}

/** Renders a compiled report's files; the worker's is a RenderPool, a test may pass another. */
export interface ReportRenderer {
  render(
    model: ReportModel,
    uploads: PreparedAttachment[],
    onProgress?: (stage: 'pdf' | 'xlsx', fraction: number) => void,
    logo?: ReportLogo | null,
  ): Promise<RenderedFiles>;
}

interface Pending {
  task: RenderTask;
  onProgress?: (stage: 'pdf' | 'xlsx', fraction: number) => void;
  resolve: (files: RenderedFiles) => void;
  reject: (e: Error) => void;
}

interface Slot {
  thread: Worker;
  current: Pending | null;
  /** Ends the thread when it has stayed idle for the pool's idle time. */
  idle?: NodeJS.Timeout;
}

/** The thread's entry: the compiled file next to this one, or the TypeScript source through the tests' loader. */
function startThread(): Worker {
  if (__filename.endsWith('.js')) return new Worker(join(__dirname, 'render-thread.js'));
  // Running from TypeScript sources (jest, or a child process under test/helpers/ts-register.js): the thread
  // loads its source through the same on-the-fly transpiler as its parent.
  const register = join(__dirname, '..', '..', '..', '..', 'test', 'helpers', 'ts-register.js');
  const source = join(__dirname, 'render-thread.ts');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`, {
    eval: true,
  });
}

/**
 * A small pool of report-rendering threads (node:worker_threads). pdfkit, pdf-lib and exceljs are synchronous:
 * rendering a large förbund's report in the worker's own thread blocks its event loop for about a second, so
 * BullMQ could not renew job locks and the worker would not answer its health or metrics endpoint meanwhile.
 * Here every render runs in one of `size` threads (default: one per core); more tasks wait in order. Threads
 * are started when first needed, kept for the next task for `idleMs`, and do not keep the process alive while
 * idle. A thread that dies fails its own task only and is replaced.
 */
export class RenderPool implements ReportRenderer {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;
  private renderedCount = 0;

  constructor(
    readonly size: number = availableParallelism(),
    private readonly idleMs = 60_000,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`render pool size must be a positive integer`);
  }

  render(
    model: ReportModel,
    uploads: PreparedAttachment[],
    onProgress?: (stage: 'pdf' | 'xlsx', fraction: number) => void,
    logo?: ReportLogo | null,
  ): Promise<RenderedFiles> {
    if (this.closed) return Promise.reject(new Error('render pool is closed'));
    return new Promise<RenderedFiles>((resolve, reject) => {
      this.queue.push({ task: { model, uploads, logo: logo ?? null }, onProgress, resolve, reject });
      this.pump();
    });
  }

  /** Threads started, busy, tasks waiting, and renders finished so far (for metrics and tests). */
  stats(): { threads: number; busy: number; queued: number; rendered: number } {
    return {
      threads: this.slots.length,
      busy: this.slots.filter((s) => s.current).length,
      queued: this.queue.length,
      rendered: this.renderedCount,
    };
  }

  /** Stops every thread; tasks not finished are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('render pool closed'));
    await Promise.all(this.slots.splice(0).map((s) => this.stop(s, new Error('render pool closed'))));
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.current);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const next = this.queue.shift() as Pending;
      clearTimeout(slot.idle);
      slot.current = next;
      slot.thread.ref();
      slot.thread.postMessage(next.task);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { thread: startThread(), current: null };
    slot.thread.on('message', (m: RenderReply) => {
      const p = slot.current;
      if (!p) return;
      if (m.type === 'progress') return p.onProgress?.(m.stage, m.fraction);
      slot.current = null;
      slot.thread.unref();
      slot.idle = setTimeout(() => void slot.thread.terminate(), this.idleMs).unref();
      if (m.type === 'done') {
        this.renderedCount++;
        p.resolve({
          pdf: Buffer.from(m.pdf),
          xlsx: Buffer.from(m.xlsx),
          checks: Buffer.from(m.checks),
          threadId: m.threadId,
        });
      } else p.reject(new Error(`report rendering failed: ${m.message}`));
      this.pump();
    });
    const lost = (why: Error) => {
      clearTimeout(slot.idle);
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      const p = slot.current;
      slot.current = null;
      p?.reject(why);
      void slot.thread.terminate();
      if (!this.closed) this.pump();
    };
    slot.thread.on('error', (e) => lost(new Error(`report rendering thread failed: ${e.message}`)));
    slot.thread.on('exit', (code) => lost(new Error(`report rendering thread exited (${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private async stop(slot: Slot, why: Error): Promise<void> {
    clearTimeout(slot.idle);
    slot.current?.reject(why);
    slot.current = null;
    await slot.thread.terminate();
  }
}

let shared: RenderPool | null = null;

/** One pool per process for callers without their own (the CLI, benchmarks, tests calling compileReport). */
export function sharedRenderPool(): RenderPool {
  shared ??= new RenderPool();
  return shared;
}
