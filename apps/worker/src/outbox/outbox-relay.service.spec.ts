import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, jobOptions, QUEUE_RETRY, QueueName, retryWindowMs } from '@app/infra';
import { OutboxRelay } from './outbox-relay.service';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function row(n: number, payload: unknown, job_name = JobName.COMPILE_REPORT) {
  return {
    id: `row-${n}`,
    queue: QueueName.REPORTS,
    job_name,
    job_id: `job-${n}`,
    payload,
    delay_until: null,
  };
}

/** A fake transaction handle: SELECT hands out the rows, UPDATEs are recorded. */
function fakeDs(rows: ReturnType<typeof row>[]) {
  const failed: Array<[string, string]> = [];
  const relayed: string[] = [];
  const em = {
    query: (sql: string, params: unknown[]) => {
      if (sql.includes('SELECT')) return Promise.resolve(rows);
      if (sql.includes('relayed_at = now()')) relayed.push(...(params[0] as string[]));
      else failed.push([params[0] as string, params[1] as string]);
      return Promise.resolve([]);
    },
  };
  const ds = { transaction: (fn: (e: typeof em) => Promise<unknown>) => fn(em) } as unknown as DataSource;
  return { ds, failed, relayed };
}

function fakeQueue(add: (name: string, data: unknown, opts: { jobId: string }) => Promise<unknown>) {
  return new Map([[QueueName.REPORTS, { add } as unknown as Queue]]);
}

const valid = (n: number) => ({ reportId: uuid(n), organisationId: uuid(99) });

describe('OutboxRelay.relayOnce', () => {
  it('relays the rows after one whose payload fails its schema, and marks that row', async () => {
    const { ds, failed, relayed } = fakeDs([
      row(1, { reportId: 'not-a-uuid' }),
      row(2, valid(2)),
      row(3, valid(3)),
    ]);
    const added: string[] = [];
    const relay = new OutboxRelay(
      ds,
      fakeQueue(async (_n, _d, o) => void added.push(o.jobId)),
    );
    await expect(relay.relayOnce()).resolves.toBe(2);
    expect(added).toEqual(['job-2', 'job-3']);
    expect(relayed).toEqual(['row-2', 'row-3']);
    expect(failed.map(([id]) => id)).toEqual(['row-1']);
    expect(failed[0][1]).toMatch(/invalid payload/);
  });

  it('relays the other rows when the queue add throws for one row', async () => {
    const { ds, failed, relayed } = fakeDs([row(1, valid(1)), row(2, valid(2)), row(3, valid(3))]);
    const relay = new OutboxRelay(
      ds,
      fakeQueue(async (_n, _d, o) => {
        if (o.jobId === 'job-1') throw new Error('job too large');
      }),
    );
    await expect(relay.relayOnce()).resolves.toBe(2);
    expect(relayed).toEqual(['row-2', 'row-3']);
    expect(failed).toEqual([['row-1', 'job too large']]);
  });

  it('stops the tick early when every add fails (Redis away), leaving the rest for the next tick', async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((n) => row(n, valid(n)));
    const { ds, failed, relayed } = fakeDs(rows);
    let calls = 0;
    const relay = new OutboxRelay(
      ds,
      fakeQueue(async () => {
        calls++;
        throw new Error('Connection is closed.');
      }),
    );
    await expect(relay.relayOnce()).resolves.toBe(0);
    expect(calls).toBe(OutboxRelay.MAX_ADD_FAILURES_PER_TICK);
    expect(failed).toHaveLength(OutboxRelay.MAX_ADD_FAILURES_PER_TICK);
    expect(relayed).toEqual([]);
  });
});

describe('job retry options', () => {
  const DAY = 24 * 3600 * 1000;

  it('retries mail jobs over more than a day (a day-long SMTP outage)', () => {
    for (const name of [
      JobName.SEND_EMAIL,
      JobName.SEND_INVITATION,
      JobName.SUBMISSION_REMINDER,
      JobName.SIGNING_REMINDER,
    ]) {
      const opts = jobOptions(name, 'x', 0);
      expect(opts.backoff.type).toBe('exponential');
      expect(retryWindowMs(opts)).toBeGreaterThan(DAY);
    }
  });

  it('keeps report jobs at their 8 quick attempts and passes the deterministic id through', () => {
    const opts = jobOptions(JobName.COMPILE_REPORT, 'compile-report__x', 5);
    expect(opts).toMatchObject({ jobId: 'compile-report__x', delay: 5, attempts: 8 });
    expect(opts.backoff).toEqual({ type: 'exponential', delay: 1000 });
    expect(QUEUE_RETRY[QueueName.REPORTS].attempts).toBe(8);
  });

  it('computes the window as the sum of BullMQ exponential waits', () => {
    expect(retryWindowMs({ attempts: 4, backoff: { delay: 1000 } })).toBe(1000 + 2000 + 4000);
  });
});
