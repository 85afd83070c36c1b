import { createServer, Server } from 'node:http';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one process (API or worker), served on a port of their own (config METRICS_PORT),
 * never on the public API port. What is measured: request latency (API), job durations (worker), queue depth
 * and outbox lag (both, read when scraped), and the process' own memory, CPU and event-loop lag.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'samordning_http_request_duration_seconds',
    help: 'HTTP request latency, by method, route and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'samordning_job_duration_seconds',
    help: 'Background job duration, by job name and outcome',
    labelNames: ['job', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });

  constructor(
    process: 'api' | 'worker',
    sources: {
      /** Jobs per queue and state (waiting, active, delayed, failed). */
      queueDepth?: () => Promise<Array<{ queue: string; state: string; count: number }>>;
      /** Age in seconds of the oldest outbox row not yet handed to the queue (0 when none). */
      outboxLag?: () => Promise<number>;
    } = {},
  ) {
    this.registry.setDefaultLabels({ process });
    collectDefaultMetrics({ register: this.registry, prefix: 'samordning_' });
    if (sources.queueDepth) {
      const read = sources.queueDepth;
      new Gauge({
        name: 'samordning_queue_jobs',
        help: 'Jobs in each queue, by state',
        labelNames: ['queue', 'state'] as const,
        registers: [this.registry],
        async collect() {
          this.reset();
          for (const r of await read().catch(() => [])) this.set({ queue: r.queue, state: r.state }, r.count);
        },
      });
    }
    if (sources.outboxLag) {
      const read = sources.outboxLag;
      new Gauge({
        name: 'samordning_outbox_lag_seconds',
        help: 'Age of the oldest outbox row not yet relayed to the queue',
        registers: [this.registry],
        async collect() {
          this.set(await read().catch(() => -1));
        },
      });
    }
  }

  /** Times `work` as a job of that name. */
  async timeJob<T>(job: string, work: () => Promise<T>): Promise<T> {
    const end = this.jobDuration.startTimer({ job });
    try {
      const r = await work();
      end({ outcome: 'ok' });
      return r;
    } catch (e) {
      end({ outcome: 'failed' });
      throw e;
    }
  }

  private server?: Server;

  /** Serves GET /metrics on `port` (0: any free port); resolves once listening. */
  serve(port: number, host = '0.0.0.0'): Promise<Server> {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.registry.metrics().then(
        (body) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
    });
    this.server = server;
    return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
  }

  /** The port the endpoint listens on, once serving. */
  get port(): number | undefined {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a.port : undefined;
  }

  close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    return new Promise((resolve) => (s ? s.close(() => resolve()) : resolve()));
  }
}

/** Queue depth from BullMQ queues, for {@link Metrics}. */
export function bullQueueDepth(
  queues: Iterable<{ name: string; getJobCounts(...states: string[]): Promise<Record<string, number>> }>,
): () => Promise<Array<{ queue: string; state: string; count: number }>> {
  return async () => {
    const out: Array<{ queue: string; state: string; count: number }> = [];
    for (const q of queues) {
      const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed');
      for (const [state, count] of Object.entries(counts)) out.push({ queue: q.name, state, count });
    }
    return out;
  };
}
