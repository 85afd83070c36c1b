import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { appendAudit, openDatabase, sequenceAuditChain, UnitOfWork, verifyAuditChain } from '@app/infra';
import { hashEntryContent } from '@app/domain';
import { insertAuditEntry } from '../../libs/infra/src/audit/audit-entry.store';
import { sequenceAudit } from '../helpers/audit';
import { startWorker } from '../helpers/worker';

/**
 * The audit trail as a transparency log (issue 17): the change's transaction inserts its entry with its own
 * content hash and takes no lock; the sequencer chains entries right after the commit, per förbund, so writers
 * of one förbund never wait on each other's audit entries, and the chain stays one and tamper-evident.
 */
describe('audit trail: entries written without a lock, chained by the sequencer', () => {
  let ds: DataSource;
  let other: DataSource;
  let uow: UnitOfWork;
  let su: Client;

  const newOrg = async (slug: string): Promise<string> =>
    (
      await ds.query(
        'INSERT INTO organisation (slug, name, reporting_unit) VALUES ($1, $2, $3) RETURNING id',
        [slug, `Samordningsförbundet ${slug}`, 'kr'],
      )
    )[0].id;

  beforeAll(async () => {
    ds = await openDatabase(process.env.DATABASE_URL as string, { poolSize: 20 });
    other = await openDatabase(process.env.DATABASE_URL as string, { poolSize: 4 });
    uow = new UnitOfWork(ds);
    su = new Client({ connectionString: process.env.DATABASE_SUPERUSER_URL });
    await su.connect();
  });
  afterAll(async () => {
    await sequenceAudit(ds);
    await sequenceAudit(other);
    await su.end();
    await other.destroy();
    await ds.destroy();
  });

  const entry = (org: string, n: number) => ({
    organisationId: org,
    actorId: null,
    action: 'person.saved' as const,
    entityType: 'organisation',
    entityId: org,
    payload: { n },
  });
  const chain = (org: string) =>
    ds.query(
      `SELECT id, seq::int, prev_hash, hash, content_hash, payload->>'n' AS n FROM audit_entry
        WHERE organisation_id = $1 ORDER BY seq NULLS LAST, insert_order`,
      [org],
    ) as Promise<
      Array<{ id: string; seq: number | null; prev_hash: string | null; hash: string | null; n: string }>
    >;
  const advisoryLocks = async () =>
    (
      await ds.query(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()",
      )
    )[0].n as number;

  it('takes no lock in the writing transaction, and chains in the order entries were committed', async () => {
    const org = await newOrg('kedjan');
    let appended!: () => void;
    const hasAppended = new Promise<void>((r) => (appended = r));
    let finish!: () => void;
    const gate = new Promise<void>((r) => (finish = r));
    const slow = uow.write(async (tx) => {
      await appendAudit(tx, entry(org, 1));
      appended();
      await gate; // the use case goes on working after its audit entry
    });
    await hasAppended;
    expect(await advisoryLocks()).toBe(0);
    // The entry is there with its own hash, without a place in the chain.
    const {
      rows: [written],
    } = await su.query('SELECT seq FROM audit_entry WHERE organisation_id = $1', [org]);
    expect(written).toBeUndefined(); // not yet committed
    // Another writer of the same förbund commits meanwhile, without waiting, and is chained first.
    await uow.write((tx) => appendAudit(tx, entry(org, 2)));
    await sequenceAudit(ds);
    finish();
    await slow;
    await sequenceAudit(ds);
    const rows = await chain(org);
    expect(rows.map((r) => [r.seq, r.n])).toEqual([
      [1, '2'],
      [2, '1'],
    ]);
    expect(rows[0].prev_hash).toBeNull();
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(await verifyAuditChain(ds.manager, org)).toEqual(
      expect.objectContaining({ valid: true, entries: 2, unsequenced: 0 }),
    );
  });

  it('50 concurrent saves of one förbund give one unforked chain, every entry sequenced once', async () => {
    const org = await newOrg('femtio');
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => uow.write((tx) => appendAudit(tx, entry(org, i)))),
    );
    await sequenceAudit(ds);
    const rows = await chain(org);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.n)).size).toBe(50);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(ds.manager, org)).toEqual(
      expect.objectContaining({ valid: true, entries: 50, unsequenced: 0 }),
    );
  });

  it('two sequencers racing (two processes’ data sources) produce the same single chain', async () => {
    const org = await newOrg('kapplopning');
    for (let round = 0; round < 5; round++) {
      const writes = Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? uow : new UnitOfWork(other)).write((tx) => appendAudit(tx, entry(org, round * 10 + i))),
      );
      // both sequencers run while the writes commit, several times over
      const runs = Array.from({ length: 6 }, (_, i) => sequenceAuditChain(i % 2 ? ds : other, org));
      await Promise.all([...writes, ...runs]);
    }
    const counted = (await Promise.all([sequenceAuditChain(ds, org), sequenceAuditChain(other, org)])).reduce(
      (a, b) => a + b,
      0,
    );
    expect(counted).toBeGreaterThanOrEqual(0);
    const rows = await chain(org);
    expect(rows).toHaveLength(50);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await verifyAuditChain(other.manager, org)).toEqual(
      expect.objectContaining({ valid: true, entries: 50, unsequenced: 0 }),
    );
  });

  it('writes nothing when the use case fails after appending', async () => {
    const org = await newOrg('aterrullad');
    await expect(
      uow.write(async (tx) => {
        await appendAudit(tx, entry(org, 3));
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    await sequenceAudit(ds);
    expect(await chain(org)).toEqual([]);
  });

  it('lets the application fill a place in the chain once, and change nothing else', async () => {
    const org = await newOrg('en-gang');
    await uow.write((tx) => appendAudit(tx, entry(org, 1)));
    await sequenceAudit(ds);
    const [row] = await chain(org);
    // a second fill (the sequencer's columns are the only ones the app role may update)
    await expect(
      ds.query('UPDATE audit_entry SET seq = 7, hash = $2 WHERE id = $1', [row.id, 'f'.repeat(64)]),
    ).rejects.toThrow(/append-only/);
    await expect(ds.query("UPDATE audit_entry SET action = 'x' WHERE id = $1", [row.id])).rejects.toThrow(
      /permission denied/,
    );
    await expect(ds.query('DELETE FROM audit_entry WHERE id = $1', [row.id])).rejects.toThrow(
      /permission denied/,
    );
    // an entry cannot be inserted with a place in the chain of its own choosing, nor without its hash
    await expect(
      ds.query(
        `INSERT INTO audit_entry (organisation_id, seq, at, action, entity_type, hash, content_hash)
         VALUES ($1, 2, now(), 'person.saved', 'organisation', $2, $2)`,
        [org, 'a'.repeat(64)],
      ),
    ).rejects.toThrow(/without a place in the chain/);
    // the schema owner meets the same trigger
    const owner = new Client({ connectionString: process.env.TEST_DATABASE_MIGRATION_URL });
    await owner.connect();
    try {
      await expect(
        owner.query("UPDATE audit_entry SET payload = '{}'::jsonb WHERE id = $1", [row.id]),
      ).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
    expect((await chain(org))[0]).toEqual(row);
  });

  /** A superuser (or anyone past the trigger) changes a row; verification names it. */
  const tamper = async (sql: string, params: unknown[]) => {
    await su.query('BEGIN');
    await su.query('SET LOCAL session_replication_role = replica');
    await su.query(sql, params);
    await su.query('COMMIT');
  };

  it('detects a changed content column, a changed content hash and a changed chain hash', async () => {
    const org = await newOrg('manipulerad');
    for (let i = 1; i <= 3; i++) await uow.write((tx) => appendAudit(tx, entry(org, i)));
    await sequenceAudit(ds);
    const rows = await chain(org);

    await tamper(`UPDATE audit_entry SET payload = '{"n": 99}'::jsonb WHERE id = $1`, [rows[1].id]);
    expect(await verifyAuditChain(ds.manager, org)).toMatchObject({
      valid: false,
      firstInvalidEntryId: rows[1].id,
      reason: 'content does not match its hash',
    });
    // recomputing the content hash as well breaks the chain link that binds it
    const {
      rows: [changed],
    } = await su.query('SELECT * FROM audit_entry WHERE id = $1', [rows[1].id]);
    const rehashed = hashEntryContent({
      organisationId: changed.organisation_id,
      at: new Date(changed.at).toISOString(),
      actorId: changed.actor_id,
      action: changed.action,
      entityType: changed.entity_type,
      entityId: changed.entity_id,
      fromState: changed.from_state,
      toState: changed.to_state,
      payload: changed.payload,
      documentHash: changed.document_hash,
    });
    await tamper('UPDATE audit_entry SET content_hash = $2 WHERE id = $1', [rows[1].id, rehashed]);
    expect(await verifyAuditChain(ds.manager, org)).toMatchObject({
      valid: false,
      firstInvalidEntryId: rows[1].id,
      reason: 'chain link does not match its hash',
    });
    // and a chain hash changed on its own no longer matches the next entry's link
    await tamper(`UPDATE audit_entry SET payload = '{"n": "2"}'::jsonb, content_hash = $2 WHERE id = $1`, [
      rows[1].id,
      (await ds.query('SELECT content_hash FROM audit_entry WHERE id = $1', [rows[0].id]))[0].content_hash,
    ]);
    await tamper('UPDATE audit_entry SET hash = $2 WHERE id = $1', [rows[2].id, 'e'.repeat(64)]);
    expect(await verifyAuditChain(ds.manager, org)).toMatchObject({ valid: false });
  });

  it('is chained by a running worker even when no after-commit run happened (the guarantee)', async () => {
    const org = await newOrg('arbetaren');
    const content = {
      organisationId: org,
      at: new Date().toISOString(),
      actorId: null,
      action: 'person.saved',
      entityType: 'organisation',
      entityId: org,
      fromState: null,
      toState: null,
      payload: { n: 1 },
      documentHash: null,
    };
    // written as a process would that died right after its commit: no after-commit run
    await ds.transaction((tx) =>
      insertAuditEntry(tx, '00000000-0000-4000-8000-0000000000e1', content, hashEntryContent(content)),
    );
    const worker = await startWorker();
    try {
      let rows = await chain(org);
      for (let i = 0; i < 100 && rows[0]?.seq === null; i++) {
        await new Promise((r) => setTimeout(r, 100));
        rows = await chain(org);
      }
      expect(rows.map((r) => r.seq)).toEqual([1]);
    } finally {
      await worker.close();
    }
  });

  it('reports an entry left unsequenced longer than the bound, and accepts a fresh one', async () => {
    const org = await newOrg('vantande');
    const content = (at: Date) => ({
      organisationId: org,
      at: at.toISOString(),
      actorId: null,
      action: 'person.saved',
      entityType: 'organisation',
      entityId: org,
      fromState: null,
      toState: null,
      payload: { n: 1 },
      documentHash: null,
    });
    const fresh = content(new Date());
    await ds.transaction((tx) =>
      insertAuditEntry(tx, '00000000-0000-4000-8000-0000000000f1', fresh, hashEntryContent(fresh)),
    );
    expect(await verifyAuditChain(ds.manager, org)).toMatchObject({
      valid: true,
      entries: 1,
      unsequenced: 1,
    });
    const old = content(new Date(Date.now() - 10 * 60_000));
    await ds.transaction((tx) =>
      insertAuditEntry(tx, '00000000-0000-4000-8000-0000000000f2', old, hashEntryContent(old)),
    );
    expect(await verifyAuditChain(ds.manager, org)).toMatchObject({
      valid: false,
      firstInvalidEntryId: '00000000-0000-4000-8000-0000000000f2',
      reason: expect.stringMatching(/not sequenced/),
    });
    await sequenceAudit(ds);
    expect(await verifyAuditChain(ds.manager, org)).toMatchObject({
      valid: true,
      entries: 2,
      unsequenced: 0,
    });
  });
});
