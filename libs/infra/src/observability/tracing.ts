/*
 * OpenTelemetry traces for the API and the worker. This file is loaded before anything else of the process
 * (apps/api/src/tracing.ts, apps/worker/src/tracing.ts), so it loads only the SDK (tracing-sdk.ts, and only when
 * tracing is configured) and the config schema: the
 * instrumentations patch http, express, graphql, pg and ioredis as those are first required, which must come
 * after this. Nothing starts unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
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
  // The SDK and its instrumentations (about 70 MB and seconds of start-up) are loaded only when tracing is on.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  const sdk = createSdk(service, tracesUrl(endpoint), UNTRACED_PATHS, options.spanProcessors);
  sdk.start();
  const tracing: Tracing = { shutdown: () => sdk.shutdown() };
  registerTracing(tracing);
  return tracing;
}
