import { Worker } from 'node:worker_threads';

/**
 * What one uploaded bilaga may cost the worker. The report queue runs one job at a time for every förbund,
 * so a hostile or broken file must fail its own report quickly instead of stalling everyone's.
 */
export const BILAGA_LIMITS = {
  /** The upload cap for bilagor (files.service.ts); a larger stored file is refused before it is read. */
  maxBytes: 20 * 1024 * 1024,
  /** Pages one bilaga may add to a report. */
  maxPages: 300,
  /** Pages all bilagor of one report may add together. */
  maxTotalPages: 1000,
  /** Pixels of a PNG (decoded in full when it is embedded). */
  maxPixels: 40_000_000,
  /** Wall time for parsing one bilaga, in a thread of its own that is stopped when it runs over. */
  parseMs: 20_000,
  /** Heap of that thread. */
  heapMb: 256,
} as const;

/** A bilaga the report cannot take: `reason` is Swedish for the report's reader, `detail` English for the log. */
export class BilagaRefused extends Error {
  constructor(
    readonly reason: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export interface BilagaToCheck {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Does in a separate thread exactly what appending the bilaga will do (load the PDF and copy its pages, or
 * embed the image, then save), so a file that passes here is safe to append in the worker's own thread.
 */
const CHECK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFDocument } = require(workerData.pdfLib);
(async () => {
  const { bytes, contentType, maxPages } = workerData;
  const doc = await PDFDocument.create();
  let pages = 0;
  if (contentType === 'application/pdf') {
    const src = await PDFDocument.load(bytes, { ignoreEncryption: true });
    pages = src.getPageCount();
    if (pages > maxPages) return parentPort.postMessage({ pages });
    for (const p of await doc.copyPages(src, src.getPageIndices())) doc.addPage(p);
  } else if (contentType === 'image/png' || contentType === 'image/jpeg') {
    const img = contentType === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
    doc.addPage([595.28, 841.89]).drawImage(img, { x: 0, y: 0, width: 10, height: 10 });
    pages = 1;
  }
  if (pages > 0) await doc.save();
  parentPort.postMessage({ pages });
})().catch((e) => parentPort.postMessage({ error: String((e && e.message) || e).slice(0, 300) }));
`;

/** PNG's width and height from its IHDR chunk, or null when the header is not a PNG's. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/**
 * How many pages the bilaga adds (0 for a kind that is listed but not appended, such as DOCX), or
 * BilagaRefused when it is too large, has too many pages, cannot be read or takes too long to read.
 */
export async function checkBilaga(
  file: BilagaToCheck,
  limits: typeof BILAGA_LIMITS = BILAGA_LIMITS,
): Promise<number> {
  const refuse = (why: string, detail: string) =>
    new BilagaRefused(
      `Bilagan ”${file.name}” ${why}; ta bort eller byt ut den och sammanställ igen.`,
      detail,
    );
  if (
    file.contentType !== 'application/pdf' &&
    file.contentType !== 'image/png' &&
    file.contentType !== 'image/jpeg'
  )
    return 0;
  if (file.bytes.length > limits.maxBytes)
    throw refuse(
      `är för stor (högst ${Math.round(limits.maxBytes / 1024 / 1024)} MB)`,
      `bilaga of ${file.bytes.length} bytes over the limit`,
    );
  if (file.contentType === 'image/png') {
    const size = pngSize(file.bytes);
    if (size && size.width * size.height > limits.maxPixels)
      throw refuse(
        'är en för stor bild (för många bildpunkter)',
        `png of ${size.width}x${size.height} pixels over the limit`,
      );
  }
  const result = await new Promise<{ pages?: number; error?: string; timedOut?: boolean }>((resolve) => {
    const thread = new Worker(CHECK_SOURCE, {
      eval: true,
      workerData: {
        pdfLib: require.resolve('pdf-lib'),
        bytes: file.bytes,
        contentType: file.contentType,
        maxPages: limits.maxPages,
      },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, stackSizeMb: 4 },
    });
    const timer = setTimeout(() => {
      resolve({ timedOut: true });
      void thread.terminate();
    }, limits.parseMs);
    const done = (r: { pages?: number; error?: string }) => {
      clearTimeout(timer);
      resolve(r);
      void thread.terminate();
    };
    thread.on('message', done);
    thread.on('error', (e) => done({ error: e.message }));
    thread.on('exit', () => done({ error: 'parser thread exited' }));
  });
  if (result.timedOut)
    throw refuse(
      `tog för lång tid att läsa (mer än ${Math.round(limits.parseMs / 1000)} sekunder)`,
      `bilaga parse exceeded ${limits.parseMs} ms`,
    );
  if (result.error !== undefined)
    throw refuse('kunde inte läsas (filen är skadad eller inte en giltig PDF eller bild)', result.error);
  if ((result.pages ?? 0) > limits.maxPages)
    throw refuse(
      `har för många sidor (${result.pages}; högst ${limits.maxPages})`,
      `bilaga of ${result.pages} pages over the limit`,
    );
  return result.pages ?? 0;
}
