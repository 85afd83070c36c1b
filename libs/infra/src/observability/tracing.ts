/*
 * OpenTelemetry traces for the API and the worker. This file is loaded before anything else of the process
 * (apps/api/src/tracing.ts, apps/worker/src/tracing.ts), so it imports only the SDK and the config schema: the
 * instrumentations patch http, express, graphql, pg and ioredis as those are first required, which must come
 * after this. Nothing starts unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { configSchema } from '../config/config.schema';
import { registerTracing } from './traces';

export type TracedService = 'samordning-api' | 'samordning-worker';

export interface Tracing {
  /** Flushes the spans still buffered and stops the SDK. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** Where finished spans go instead of the OTLP exporter (tests hand in an in-memory exporter's processor). */
  spanProcessors?: SpanProcessor[];
}

/** Probes and scrapes are not traced: they come every few seconds and say nothing about a user's request. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/** The OTLP/HTTP traces URL of a collector's base endpoint (as the variable names it in the OTel spec). */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * Starts tracing for `service` when `env.OTEL_EXPORTER_OTLP_ENDPOINT` is set (an http(s) URL, as the config
 * schema checks); returns null, having loaded no instrumentation, when it is not. Spans are exported over
 * OTLP/HTTP in batches; HTTP requests (with their route), GraphQL operations, SQL statements and Redis commands
 * inside them are traced. SQL and Redis outside a request or job (pollers, the outbox relay) are not.
 */
export function startTracing(
  service: TracedService,
  env: Record<string, string | undefined> = process.env,
  options: TracingOptions = {},
): Tracing | null {
  const raw = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!raw) return null;
  const endpoint = configSchema.shape.OTEL_EXPORTER_OTLP_ENDPOINT.parse(raw)!;
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    spanProcessors: options.spanProcessors ?? [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(endpoint) })),
    ],
    // Traces only: metrics have their Prometheus endpoint (METRICS_PORT), logs go to stdout as pino lines.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.test(req.url ?? ''),
      }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  const tracing: Tracing = { shutdown: () => sdk.shutdown() };
  registerTracing(tracing);
  return tracing;
}
