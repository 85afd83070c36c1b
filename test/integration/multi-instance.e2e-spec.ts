import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { createClient, Client as WsClient } from 'graphql-ws';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { appendAudit, enqueueJob, JobName, openDatabase, QueueName } from '@app/infra';
import { ADMIN, importBundle, tenantBundle, TestApi, upload } from '../helpers/api';
import { freePort, InstanceProcess } from '../helpers/instance-process';
import { savedDemoPlan } from '../helpers/plan';

const SAVE =
  'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }';
const COMPILE_PLAN =
  'mutation($o: ID!){ compileReport(organisationId: $o, kind: VERKSAMHETSPLAN, year: 2026){ id } }';
/** How long a worker's job lock lasts here: a killed worker's job moves to the other within a few seconds. */
const JOB_LOCK_MS = 5000;

/** The processes of this file, whose output a timed-out wait shows. */
const processes: InstanceProcess[] = [];

/** Polls `probe` until it returns a value (not undefined), at most `ms`; the value. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end)
      throw new Error(
        `timed out waiting for ${what}\n${processes.map((p) => `--- ${p.name}\n${p.tail(15)}`).join('\n')}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Issue 17 item 2: two API processes and two worker processes (the real entry points, apps/*\/src/main.ts) on
 * one PostgreSQL and one Redis, with FILE_STORAGE_BACKEND=postgres and a disk of their own each. Live updates,
 * files, compilations and seals cross instances; a worker killed mid-job leaves exactly one result; SIGTERM
 * drains a worker (its job finishes) and an API (its request in flight is answered, then it refuses).
 */
describe('several API and worker instances on one PostgreSQL and Redis', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'multi-instance-'));
  const disks = ['api-a', 'api-b', 'worker-1', 'worker-2'].map((n) => join(logDir, `disk-${n}`));
  let apiA: InstanceProcess;
  let apiB: InstanceProcess;
  let w1: InstanceProcess;
  let w2: InstanceProcess;
  let a: TestApi;
  let b: TestApi;
  let su: Client;
  let ds: DataSource;
  let reports: Queue;
  let redis: IORedis;
  let org: string;
  let chef: string;
  const ws: WsClient[] = [];

  const env = (disk: string, port?: number): Record<string, string> => ({
    FILE_STORAGE_BACKEND: 'postgres',
    FILE_STORAGE_DIR: disk,
    JOB_LOCK_MS: String(JOB_LOCK_MS),
    REPORT_RENDER_CONCURRENCY: '1',
    LOG_LEVEL: 'info',
    ...(port ? { PORT: String(port) } : {}),
  });

  /** The report's status as API B reads it (the compile was asked of API A or B). */
  const reportStatus = async (id: string) =>
    (await b.ok<{ report: { status: string } }>('query($id: ID!){ report(id: $id){ status } }', { id }, chef))
      .report.status;
  const readyReport = (id: string, ms?: number) =>
    until(`report ${id} READY`, async () => ((await reportStatus(id)) === 'READY' ? true : undefined), ms);
  /** Which worker process ran (or runs) a job: BullMQ's processedBy, host:pid. */
  const processedBy = async (jobId: string) => (await reports.getJob(jobId))?.processedBy;

  /** Holds every write of file contents (the worker stores a report's files there) until the returned release. */
  async function holdFileWrites(): Promise<() => Promise<void>> {
    const c = new Client({ connectionString: process.env.DATABASE_SUPERUSER_URL });
    await c.connect();
    await c.query('BEGIN');
    await c.query('LOCK TABLE file_blob_chunk IN SHARE MODE');
    return async () => {
      await c.query('ROLLBACK');
      await c.end();
    };
  }
  /** A worker backend waiting on that lock: a job is mid-way, its files rendered and not yet stored. */
  const workerWaitingOnLock = () =>
    until('a worker blocked on the held lock', async () => {
      const { rows } = await su.query(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'samordning-worker' AND wait_event_type = 'Lock'
            AND query LIKE '%file_blob_chunk%'`,
      );
      return rows.length ? true : undefined;
    });

  beforeAll(async () => {
    for (const d of disks) mkdirSync(d);
    const [portA, portB] = [await freePort(), await freePort()];
    apiA = new InstanceProcess('api-a', 'api', env(disks[0], portA), logDir);
    apiB = new InstanceProcess('api-b', 'api', env(disks[1], portB), logDir);
    w1 = new InstanceProcess('worker-1', 'worker', env(disks[2]), logDir);
    w2 = new InstanceProcess('worker-2', 'worker', env(disks[3]), logDir);
    processes.push(apiA, apiB, w1, w2);
    await Promise.all(processes.map((p) => p.start()));
    a = TestApi.remote(`http://127.0.0.1:${portA}`);
    b = TestApi.remote(`http://127.0.0.1:${portB}`);
    su = new Client({ connectionString: process.env.DATABASE_SUPERUSER_URL });
    await su.connect();
    ds = await openDatabase(process.env.DATABASE_URL as string, { poolSize: 2 });
    redis = new IORedis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
    reports = new Queue(QueueName.REPORTS, { connection: redis });
    org = (await importBundle(a, tenantBundle('flerinstans', 'Samordningsförbundet Flerinstans'))).id;
    // its insatser run on, so the test can start a follow-up of a year no other test uses
    await su.query('UPDATE insats SET end_date = NULL WHERE organisation_id = $1', [org]);
    chef = await b.login('forbundschef@flerinstans.example');
  }, 240_000);

  afterAll(async () => {
    for (const c of ws) await c.dispose();
    await Promise.all([apiA, apiB, w1, w2].map((p) => p?.stop()));
    await reports?.close();
    redis?.disconnect();
    await ds?.destroy();
    await su?.end();
  });

  it('a subscriber on API B sees a submission saved through API A', async () => {
    const owner = await a.login('projektagare.stegen@flerinstans.example');
    const reviewer = await b.login('styrgrupp1.stegen@flerinstans.example');
    const {
      rows: [{ id: insatsId }],
    } = await su.query("SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'", [org]);
    const s = (
      await a.ok<{ startSubmission: { id: string; version: number } }>(
        'mutation($i: ID!){ startSubmission(insatsId: $i, period: "HELAR-2031"){ id version } }',
        { i: insatsId },
        owner,
      )
    ).startSubmission;
    const client = createClient({
      url: `${b.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${reviewer}` },
      retryAttempts: 0,
    });
    ws.push(client);
    const received: string[] = [];
    const arrived = (async () => {
      for await (const msg of client.iterate<{
        submissionChanged: { answers: { verksamhet?: string } };
      }>({
        query: 'subscription($id: ID!){ submissionChanged(id: $id){ answers } }',
        variables: { id: s.id },
      })) {
        received.push(msg.data?.submissionChanged.answers.verksamhet ?? JSON.stringify(msg.errors));
        return;
      }
    })();
    // Saved through A until B's subscriber has heard of it (the subscription registers asynchronously).
    let version = s.version;
    for (let i = 0; i < 100 && !received.length; i++) {
      version = (
        await a.ok<{ saveSubmission: { version: number } }>(
          SAVE,
          { id: s.id, v: version, a: { verksamhet: `Sparad på instans A ${i}` } },
          owner,
        )
      ).saveSubmission.version;
      await Promise.race([arrived, new Promise((r) => setTimeout(r, 200))]);
    }
    await arrived;
    expect(received[0]).toMatch(/^Sparad på instans A \d+$/);
  });

  it('a file uploaded through API A is downloaded through API B, and no instance keeps it on its disk', async () => {
    const kansli = await a.login('kansli@flerinstans.example');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200_000)]);
    const up = await upload(a, kansli, pdf, 'bilaga.pdf', { organisationId: org });
    expect(up.status).toBe(201);
    const dl = await b.download(up.body.id, await b.login('kansli@flerinstans.example'));
    expect(dl.status).toBe(200);
    expect(Buffer.compare(dl.body, pdf)).toBe(0);
    for (const d of disks)
      expect(existsSync(join(d, 'sha256')) ? readdirSync(join(d, 'sha256')) : []).toEqual([]);
  });

  it('a report compiled on worker 1 is sealed on worker 2, and the sealed file is read through either API', async () => {
    await savedDemoPlan(a, org, chef);
    // Worker 2 paused: the compilation can only run on worker 1.
    w2.signal('SIGSTOP');
    let reportId: string;
    try {
      reportId = (await a.ok<{ compileReport: { id: string } }>(COMPILE_PLAN, { o: org }, chef)).compileReport
        .id;
      await readyReport(reportId);
    } finally {
      w2.signal('SIGCONT');
    }
    expect(await processedBy(`${JobName.COMPILE_REPORT}__${reportId}`)).toBe(w1.workerName);

    // Every signer has signed (as the signing suite's service records it); the seal job goes to worker 2 only.
    const { createSigningRequest: req } = await b.ok<{ createSigningRequest: { id: string } }>(
      'mutation($r: ID!){ createSigningRequest(reportId: $r, overrideReason: "Testförbundet saknar uppföljningar; kontrollerna gäller inte sigillet."){ id } }',
      { r: reportId },
      chef,
    );
    w1.signal('SIGSTOP');
    try {
      await ds.transaction(async (em) => {
        const signers: Array<{ person_id: string }> = await em.query(
          'SELECT person_id FROM signing_signer WHERE request_id = $1 ORDER BY position',
          [req.id],
        );
        for (const s of signers)
          await appendAudit(em, {
            organisationId: org,
            actorId: s.person_id,
            action: 'signing.signed',
            entityType: 'signing_request',
            entityId: req.id,
            payload: { method: 'TOTP' },
          });
        await em.query(
          `UPDATE signing_signer SET state = 'SIGNED', signed_at = now(), method = 'TOTP' WHERE request_id = $1`,
          [req.id],
        );
        await em.query(`UPDATE signing_request SET status = 'SEALING' WHERE id = $1`, [req.id]);
        await enqueueJob(em, JobName.SEAL_SIGNED_DOCUMENT, { requestId: req.id });
      });
      await until('the seal', async () => {
        const { rows } = await su.query('SELECT status FROM signing_request WHERE id = $1', [req.id]);
        return rows[0].status === 'COMPLETED' ? true : undefined;
      });
    } finally {
      w1.signal('SIGCONT');
    }
    expect(await processedBy(`${JobName.SEAL_SIGNED_DOCUMENT}__${req.id}`)).toBe(w2.workerName);
    const {
      rows: [{ sealed_file_id: sealed }],
    } = await su.query('SELECT sealed_file_id FROM signing_request WHERE id = $1', [req.id]);
    for (const api of [a, b]) {
      const res = await api.download(sealed, chef);
      expect(res.status).toBe(200);
      expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(res.body.toString('latin1')).toContain('/ByteRange');
    }
  }, 240_000);

  it('a worker killed (SIGKILL) mid-job leaves exactly one result: the other worker runs the job again', async () => {
    const release = await holdFileWrites();
    let reportId: string;
    let victim: InstanceProcess;
    try {
      reportId = (await a.ok<{ compileReport: { id: string } }>(COMPILE_PLAN, { o: org }, chef)).compileReport
        .id;
      await workerWaitingOnLock();
      const ran = await processedBy(`${JobName.COMPILE_REPORT}__${reportId}`);
      victim = [w1, w2].find((w) => w.workerName === ran) as InstanceProcess;
      expect(victim).toBeDefined();
      victim.signal('SIGKILL');
      expect((await victim.exited()).signal).toBe('SIGKILL');
    } finally {
      await release();
    }
    const survivor = victim === w1 ? w2 : w1;
    // The job's lock runs out, the survivor's stalled check puts it back, the survivor runs it.
    await readyReport(reportId);
    expect(await processedBy(`${JobName.COMPILE_REPORT}__${reportId}`)).toBe(survivor.workerName);
    const one = async (sql: string) => (await su.query(sql, [reportId])).rows[0].n;
    expect(await one('SELECT count(*)::int AS n FROM report WHERE id = $1 AND pdf_file_id IS NOT NULL')).toBe(
      1,
    );
    expect(
      await one(
        "SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'report.compiled'",
      ),
    ).toBe(1);
    // One PDF, one XLSX, one JSON and one checks PDF recorded for this version, whatever the killed worker had begun.
    const {
      rows: [{ version }],
    } = await su.query('SELECT version FROM report WHERE id = $1', [reportId]);
    const { rows: files } = await su.query(
      `SELECT original_name AS name FROM stored_file WHERE organisation_id = $1 AND original_name LIKE $2 ORDER BY 1`,
      [org, `%-flerinstans-2026-v${version}.%`],
    );
    expect(files.map((f: { name: string }) => f.name.replace(/^.*-v\d+\./, ''))).toEqual([
      'json',
      'kontroller.pdf',
      'pdf',
      'xlsx',
    ]);
    const { rows: orphans } = await su.query(
      "SELECT count(*)::int AS n FROM file_blob_chunk WHERE blob_key LIKE 'tmp-%'",
    );
    expect(orphans[0].n).toBe(0);
  }, 240_000);

  it('SIGTERM drains a worker: the job it is running finishes, then the process ends', async () => {
    const worker = [w1, w2].find((w) => w.running) as InstanceProcess;
    const release = await holdFileWrites();
    let reportId: string;
    try {
      reportId = (await b.ok<{ compileReport: { id: string } }>(COMPILE_PLAN, { o: org }, chef)).compileReport
        .id;
      await workerWaitingOnLock();
      worker.signal('SIGTERM');
    } finally {
      await release();
    }
    const ended = await worker.exited();
    expect(ended.code === 0 || ended.signal === 'SIGTERM').toBe(true);
    // No worker runs any more: the report is READY because the draining worker finished it.
    expect(await reportStatus(reportId)).toBe('READY');
    expect(await processedBy(`${JobName.COMPILE_REPORT}__${reportId}`)).toBe(worker.workerName);
  });

  it('SIGTERM drains an API: the request in flight is answered, then it accepts no more; the other serves on', async () => {
    const kansli = await b.login('kansli@flerinstans.example');
    const release = await holdFileWrites();
    let answered: Promise<{ status: number }>;
    try {
      answered = upload(b, kansli, Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(5000)]), 'sen.pdf', {
        organisationId: org,
      }).then((r) => ({ status: r.status }));
      await until('the upload waiting on the held lock', async () => {
        const { rows } = await su.query(
          "SELECT 1 FROM pg_stat_activity WHERE application_name <> 'samordning-worker' AND wait_event_type = 'Lock' AND query LIKE '%file_blob_chunk%'",
        );
        return rows.length ? true : undefined;
      });
      apiB.signal('SIGTERM');
    } finally {
      await release();
    }
    expect((await answered).status).toBe(201);
    const ended = await apiB.exited();
    expect(ended.code === 0 || ended.signal === 'SIGTERM').toBe(true);
    await expect(fetch(`${b.url}/health/live`)).rejects.toThrow();
    const me = await a.gql<{ login: { token: string } }>(
      'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }',
      { e: ADMIN.email, p: ADMIN.password },
    );
    expect(me.data?.login.token).toBeTruthy();
  });
});
