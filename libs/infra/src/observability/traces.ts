import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/*
 * What the rest of the code needs of tracing, through the OpenTelemetry API alone (a no-op until
 * observability/tracing.ts has started the SDK): the job span, and flushing the spans at shutdown.
 */

const tracer = trace.getTracer('samordning-worker');

interface Stoppable {
  shutdown(): Promise<void>;
}
let started: Stoppable | null = null;

/** Remembers the started SDK, for {@link shutdownTracing}. */
export function registerTracing(tracing: Stoppable): void {
  started = tracing;
}

/** Exports the spans still buffered and stops the SDK (the process' last shutdown hook); no-op if never started. */
export async function shutdownTracing(): Promise<void> {
  const t = started;
  started = null;
  await t?.shutdown().catch(() => undefined);
}

/**
 * Runs a job's handler in a span of its own named after the job, carrying its id (`messaging.message.id`,
 * the outbox's deterministic job id) and attempt; SQL and Redis calls of the handler become its children.
 * Without tracing started (OTEL_EXPORTER_OTLP_ENDPOINT unset) the API is a no-op and only `work` runs.
 */
export function inJobSpan<T>(
  job: { id?: string; name: string; attemptsMade: number; queueName?: string },
  work: () => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(
    `job ${job.name}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'process',
        'messaging.destination.name': job.queueName ?? '',
        'messaging.message.id': job.id ?? '',
        'job.id': job.id ?? '',
        'job.name': job.name,
        'job.attempt': job.attemptsMade + 1,
      },
    },
    async (span) => {
      try {
        return await work();
      } catch (e) {
        span.recordException(e instanceof Error ? e : String(e));
        span.setStatus({ code: SpanStatusCode.ERROR, message: e instanceof Error ? e.message : String(e) });
        throw e;
      } finally {
        span.end();
      }
    },
  );
}
