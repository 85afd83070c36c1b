import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import {
  placeUploadedPages,
  prepareAttachment,
  PreparedAttachment,
  buildPlanReport,
  buildReport,
  renderPdf,
  ReportModel,
  renderXlsx,
  ReportKind,
} from '@app/reporting';
import { appendAudit, FileStorage } from '@app/infra';
import { gatherReportInput, ReportDataMissing } from './gather-report-input';
import { gatherPlanInput } from './gather-plan-input';
import { markReportFailed, markReportReady, markReportRunning } from './report.store';

const FILE_PREFIX = {
  ARSREDOVISNING: 'arsredovisning',
  DELARSRAPPORT: 'delarsrapport',
  VERKSAMHETSPLAN: 'verksamhetsplan',
} as const;

export type ProgressFn = (progress: number, stage: string) => Promise<void>;

/**
 * Compiles one report version: gather, model, PDF, XLSX, JSON, then one UPDATE that makes it READY together
 * with its audit entry. Safe to run again after a crash: files are content-addressed and the final UPDATE only
 * applies to a report not yet READY, so a retried job still yields exactly one version.
 */
export async function compileReport(
  ds: DataSource,
  storage: FileStorage,
  reportId: string,
  onProgress?: ProgressFn,
): Promise<'READY' | 'ALREADY_READY' | 'FAILED'> {
  const [r] = await ds.query(
    'SELECT id, organisation_id, kind, year, version, status, requested_by FROM report WHERE id = $1',
    [reportId],
  );
  if (!r) throw new Error(`report ${reportId} not found`);
  if (r.status === 'READY') return 'ALREADY_READY';
  const progress = async (p: number, stage: string) => {
    await markReportRunning(ds.manager, reportId, p, stage);
    await onProgress?.(p, stage);
  };
  await ds.query(`UPDATE report SET attempts = attempts + 1 WHERE id = $1`, [reportId]);
  await progress(5, 'Hämtar huvudbok, budget och uppföljningar');
  let model: ReportModel;
  let organisation: { slug: string; name: string };
  try {
    if (r.kind === 'VERKSAMHETSPLAN') {
      const planInput = await gatherPlanInput(ds.manager, r.organisation_id, r.year);
      await progress(25, 'Beräknar budget och kontroller');
      model = buildPlanReport(planInput);
      organisation = planInput.organisation;
    } else {
      const input = await gatherReportInput(ds.manager, r.organisation_id, r.kind as ReportKind, r.year);
      await progress(25, 'Beräknar räkningar, noter och kontroller');
      model = buildReport(input);
      organisation = input.organisation;
    }
  } catch (e) {
    if (e instanceof ReportDataMissing) {
      await markReportFailed(ds.manager, reportId, e.message, 'Underlag saknas');
      return 'FAILED';
    }
    throw e;
  }
  // Uploaded bilagor of the approved follow-ups, read from storage, PDFs normalised to PDF/A by Ghostscript where
  // it is installed, and measured first so the renderer can reserve their pages and number them.
  const attachments: PreparedAttachment[] = [];
  for (const b of model.bilagor) {
    for (const a of b.attachments) {
      const bytes = await readAll(storage.open(a.sha256));
      const file = {
        title: `${b.title.replace(/^Bilaga \d+: /, '')}: ${a.name ?? 'bilaga'}`,
        name: a.name ?? 'bilaga',
        contentType: a.contentType,
        bytes,
      };
      const prepared = await prepareAttachment(file).catch(() => null);
      if (prepared) attachments.push(prepared);
    }
  }
  await progress(40, 'Skapar PDF');
  let last = 40;
  let reported: Promise<void> = Promise.resolve();
  const rendered = await renderPdf(model, {
    uploads: attachments,
    onProgress: (f) => {
      const p = 40 + Math.floor(f * 40);
      if (p >= last + 10) {
        last = p;
        reported = reported.then(() => progress(p, 'Skapar PDF'));
      }
    },
  });
  await reported;
  const pdf = await placeUploadedPages(rendered, attachments);
  await progress(85, 'Skapar Excel-fil');
  const xlsx = await renderXlsx(model);
  const json = Buffer.from(JSON.stringify(model, null, 2));
  await progress(92, 'Sparar filerna');
  const base = `${FILE_PREFIX[r.kind as keyof typeof FILE_PREFIX]}-${organisation.slug}-${r.year}-v${r.version}`;
  const store = async (buf: Buffer, contentType: string, ext: string) => {
    const put = await storage.put(Readable.from([buf]));
    const [f] = await ds.query(
      `INSERT INTO stored_file (organisation_id, sha256, size, content_type, original_name, purpose) VALUES ($1,$2,$3,$4,$5,'report') RETURNING id`,
      [r.organisation_id, put.sha256, put.size, contentType, `${base}.${ext}`],
    );
    return { id: f.id as string, sha256: put.sha256 };
  };
  const pdfFile = await store(pdf, 'application/pdf', 'pdf');
  const xlsxFile = await store(
    xlsx,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'xlsx',
  );
  const jsonFile = await store(json, 'application/json', 'json');
  const passed = model.checks.every((c) => c.status === 'PASS');
  return ds.transaction(async (em) => {
    const done = await markReportReady(em, reportId, {
      model: JSON.stringify(model),
      checks: JSON.stringify(model.checks),
      passed,
      pdfFileId: pdfFile.id,
      xlsxFileId: xlsxFile.id,
      jsonFileId: jsonFile.id,
    });
    if (!done) return 'ALREADY_READY' as const;
    await appendAudit(em, {
      organisationId: r.organisation_id,
      actorId: r.requested_by,
      action: 'report.compiled',
      entityType: 'report',
      entityId: reportId,
      fromState: 'RUNNING',
      toState: 'READY',
      payload: {
        kind: r.kind,
        year: r.year,
        version: r.version,
        checksPassed: passed,
        failingChecks: model.checks.filter((c) => c.status === 'FAIL').map((c) => c.id),
        xlsxSha256: xlsxFile.sha256,
      },
      documentHash: pdfFile.sha256,
    });
    return 'READY' as const;
  });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(parts);
}
