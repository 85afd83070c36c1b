import { DataSource } from 'typeorm';
import { appendAudit, openDatabase, UnitOfWork, verifyAuditChain } from '@app/infra';

/**
 * Throughput: a use case's audit entries are chained as its transaction's last statements, so the förbund's
 * chain lock is not held while the use case works, and writers of one förbund do not queue behind each
 * other. The entries still commit (or roll back) with the change.
 */
describe('audit entries chained at the end of the transaction', () => {
  let ds: DataSource;
  let uow: UnitOfWork;
  let org: string;

  beforeAll(async () => {
    ds = await openDatabase(process.env.DATABASE_URL as string, { poolSize: 4 });
    uow = new UnitOfWork(ds);
    [{ id: org }] = await ds.query(
      "INSERT INTO organisation (slug, name, reporting_unit) VALUES ('kedjan', 'Samordningsförbundet Kedjan', 'kr') RETURNING id",
    );
  });
  afterAll(() => ds.destroy());

  const entry = (n: number) => ({
    organisationId: org,
    actorId: null,
    action: 'person.saved' as const,
    entityType: 'organisation',
    entityId: org,
    payload: { n },
  });
  const advisoryLocks = async () =>
    (
      await ds.query(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()",
      )
    )[0].n as number;

  it('holds no chain lock while the use case is still working, and chains in commit order', async () => {
    let appended!: () => void;
    const hasAppended = new Promise<void>((r) => (appended = r));
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const slow = uow.write(async (tx) => {
      await appendAudit(tx, entry(1));
      appended();
      await gate; // the use case goes on working after its audit entry
    });
    await hasAppended;
    expect(await advisoryLocks()).toBe(0);
    // Another writer of the same förbund commits meanwhile; it would wait for the lock otherwise.
    await uow.write((tx) => appendAudit(tx, entry(2)));
    finish();
    await slow;
    const rows = await ds.query(
      "SELECT seq::int, payload->>'n' AS n FROM audit_entry WHERE organisation_id = $1 ORDER BY seq",
      [org],
    );
    expect(rows).toEqual([
      { seq: 1, n: '2' },
      { seq: 2, n: '1' },
    ]);
    expect(await verifyAuditChain(ds.manager, org)).toEqual(
      expect.objectContaining({ valid: true, entries: 2 }),
    );
  });

  it('writes nothing when the use case fails after appending', async () => {
    await expect(
      uow.write(async (tx) => {
        await appendAudit(tx, entry(3));
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    const [{ n }] = await ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE organisation_id = $1 AND payload->>'n' = '3'",
      [org],
    );
    expect(n).toBe(0);
  });

  it('refuses a bad payload at once, before the use case goes on', async () => {
    let after = false;
    await expect(
      uow.write(async (tx) => {
        await appendAudit(tx, {
          ...entry(4),
          payload: { n: 'fyra' } as never,
          action: 'person.factor_enrolled',
        });
        after = true;
      }),
    ).rejects.toThrow();
    expect(after).toBe(false);
  });
});
