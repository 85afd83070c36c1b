import { Queue } from 'bullmq';
import { AppConfig, JobName, jobId, QueueName, UnitOfWork } from '@app/infra';
import { AuditCheckpointHandler } from './audit-checkpoint.handler';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function fakeUow() {
  const inserted: unknown[][] = [];
  const tx = {
    query: (sql: string, params: unknown[] = []) => {
      if (sql.includes('FROM organisation')) return Promise.resolve([{ id: A }, { id: B }]);
      if (sql.includes('FROM audit_entry'))
        return Promise.resolve(params[0] === A ? [{ seq: '3', hash: 'h3' }] : []);
      inserted.push(params);
      return Promise.resolve([]);
    },
  };
  const uow = {
    read: (fn: (t: typeof tx) => unknown) => fn(tx),
    write: (fn: (t: typeof tx) => unknown) => fn(tx),
  };
  return { uow: uow as unknown as UnitOfWork, inserted };
}

const config = { NODE_ENV: 'test' } as AppConfig;

describe('AuditCheckpointHandler', () => {
  it('signs the head of every förbund with an audit trail (the hourly run)', async () => {
    const { uow, inserted } = fakeUow();
    const h = new AuditCheckpointHandler(uow, config, new Map());
    await expect(h.handle({ reason: 'hourly' })).resolves.toBe(1);
    expect(inserted).toHaveLength(1);
    expect(inserted[0].slice(0, 3)).toEqual([A, 3, 'h3']);
    expect(inserted[0][4]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('schedules itself hourly on its queue', async () => {
    const calls: unknown[][] = [];
    const queue = { upsertJobScheduler: async (...a: unknown[]) => void calls.push(a) } as unknown as Queue;
    const h = new AuditCheckpointHandler(fakeUow().uow, config, new Map([[QueueName.REPORTS, queue]]));
    await h.onApplicationBootstrap();
    expect(calls).toEqual([
      [
        'audit-checkpoint-hourly',
        { every: 3600_000 },
        { name: JobName.AUDIT_CHECKPOINT, data: { reason: 'hourly' } },
      ],
    ]);
  });

  it('refuses to run in production without a secret of its own', () => {
    expect(
      () => new AuditCheckpointHandler(fakeUow().uow, { NODE_ENV: 'production' } as AppConfig, new Map()),
    ).toThrow(/AUDIT_CHECKPOINT_SECRET/);
  });

  it('has one job id per förbund and occasion', () => {
    expect(jobId(JobName.AUDIT_CHECKPOINT, { organisationId: A, reason: 'seal:r1' })).toBe(
      `audit-checkpoint__${A}__seal_r1`,
    );
  });
});
