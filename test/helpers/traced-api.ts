/*
 * Run as a child process (node -r ./test/helpers/ts-register.js): starts tracing as apps/api/src/main.ts does,
 * but into an in-memory exporter, then the API, sends it one GraphQL request over HTTP and prints what was
 * traced as one JSON line. Tracing starts only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
import 'reflect-metadata';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '../../libs/infra/src/observability/tracing';

const memory = new InMemorySpanExporter();
const tracing = startTracing('samordning-api', process.env, {
  spanProcessors: [new SimpleSpanProcessor(memory)],
});

const LOGIN = 'mutation Login($e: String!, $p: String!){ login(email: $e, password: $p){ token } }';

function describe(s: ReadableSpan) {
  return {
    name: s.name,
    kind: s.kind,
    traceId: s.spanContext().traceId,
    spanId: s.spanContext().spanId,
    parentSpanId: s.parentSpanContext?.spanId ?? null,
    service: s.resource.attributes['service.name'],
    attributes: s.attributes,
  };
}

async function main(): Promise<void> {
  // The application is loaded only now, after the instrumentations are in place (main.ts: import './tracing').
  const { createApp } = await import('../../apps/api/src/bootstrap');
  const { AuthService } = await import('../../apps/api/src/auth/auth.service');
  const app = await createApp({ logger: false });
  await app.get(AuthService).ensurePlatformAdmin();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({
      query: LOGIN,
      variables: { e: process.env.ADMIN_EMAIL, p: process.env.ADMIN_PASSWORD },
    }),
  });
  const body = (await res.json()) as { data?: { login?: { token?: string } } };
  // The server span ends when the response has gone; wait for it (bounded), then report.
  for (let i = 0; i < 100 && !memory.getFinishedSpans().some((s) => s.kind === 1); i++)
    await new Promise((r) => setTimeout(r, 20));
  const spans = memory.getFinishedSpans().map(describe);
  await app.close();
  process.stdout.write(
    `${JSON.stringify({ started: tracing !== null, status: res.status, loggedIn: !!body.data?.login?.token, spans })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`traced-api failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
