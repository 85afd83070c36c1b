import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  prepareAttachment,
  PreparedAttachment,
  buildPlanReport,
  buildReport,
  ReportLogo,
  ReportModel,
} from '@app/reporting';
import { LOGO_MAX_BYTES, logoProblem, reportFileBase } from '@app/domain';
import { appendAudit, FileStorage } from '@app/infra';
import { gatherReportInput, ReportDataMissing } from './gather-report-input';
import { gatherPlanInput } from './gather-plan-input';
import { BILAGA_LIMITS, BilagaRefused, checkBilaga } from './bilaga-check';
import { failReport } from './fail-report';
import { organisationLogo } from './report-input.store';
import { ReportRenderer, sharedRenderPool } from './render-pool';
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
  /** Where PDF and XLSX are rendered: the worker's pool; without one, the process' shared pool. */
  renderer?: ReportRenderer;
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
  // PDF and XLSX in a rendering thread (the pool's), so this thread's event loop stays free to renew the job's
  // lock and answer health checks however large the report is; the model and bilagor travel as plain data.
  await progress(40, 'Skapar PDF');
  let last = 40;
  let reported: Promise<void> = Promise.resolve();
  const renderer = options.renderer ?? sharedRenderPool();
  const logo = await readLogo(ds, storage, r.organisation_id);
  const { pdf, xlsx, checks, threadId } = await renderer.render(
    model,
    attachments,
    (stage, f) => {
      const p = stage === 'xlsx' ? 85 : 40 + Math.floor(f * 40);
      if (p < last + 10 && stage === 'pdf') return;
      last = p;
      reported = reported.then(() => progress(p, stage === 'xlsx' ? 'Skapar Excel-fil' : 'Skapar PDF'));
      // Awaited below, after the thread answered; a past-the-deadline stage must not crash the process meanwhile.
      reported.catch(() => undefined);
    },
    logo,
  );
  await reported;
  log.debug({ reportId, renderThread: threadId }, 'report rendered');
  const json = Buffer.from(JSON.stringify(model, null, 2));
  await progress(92, 'Sparar filerna');
  const base = reportFileBase(r.kind, organisation.slug, r.year, r.version);
  // The contents first (content-addressed; contents no record names are never served), then the file records
  // and READY in one transaction, so a worker that dies anywhere in between leaves no half-recorded version.
  const [pdfPut, xlsxPut, jsonPut, checksPut] = [
    await storage.put(Readable.from([pdf])),
    await storage.put(Readable.from([xlsx])),
    await storage.put(Readable.from([json])),
    // the checks: a working document for the förbundschef and the revisorer, beside (not in) the published PDF
    await storage.put(Readable.from([checks])),
  ];
  const passed = model.checks.every((c) => c.status === 'PASS');
  const outcome = await ds
    .transaction(async (em) => {
      const record = (put: { sha256: string; size: number }, contentType: string, ext: string) =>
        insertReportFile(em, {
          organisationId: r.organisation_id,
          sha256: put.sha256,
          size: put.size,
          contentType,
          name: `${base}.${ext}`,
        });
      const done = await markReportReady(em, reportId, {
        model: JSON.stringify(model),
        checks: JSON.stringify(model.checks),
        passed,
        pdfFileId: await record(pdfPut, 'application/pdf', 'pdf'),
        xlsxFileId: await record(
          xlsxPut,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'xlsx',
        ),
        jsonFileId: await record(jsonPut, 'application/json', 'json'),
        structureVersion: model.structureVersion ?? null,
        checksFileId: await record(checksPut, 'application/pdf', 'kontroller.pdf'),
      });
      // Another attempt got there first: its files stand, this attempt's records are rolled back.
      if (!done) throw new AlreadyReady();
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
          structureVersion: model.structureVersion ?? null,
          failingChecks: model.checks.filter((c) => c.status === 'FAIL').map((c) => c.id),
          xlsxSha256: xlsxPut.sha256,
        },
        documentHash: pdfPut.sha256,
      });
      return 'READY' as const;
    })
    .catch((e: unknown) => {
      if (e instanceof AlreadyReady) return 'ALREADY_READY' as const;
      throw e;
    });
  return outcome;
}

/** Rolls back the final transaction of an attempt that found its report READY already. */
class AlreadyReady extends Error {}

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

/**
 * The förbund's logo for the cover (issue 18.4), read from storage and checked again as at upload; a logo that
 * cannot be read or no longer passes is left out with a warning rather than failing the report.
 */
async function readLogo(
  ds: DataSource,
  storage: FileStorage,
  organisationId: string,
): Promise<ReportLogo | null> {
  const stored = await organisationLogo(ds.manager, organisationId);
  if (!stored) return null;
  try {
    const bytes = await readAtMost(storage.open(stored.sha256), LOGO_MAX_BYTES + 1);
    const problem = logoProblem(bytes);
    if (problem) {
      log.warn({ organisationId, problem: problem.problem }, 'logo left out of the report');
      return null;
    }
    return { bytes, contentType: stored.contentType };
  } catch (e) {
    log.warn({ organisationId, err: String(e) }, 'logo could not be read; left out of the report');
    return null;
  }
}
