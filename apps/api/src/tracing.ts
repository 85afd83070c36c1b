// main.ts imports this first: the instrumentations must be in place before http, express, graphql, pg and
// ioredis are first required. Starts nothing unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
import { startTracing } from '@app/infra/observability/tracing';

export const tracing = startTracing('samordning-api');
