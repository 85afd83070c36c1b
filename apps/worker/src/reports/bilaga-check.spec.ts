import { PDFDocument } from 'pdf-lib';
import { BILAGA_LIMITS, BilagaRefused, checkBilaga } from './bilaga-check';

async function pdfOf(pages: number): Promise<Uint8Array> {
  const d = await PDFDocument.create();
  for (let i = 0; i < pages; i++) d.addPage([100, 100]);
  return d.save();
}

/** A PNG header (signature and IHDR) claiming the given size; the pixels are never reached. */
function pngHeader(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

const refusal = async (p: Promise<unknown>): Promise<BilagaRefused> => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BilagaRefused);
  return e as BilagaRefused;
};

describe('checkBilaga: what one uploaded bilaga may cost the worker', () => {
  it('counts the pages of a sound PDF and lets a DOCX through unparsed', async () => {
    expect(await checkBilaga({ name: 'ok.pdf', contentType: 'application/pdf', bytes: await pdfOf(3) })).toBe(
      3,
    );
    const docx = {
      name: 'x.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: new Uint8Array(10),
    };
    expect(await checkBilaga(docx)).toBe(0);
  });

  it('refuses a PDF with more pages than a report may take, naming the file in Swedish', async () => {
    const e = await refusal(
      checkBilaga({
        name: 'lang.pdf',
        contentType: 'application/pdf',
        bytes: await pdfOf(BILAGA_LIMITS.maxPages + 1),
      }),
    );
    expect(e.reason).toBe(
      `Bilagan ”lang.pdf” har för många sidor (${BILAGA_LIMITS.maxPages + 1}; högst ${BILAGA_LIMITS.maxPages}); ta bort eller byt ut den och sammanställ igen.`,
    );
    expect(e.detail).toBe(`bilaga of ${BILAGA_LIMITS.maxPages + 1} pages over the limit`);
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const e = await refusal(
      checkBilaga({
        name: 'stor.pdf',
        contentType: 'application/pdf',
        bytes: new Uint8Array(BILAGA_LIMITS.maxBytes + 1),
      }),
    );
    expect(e.reason).toContain('är för stor (högst 20 MB)');
  });

  it('refuses a PNG that would decode to too many pixels, from its header alone', async () => {
    const e = await refusal(
      checkBilaga({ name: 'bomb.png', contentType: 'image/png', bytes: pngHeader(50_000, 50_000) }),
    );
    expect(e.reason).toContain('för stor bild');
  });

  it('refuses bytes that only claim to be a PDF', async () => {
    const e = await refusal(
      checkBilaga({
        name: 'trasig.pdf',
        contentType: 'application/pdf',
        bytes: Buffer.from('%PDF-1.7\nnot really\n'),
      }),
    );
    expect(e.reason).toContain('kunde inte läsas');
  });
});
