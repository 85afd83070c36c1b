import { PDFArray, PDFDict, PDFDocument as PdfLib, PDFName, PDFRawStream } from 'pdf-lib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samspeletInput } from '../model/__fixtures__/samspelet';
import { buildReport } from '../model/build-report';
import { renderPdf } from './pdf-renderer';
import { testPng } from './__fixtures__/png';
import { catalogFlags, parentTreeGaps, run, structAlts, unmarkedPainting } from './__fixtures__/pdf-probe';

/** Issue 18.4: the published report carries the förbund's logo, as a figure a screen reader names, in PDF/A. */
describe('the förbund’s logo on the report’s cover', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logo-'));
  let pdf: Buffer;
  let file: string;
  const model = buildReport(samspeletInput('ar'));

  beforeAll(async () => {
    pdf = await renderPdf(model, { logo: { bytes: testPng(240, 120), contentType: 'image/png' } });
    file = join(dir, 'ar.pdf');
    writeFileSync(file, pdf);
  }, 60_000);

  it('is a Figure on the cover with the alternative text "<förbund> logotyp"', async () => {
    expect(await structAlts(pdf, 'Figure')).toContain('Samordningsförbundet Samspelet logotyp');
    const doc = await PdfLib.load(pdf, { updateMetadata: false });
    const xobjects = doc.getPage(0).node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
    const images = (xobjects?.keys() ?? [])
      .map((k) => doc.context.lookup(xobjects!.get(k)))
      .filter(
        (o): o is PDFRawStream =>
          o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'),
      );
    expect(images).toHaveLength(1);
    // the PNG's transparency is a soft mask in DeviceGray, 8 bits (PDF/A-2 allows soft masks; PDF/A-1 would not)
    const smask = doc.context.lookup(images[0].dict.get(PDFName.of('SMask')));
    expect(smask).toBeInstanceOf(PDFRawStream);
    expect((smask as PDFRawStream).dict.get(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceGray'));
    expect(images[0].dict.get(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceRGB'));
    // under the document's sRGB output intent
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBeGreaterThan(0);
  });

  it('keeps the PDF/A probes: tagged, nothing unmarked, a complete parent tree, fonts embedded, XMP identification', async () => {
    expect(run('pdfinfo', [file])).toMatch(/^Tagged:\s+yes$/m);
    expect((await catalogFlags(pdf)).marked).toBe(true);
    expect(await unmarkedPainting(pdf)).toEqual([]);
    expect(await parentTreeGaps(pdf)).toEqual([]);
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    for (const f of fonts) expect(f).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
    const xmp = run('pdfinfo', ['-meta', file]);
    expect(xmp).toMatch(/pdfaid:part>2</);
    expect(xmp).toMatch(/pdfaid:conformance>A</);
    // the cover reads the logo first, then the title
    const struct = run('pdfinfo', ['-struct-text', file]);
    expect(struct.indexOf('Figure')).toBeLessThan(struct.indexOf('"Årsredovisning 2025"'));
  });

  it('an opaque PNG works the same, without a soft mask', async () => {
    const opaque = await renderPdf(model, {
      logo: { bytes: testPng(64, 64, false), contentType: 'image/png' },
    });
    expect(await structAlts(opaque, 'Figure')).toContain('Samordningsförbundet Samspelet logotyp');
    expect(await parentTreeGaps(opaque)).toEqual([]);
  });
});
