import request from 'supertest';
import { INestApplicationContext } from '@nestjs/common';
import { Metrics, resetConfigForTests } from '@app/infra';
import { ApiMetrics } from '../../apps/api/src/common/observability/api-metrics';
import { TestApi } from '../helpers/api';
import { startWorker } from '../helpers/worker';

/** Prometheus metrics of the API and the worker, each on a port of its own, never on the API's port. */
describe('metrics', () => {
  let api: TestApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    process.env.METRICS_PORT = '0'; // any free port
    resetConfigForTests();
    api = await TestApi.start();
    worker = await startWorker();
  });
  afterAll(async () => {
    delete process.env.METRICS_PORT;
    resetConfigForTests();
    await worker?.close();
    await api?.close();
  });

  const scrape = async (port: number | undefined) => {
    expect(port).toEqual(expect.any(Number));
    const res = await request(`http://127.0.0.1:${port}`).get('/metrics');
    expect(res.status).toBe(200);
    return res.text;
  };

  it('the API reports request latency by route and its outbox lag', async () => {
    await request(api.url).post('/graphql').send({ query: '{ __typename }' });
    const text = await scrape(api.app.get(ApiMetrics).metrics.port);
    expect(text).toMatch(
      /samordning_http_request_duration_seconds_count\{[^}]*method="POST"[^}]*route="\/graphql"[^}]*status="2xx"[^}]*\} [1-9]/,
    );
    expect(text).toMatch(/^samordning_outbox_lag_seconds\{process="api"\} \d/m);
    expect(text).toMatch(/^samordning_process_resident_memory_bytes\{process="api"\} \d/m);
  });

  it("the worker reports its queues' depth and its job durations", async () => {
    const metrics = worker.get(Metrics);
    await metrics.timeJob('PROVJOBB', async () => 'klart');
    const text = await scrape(metrics.port);
    expect(text).toMatch(/samordning_queue_jobs\{[^}]*queue="reports"[^}]*state="waiting"[^}]*\} \d/);
    expect(text).toMatch(
      /samordning_job_duration_seconds_count\{[^}]*job="PROVJOBB"[^}]*outcome="ok"[^}]*\} 1/,
    );
    expect(text).toMatch(/^samordning_outbox_lag_seconds\{process="worker"\} \d/m);
  });

  it('the public API port does not serve the metrics', async () => {
    const res = await request(api.url).get('/metrics');
    expect(res.text).not.toContain('samordning_http_request_duration_seconds');
  });
});
