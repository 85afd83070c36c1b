import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  placeUploadedPages,
  prepareAttachment,
  PreparedAttachment,
  buildPlanReport,
  buildReport,
  renderChecksPdf,
  renderPdf,
  ReportModel,
  renderXlsx,
} from '@app/reporting';
import { reportFileBase } from '@app/domain';
import { appendAudit, FileStorage } from '@app/infra';
import { gatherReportInput, ReportDataMissing } from './gather-report-input';
import { gatherPlanInput } from './gather-plan-input';
import { BILAGA_LIMITS, BilagaRefused, checkBilaga } from './bilaga-check';
import { failReport } from './fail-report';
import {
  countReportAttempt,
  insertReportFile,
  loadReport,
  markReportReady,
  markReportRunning,
} from './report.store';

const log = new Logger('CompileReport');

export type ProgressFn = (progress: number, stage: string) => Promise<void>;

/** A compilation that ran past its job's time limit; it stops at the next stage and is not retried. */
export class ReportTimedOut extends Error {}

export interface CompileOptions {
  /** Epoch milliseconds after which the compilation stops at its next stage (the job's time limit). */
  deadline?: number;
}

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
  options: CompileOptions = {},
): Promise<'READY' | 'ALREADY_READY' | 'FAILED'> {
  const r = await loadReport(ds.manager, reportId);
  if (!r) throw new Error(`report ${reportId} not found`);
  if (r.status === 'READY') return 'ALREADY_READY';
  const inTime = (stage: string) => {
    if (options.deadline !== undefined && Date.now() > options.deadline)
      throw new ReportTimedOut(`report ${reportId} ran past its time limit at "${stage}"`);
  };
  const progress = async (p: number, stage: string) => {
    inTime(stage);
    await markReportRunning(ds.manager, reportId, p, stage);
    await onProgress?.(p, stage);
  };
  await countReportAttempt(ds.manager, reportId);
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
      const input = await gatherReportInput(ds.manager, r.organisation_id, r.kind, r.year);
      await progress(25, 'Beräknar räkningar, noter och kontroller');
      model = buildReport(input);
      organisation = input.organisation;
    }
  } catch (e) {
    if (e instanceof ReportDataMissing) {
      await failReport(ds, reportId, e.message, 'Underlag saknas');
      return 'FAILED';
    }
    throw e;
  }
  // Uploaded bilagor of the approved follow-ups, read from storage and checked within limits (size, pages, parse
  // time in a thread of their own) and counted first so the numbering is known. A file that cannot be appended
  // fails this report with a reason naming it; it never stalls the queue every förbund's reports share. A PDF
  // that passed is normalised to PDF/A by Ghostscript where it is installed, and measured so the renderer can
  // reserve its pages and number them.
  const attachments: PreparedAttachment[] = [];
  let totalPages = 0;
  try {
    for (const b of model.bilagor) {
      for (const a of b.attachments) {
        const name = a.name ?? 'bilaga';
        const bytes = await readAtMost(storage.open(a.sha256), BILAGA_LIMITS.maxBytes + 1);
        inTime('bilagor');
        const pages = await checkBilaga({ name, contentType: a.contentType, bytes });
        totalPages += pages;
        if (totalPages > BILAGA_LIMITS.maxTotalPages)
          throw new BilagaRefused(
            `Bilagorna har tillsammans för många sidor (högst ${BILAGA_LIMITS.maxTotalPages}); ta bort någon av dem och sammanställ igen.`,
            `bilagor of more than ${BILAGA_LIMITS.maxTotalPages} pages together`,
          );
        if (pages === 0) continue;
        const title = `${b.title.replace(/^Bilaga \d+: /, '')}: ${name}`;
        const prepared = await prepareAttachment({ title, name, contentType: a.contentType, bytes }).catch(
          () => null,
        );
        inTime('bilagor');
        if (prepared) attachments.push(prepared);
      }
    }
  } catch (e) {
    if (!(e instanceof BilagaRefused)) throw e;
    log.warn({ reportId, err: e.detail }, 'report refused: a bilaga is over its limits or unreadable');
    await failReport(ds, reportId, e.reason, 'Bilaga kan inte bifogas');
    return 'FAILED';
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
  const base = reportFileBase(r.kind, organisation.slug, r.year, r.version);
  const store = async (buf: Buffer, contentType: string, ext: string) => {
    const put = await storage.put(Readable.from([buf]));
    const id = await insertReportFile(ds.manager, {
      organisationId: r.organisation_id,
      sha256: put.sha256,
      size: put.size,
      contentType,
      name: `${base}.${ext}`,
    });
    return { id, sha256: put.sha256 };
  };
  const pdfFile = await store(pdf, 'application/pdf', 'pdf');
  const xlsxFile = await store(
    xlsx,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'xlsx',
  );
  const jsonFile = await store(json, 'application/json', 'json');
  // The checks: a working document for the förbundschef and the revisorer, beside (not in) the published PDF.
  const checksFile = await store(await renderChecksPdf(model), 'application/pdf', 'kontroller.pdf');
  const passed = model.checks.every((c) => c.status === 'PASS');
  return ds.transaction(async (em) => {
    const done = await markReportReady(em, reportId, {
      model: JSON.stringify(model),
      checks: JSON.stringify(model.checks),
      passed,
      pdfFileId: pdfFile.id,
      xlsxFileId: xlsxFile.id,
      jsonFileId: jsonFile.id,
      checksFileId: checksFile.id,
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

/** Reads a stored file, but never more than `max` bytes of it (a larger file is cut there and refused after). */
async function readAtMost(stream: NodeJS.ReadableStream, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const chunk = Buffer.isBuffer(c) ? c : Buffer.from(c as string);
    parts.push(chunk);
    size += chunk.length;
    if (size >= max) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      break;
    }
  }
  return Buffer.concat(parts).subarray(0, max);
}
