import { execFile } from 'node:child_process';
import { PDFDocument, PDFName } from 'pdf-lib';

export interface AttachmentFile {
  title: string;
  /** The uploaded file's name: the alternative text of an image. */
  name?: string;
  contentType: string;
  bytes: Uint8Array;
}

/** An uploaded bilaga ready to be laid into the report: its pages' sizes known, a PDF normalised when possible. */
export interface PreparedAttachment extends AttachmentFile {
  kind: 'pdf' | 'image';
  /** Page sizes in points (an image: its pixel size, one page). */
  pages: Array<{ width: number; height: number }>;
  /** True when Debian's Ghostscript rewrote the PDF as PDF/A-2b before its pages were placed. */
  normalised: boolean;
}

/** The XObject name under which page `page` of uploaded PDF `upload` is drawn on its reserved page. */
export const uploadedPageName = (upload: number, page: number) => `SbU${upload}P${page}`;

/**
 * Reads an upload's pages: a PDF is first normalised by Ghostscript to PDF/A-2b (embedded fonts, RGB colour) when
 * `gs` is installed; images keep their pixel size. Other kinds, and files that cannot be read, give null.
 */
export async function prepareAttachment(file: AttachmentFile): Promise<PreparedAttachment | null> {
  if (file.contentType === 'application/pdf') {
    const normal = await ghostscriptPdfA(file.bytes);
    const bytes = normal ?? file.bytes;
    const src = await PDFDocument.load(bytes, { ignoreEncryption: true });
    // The media box as drawn (a /Rotate entry is not applied: the page appears as stored).
    const pages = src.getPages().map((p) => p.getSize());
    return pages.length ? { ...file, bytes, kind: 'pdf', pages, normalised: normal !== null } : null;
  }
  if (file.contentType === 'image/png' || file.contentType === 'image/jpeg') {
    const probe = await PDFDocument.create();
    const img =
      file.contentType === 'image/png' ? await probe.embedPng(file.bytes) : await probe.embedJpg(file.bytes);
    return { ...file, kind: 'image', pages: [{ width: img.width, height: img.height }], normalised: false };
  }
  return null;
}

/** Ghostscript's PDF/A-2b rewrite of a PDF, or null when gs is missing or fails (the original is used then). */
function ghostscriptPdfA(bytes: Uint8Array): Promise<Buffer | null> {
  const args = [
    '-q',
    '-dSAFER',
    '-dBATCH',
    '-dNOPAUSE',
    '-dPDFA=2',
    '-dPDFACompatibilityPolicy=1',
    '-sColorConversionStrategy=RGB',
    '-sDEVICE=pdfwrite',
    '-sOutputFile=-',
    '-',
  ];
  return new Promise((resolve) => {
    const child = execFile(
      'gs',
      args,
      { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
      (err, stdout) => resolve(err || !stdout.subarray(0, 5).equals(Buffer.from('%PDF-')) ? null : stdout),
    );
    child.on('error', () => resolve(null));
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(Buffer.from(bytes));
  });
}

/**
 * Puts the uploaded PDFs' pages onto the pages the renderer reserved for them (the last pages of the report,
 * in upload order). The renderer already drew the running header, the page number (embedded font) and the
 * Figure element that carries each page's alternative text; here each page's content becomes the form XObject
 * that Figure paints. The report's own objects, structure tree and XMP are left as they are.
 */
export async function placeUploadedPages(report: Uint8Array, uploads: PreparedAttachment[]): Promise<Buffer> {
  if (!uploads.some((u) => u.kind === 'pdf')) return Buffer.from(report);
  const doc = await PDFDocument.load(report, { updateMetadata: false });
  const reserved = uploads.reduce((a, u) => a + u.pages.length, 0);
  let index = doc.getPageCount() - reserved;
  for (const [u, up] of uploads.entries()) {
    if (up.kind === 'pdf') {
      const src = await PDFDocument.load(up.bytes, { ignoreEncryption: true });
      const embedded = await doc.embedPdf(src, src.getPageIndices());
      embedded.forEach((e, k) =>
        doc.getPage(index + k).node.setXObject(PDFName.of(uploadedPageName(u, k)), e.ref),
      );
    }
    index += up.pages.length;
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
