import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { PDFDocument } from 'pdf-lib';
import { AppConfig } from '../../libs/infra/src';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import { CompileReportHandler } from '../../apps/worker/src/reports/compile-report.handler';
import { FIXTURES, importBundle, orgId, tenantBundle, TestApi, upload } from '../helpers/api';
import { startWorker } from '../helpers/worker';

const FIELDS = 'id status stage error pdfFileId';
interface Report {
  id: string;
  status: string;
  stage: string;
  error: string | null;
  pdfFileId: string | null;
}

/** A small PDF with 600 (empty) pages: cheap to upload, too many to append to a report. */
async function manyPages(): Promise<Buffer> {
  const d = await PDFDocument.create();
  for (let i = 0; i < 600; i++) d.addPage([100, 100]);
  return Buffer.from(await d.save());
}

/** A PDF whose page tree contains itself: walking it never ends (a stack overflow in pdf-lib). */
function cyclicPageTree(): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>',
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body +=
    `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body);
}

describe('reports: a hostile bilaga fails its own report, never the worker for every förbund', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let hostile: string;
  let samspelet: string;
  const out = mkdtempSync(join(tmpdir(), 'report-limits-'));

  /** Seeds a förbund (ledger, approved follow-ups) whose Stegen follow-up carries the uploaded file as bilaga. */
  async function seedWithBilaga(slug: string, file: Buffer, name: string): Promise<string> {
    const bundle = tenantBundle(slug, `Samordningsförbundet ${slug}`);
    await importBundle(api, bundle);
    const o = await orgId(api, slug);
    const owner = await api.login(`projektagare.stegen@${slug}.example`);
    const up = await upload(api, owner, file, name, { organisationId: o });
    expect(up.status).toBe(201);
    const dir = join(out, slug);
    mkdirSync(join(dir, 'submissions'), { recursive: true });
    cpSync(join(FIXTURES, 'sie'), join(dir, 'sie'), { recursive: true });
    writeFileSync(join(dir, 'organisation.json'), JSON.stringify(bundle));
    const stegen = JSON.parse(readFileSync(join(FIXTURES, 'submissions', 'stegen-helar-2025.json'), 'utf8'));
    stegen.answers.bilagor = [up.body.id];
    writeFileSync(join(dir, 'submissions', 'stegen-helar-2025.json'), JSON.stringify(stegen));
    await api.app.get(DemoSeedService).seed(dir);
    return o;
  }

  async function queue(o: string, token: string): Promise<string> {
    const q = await api.ok<{ compileReport: { id: string } }>(
      'mutation($o: ID!){ compileReport(organisationId: $o, kind: ARSREDOVISNING, year: 2025){ id } }',
      { o },
      token,
    );
    return q.compileReport.id;
  }

  async function finished(id: string, token: string): Promise<Report> {
    for (;;) {
      const r = await api.ok<{ report: Report }>(
        `query($id: ID!){ report(id: $id){ ${FIELDS} } }`,
        { id },
        token,
      );
      if (r.report.status === 'READY' || r.report.status === 'FAILED') return r.report;
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    await api.app.get(DemoSeedService).seed(FIXTURES);
    samspelet = await orgId(api, 'samspelet');
    hostile = await seedWithBilaga('fientlig', await manyPages(), 'sexhundra-sidor.pdf');
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('refuses a 600-page bilaga with a Swedish reason on the report, while another förbund’s report compiles', async () => {
    const hostileChef = await api.login('forbundschef@fientlig.example');
    const chef = await api.login('forbundschef@samspelet.example');
    // The hostile report is queued first; the other förbund's, behind it in the same queue, still completes.
    const bad = await queue(hostile, hostileChef);
    const good = await queue(samspelet, chef);
    const refused = await finished(bad, hostileChef);
    expect(refused.status).toBe('FAILED');
    expect(refused.error).toBe(
      'Bilagan ”sexhundra-sidor.pdf” har för många sidor (600; högst 300); ta bort eller byt ut den och sammanställ igen.',
    );
    expect(refused.stage).toBe('Bilaga kan inte bifogas');
    expect(refused.pdfFileId).toBeNull();
    const ok = await finished(good, chef);
    expect(ok.status).toBe('READY');
    expect(ok.pdfFileId).toBeTruthy();
    const [audit] = await api.ds.query(
      "SELECT payload->>'reason' AS reason, to_state FROM audit_entry WHERE entity_id = $1 AND action = 'report.failed'",
      [bad],
    );
    expect(audit).toEqual({ reason: refused.error, to_state: 'FAILED' });
  });

  it('refuses a bilaga whose page tree loops, instead of crashing the compilation', async () => {
    const owner = await api.login('projektagare.stegen@fientlig.example');
    const up = await upload(api, owner, cyclicPageTree(), 'slinga.pdf', { organisationId: hostile });
    expect(up.status).toBe(201);
    await api.ds.query(
      `UPDATE submission s SET answers = jsonb_set(s.answers, '{bilagor}', jsonb_build_array($2::text))
         FROM insats i WHERE i.id = s.insats_id AND s.organisation_id = $1 AND i.key = 'stegen' AND s.period = 'HELAR-2025'`,
      [hostile, up.body.id],
    );
    const chef = await api.login('forbundschef@fientlig.example');
    const r = await finished(await queue(hostile, chef), chef);
    expect(r.status).toBe('FAILED');
    expect(r.error).toContain('Bilagan ”slinga.pdf” kunde inte läsas');
  });

  it('fails a report whose ledger is missing with a reason and an audit entry', async () => {
    await importBundle(api, tenantBundle('utanbok', 'Samordningsförbundet Utan bok'));
    const o = await orgId(api, 'utanbok');
    const chef = await api.login('forbundschef@utanbok.example');
    const r = await finished(await queue(o, chef), chef);
    expect(r).toMatchObject({
      status: 'FAILED',
      stage: 'Underlag saknas',
      error: 'Huvudboken för 2025 är inte inläst; läs in SIE-filen först.',
    });
    const [{ n }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'report.failed'",
      [r.id],
    );
    expect(n).toBe(1);
  });

  it('marks the report FAILED with a reason when its job fails for good (attempts exhausted)', async () => {
    const [{ id }] = await api.ds.query(
      `INSERT INTO report (organisation_id, kind, year, version, status) VALUES ($1, 'ARSREDOVISNING', 2025, 90, 'QUEUED') RETURNING id`,
      [hostile],
    );
    // A storage that has lost the bilaga's bytes: every attempt fails the same way.
    const handler = new CompileReportHandler(api.ds, {
      FILE_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'empty-storage-')),
    } as AppConfig);
    const job = (attemptsMade: number) =>
      ({ attemptsMade, opts: { attempts: 8 }, updateProgress: async () => undefined }) as unknown as Job;
    const status = async () =>
      (await api.ds.query('SELECT status, error FROM report WHERE id = $1', [id]))[0] as {
        status: string;
        error: string | null;
      };

    await expect(handler.handle({ reportId: id, organisationId: hostile }, job(0))).rejects.toThrow();
    expect((await status()).status).toBe('RUNNING');
    await expect(handler.handle({ reportId: id, organisationId: hostile }, job(7))).rejects.toThrow();
    expect(await status()).toEqual({
      status: 'FAILED',
      error: 'Sammanställningen misslyckades; försök igen eller kontakta supporten.',
    });
    const [{ n }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'report.failed'",
      [id],
    );
    expect(n).toBe(1);
  });

  it('ends a compilation that runs past its job’s time limit FAILED at once, with a reason, without retries', async () => {
    const [{ id }] = await api.ds.query(
      `INSERT INTO report (organisation_id, kind, year, version, status) VALUES ($1, 'ARSREDOVISNING', 2025, 91, 'QUEUED') RETURNING id`,
      [samspelet],
    );
    const handler = new CompileReportHandler(api.ds, {
      FILE_STORAGE_DIR: process.env.FILE_STORAGE_DIR,
    } as AppConfig);
    handler.timeLimitMs = -1;
    const job = {
      attemptsMade: 0,
      opts: { attempts: 8 },
      updateProgress: async () => undefined,
    } as unknown as Job;
    await expect(handler.handle({ reportId: id, organisationId: samspelet }, job)).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    const [r] = await api.ds.query('SELECT status, error FROM report WHERE id = $1', [id]);
    expect(r.status).toBe('FAILED');
    expect(r.error).toContain('Sammanställningen tog för lång tid');
  });
});
