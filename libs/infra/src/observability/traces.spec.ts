import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { inJobSpan } from './traces';

describe('inJobSpan', () => {
  const memory = new InMemorySpanExporter();
  beforeAll(() =>
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] }),
    ),
  );
  afterAll(() => trace.disable());
  beforeEach(() => memory.reset());

  it('runs the job in a span named after it that carries the job id and attempt', async () => {
    const job = { id: 'compile-report:r1', name: 'compile-report', attemptsMade: 1, queueName: 'reports' };
    await expect(inJobSpan(job, async () => 'done')).resolves.toBe('done');
    const [span] = memory.getFinishedSpans();
    expect(span.name).toBe('job compile-report');
    expect(span.attributes).toMatchObject({
      'job.id': 'compile-report:r1',
      'messaging.message.id': 'compile-report:r1',
      'job.name': 'compile-report',
      'job.attempt': 2,
      'messaging.destination.name': 'reports',
    });
  });

  it('marks a failed job and passes the error on', async () => {
    const job = { id: 'mail:1', name: 'send-email', attemptsMade: 0 };
    await expect(inJobSpan(job, async () => Promise.reject(new Error('smtp down')))).rejects.toThrow(
      'smtp down',
    );
    const [span] = memory.getFinishedSpans();
    expect(span.status).toMatchObject({ code: 2, message: 'smtp down' });
    expect(span.events.map((e) => e.name)).toContain('exception');
  });
});
