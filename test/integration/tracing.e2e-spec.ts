import { spawn } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { trace } from '@opentelemetry/api';
import { parseConfig } from '@app/infra';
import { startTracing } from '@app/infra/observability/tracing';

const ROOT = join(__dirname, '..', '..');

interface TracedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  service: string;
  attributes: Record<string, unknown>;
}

/** Runs test/helpers/traced-api.ts in a child process with `env` added; its JSON report. */
function tracedApi(env: Record<string, string | undefined>): Promise<{
  started: boolean;
  status: number;
  loggedIn: boolean;
  spans: TracedSpan[];
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', './test/helpers/ts-register.js', 'test/helpers/traced-api.ts'],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`traced-api exited ${code}: ${err}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!));
      } catch (e) {
        reject(new Error(`traced-api printed no report: ${out} ${err} ${String(e)}`));
      }
    });
  });
}

/**
 * Issue 17: OpenTelemetry traces. The SDK's instrumentations patch modules through Node's own require, which jest's
 * module loader bypasses; so the traced API runs in a child process, started as main.ts starts it (tracing first,
 * then the application), with an in-memory exporter in place of the OTLP one.
 */
describe('OpenTelemetry traces', () => {
  it('traces a GraphQL request over HTTP: the route, the operation and its SQL in one trace', async () => {
    const r = await tracedApi({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' });
    expect(r).toMatchObject({ started: true, status: 200, loggedIn: true });

    const server = r.spans.find((s) => s.kind === 1 && s.attributes['http.route'] === '/graphql');
    expect(server).toBeDefined();
    expect(server!.name).toBe('POST /graphql');
    expect(server!.service).toBe('samordning-api');
    const inRequest = r.spans.filter((s) => s.traceId === server!.traceId);
    const operation = inRequest.find((s) => s.attributes['graphql.operation.name'] === 'Login');
    expect(operation).toMatchObject({
      name: 'mutation Login',
      attributes: { 'graphql.operation.type': 'mutation' },
    });
    // The login's SQL is a child of the request, not a trace of its own.
    expect(inRequest.some((s) => s.name.startsWith('pg.query'))).toBe(true);
    expect(r.spans.every((s) => s.service === 'samordning-api')).toBe(true);
  });

  it('starts nothing when OTEL_EXPORTER_OTLP_ENDPOINT is unset', async () => {
    const before = http.Server.prototype.emit;
    expect(startTracing('samordning-api', {})).toBeNull();
    expect(startTracing('samordning-worker', { OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBeNull();
    // No tracer provider registered (spans are not recorded) and no module patched.
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    expect(http.Server.prototype.emit).toBe(before);
    expect((http.Server.prototype.emit as { __wrapped?: boolean }).__wrapped).toBeUndefined();

    // As the processes start: apps/*/src/tracing.ts with the variable unset.
    const saved = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    try {
      expect((await import('../../apps/api/src/tracing')).tracing).toBeNull();
      expect((await import('../../apps/worker/src/tracing')).tracing).toBeNull();
    } finally {
      if (saved !== undefined) process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved;
    }
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
  });

  it('takes the endpoint as an optional http(s) URL in the configuration', () => {
    const base = {
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWT_SECRET: 'x'.repeat(40),
    };
    expect(parseConfig(base).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(
      parseConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' })
        .OTEL_EXPORTER_OTLP_ENDPOINT,
    ).toBe('http://otel-collector:4318');
    expect(() => parseConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'otel-collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
    expect(() => startTracing('samordning-api', { OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow();
  });
});
