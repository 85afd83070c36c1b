import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A port nobody listens on right now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The API's or the worker's real entry point (apps/<app>/src/main.ts) in a process of its own, as a deploy
 * starts it: the project's TypeScript through test/helpers/ts-register.js (no build needed), its environment the
 * test's plus `env`, its output in `<logDir>/<name>.log`. Signals go to the process itself (node is PID of the
 * child, no shell in between).
 */
export class InstanceProcess {
  private proc: ChildProcess | null = null;
  private exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null;
  readonly log: string;

  constructor(
    readonly name: string,
    readonly app: 'api' | 'worker',
    private readonly env: Record<string, string>,
    logDir: string,
  ) {
    this.log = join(logDir, `${name}.log`);
  }

  get pid(): number {
    if (!this.proc?.pid) throw new Error(`${this.name} is not running`);
    return this.proc.pid;
  }

  /** How BullMQ names this process' workers (job.processedBy), see apps/worker/src/worker.module.ts. */
  get workerName(): string {
    return `${hostname()}:${this.pid}`;
  }

  /** Starts the process and resolves when it says it is ready ("API listening" / "Worker running"). */
  async start(timeoutMs = 150_000): Promise<void> {
    const out = createWriteStream(this.log);
    const proc = spawn(
      process.execPath,
      ['-r', './test/helpers/ts-register.js', `apps/${this.app}/src/main.ts`],
      { cwd: ROOT, env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.proc = proc;
    this.exit = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
    proc.stderr?.pipe(out);
    const ready = this.app === 'api' ? 'API listening' : 'Worker running';
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(
        () => reject(new Error(`${this.name} not ready within ${timeoutMs} ms:\n${this.tail()}`)),
        timeoutMs,
      );
      proc.stdout?.on('data', (c: Buffer) => {
        out.write(c);
        seen = (seen + c.toString()).slice(-4096);
        if (seen.includes(ready)) {
          clearTimeout(timer);
          resolve();
        }
      });
      void this.exit?.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited (${code ?? signal}) before it was ready:\n${this.tail()}`));
      });
    });
  }

  signal(sig: NodeJS.Signals): void {
    this.proc?.kill(sig);
  }

  /** Resolves with how the process ended. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.exit) throw new Error(`${this.name} was never started`);
    return this.exit;
  }

  get running(): boolean {
    return !!this.proc && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Stops the process if it still runs: SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (!this.proc || !this.running) return;
    this.proc.kill('SIGCONT');
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc?.kill('SIGKILL'), graceMs);
    await this.exited();
    clearTimeout(timer);
  }

  /** The last lines of the process' output, for a failing test's message. */
  tail(lines = 30): string {
    try {
      return readFileSync(this.log, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}
