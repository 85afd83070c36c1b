import type { ReportModel } from '../model/report-model';
import { placeUploadedPages, PreparedAttachment } from './attachments';
import { renderChecksPdf } from './checks-pdf';
import { renderPdf, ReportLogo } from './pdf-renderer';
import { renderXlsx } from './xlsx-renderer';

/** The rendered files of one compiled report. */
export interface ReportFiles {
  pdf: Buffer;
  xlsx: Buffer;
  /** The checks as a working document of their own (never part of the published PDF). */
  checks: Buffer;
}

/**
 * Everything CPU-bound in a compilation, from plain data to bytes: the PDF (uploaded PDF bilagor laid onto the
 * pages reserved for them) the XLSX and the checks' working document. No I/O (pdfkit, pdf-lib and exceljs on buffers), so the worker runs it
 * in a thread of its own (apps/worker/src/reports/render-pool.ts) on a structured clone of the model.
 */
export async function renderReportFiles(
  model: ReportModel,
  uploads: PreparedAttachment[],
  onProgress?: (stage: 'pdf' | 'xlsx', fraction: number) => void,
  logo?: ReportLogo | null,
): Promise<ReportFiles> {
  const rendered = await renderPdf(model, { uploads, logo, onProgress: (f) => onProgress?.('pdf', f) });
  const pdf = await placeUploadedPages(rendered, uploads);
  onProgress?.('xlsx', 0);
  const xlsx = await renderXlsx(model);
  const checks = await renderChecksPdf(model);
  return { pdf, xlsx, checks };
}
