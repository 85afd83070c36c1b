import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument as PdfLib,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import PDFDocument from 'pdfkit';
import { samspeletInput } from '../model/__fixtures__/samspelet';
import { buildReport } from '../model/build-report';
import { placeUploadedPages, prepareAttachment } from './attachments';
import { renderPdf } from './pdf-renderer';

// Reads the PDF as poppler does (pdfinfo, pdftotext): archival and accessibility properties, not pixels.
const dir = mkdtempSync(join(tmpdir(), 'pdfa-'));
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

/** Every structure element of one type with its /Alt, walked from the StructTreeRoot with pdf-lib. */
async function structAlts(bytes: Buffer, type: string): Promise<Array<string | null>> {
  const pdf = await PdfLib.load(bytes, { updateMetadata: false });
  const found: Array<string | null> = [];
  const visit = (node: unknown): void => {
    const obj = node instanceof PDFRef ? pdf.context.lookup(node) : node;
    if (obj instanceof PDFArray) return obj.asArray().forEach(visit);
    if (!(obj instanceof PDFDict)) return;
    const s = obj.get(PDFName.of('S'));
    if (s instanceof PDFName && s.decodeText() === type) {
      const alt = obj.lookup(PDFName.of('Alt'));
      found.push(alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : null);
    }
    const k = obj.get(PDFName.of('K'));
    if (k) visit(k);
  };
  visit(pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).get(PDFName.of('K')));
  return found;
}

/** The named destinations the contents page's link annotations go to, in order. */
async function tocLinkTargets(bytes: Buffer, page: number): Promise<string[]> {
  const pdf = await PdfLib.load(bytes, { updateMetadata: false });
  const annots = pdf.getPage(page).node.Annots()?.asArray() ?? [];
  return annots.map((a) => {
    const action = pdf.context.lookup(a, PDFDict).lookup(PDFName.of('A'), PDFDict);
    return (action.lookup(PDFName.of('D')) as PDFString).decodeText();
  });
}

/** The document outline's top-level titles, with each entry's children's titles. */
async function outlineTitles(bytes: Buffer): Promise<Array<{ title: string; children: string[] }>> {
  const pdf = await PdfLib.load(bytes, { updateMetadata: false });
  const titles = (first: PDFDict | undefined): PDFDict[] => {
    const out: PDFDict[] = [];
    for (let n = first; n; n = n.lookupMaybe(PDFName.of('Next'), PDFDict)) out.push(n);
    return out;
  };
  const text = (d: PDFDict) => (d.lookup(PDFName.of('Title')) as PDFString | PDFHexString).decodeText();
  const root = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  return titles(root.lookupMaybe(PDFName.of('First'), PDFDict)).map((d) => ({
    title: text(d),
    children: titles(d.lookupMaybe(PDFName.of('First'), PDFDict)).map(text),
  }));
}

/**
 * Painting operators (text, paths, images, XObjects) found outside any marked-content sequence, per page:
 * PDF/UA requires every piece of content to be either tagged or an artifact.
 */
async function unmarkedPainting(bytes: Buffer): Promise<string[]> {
  const pdf = await PdfLib.load(bytes, { updateMetadata: false });
  const PAINT = new Set([
    'Tj',
    'TJ',
    "'",
    '"',
    'f',
    'F',
    'f*',
    'S',
    's',
    'B',
    'B*',
    'b',
    'b*',
    'Do',
    'sh',
    'BI',
  ]);
  const found: string[] = [];
  pdf.getPages().forEach((page, i) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
    const source = streams
      .map((st) => Buffer.from(decodePDFRawStream(st as PDFRawStream).decode()).toString('latin1'))
      .join('\n')
      // strings and dictionaries carry no operators
      .replace(/\((?:\\.|[^\\)])*\)/g, ' ')
      .replace(/<<[^>]*>>/g, ' ')
      .replace(/<[0-9a-fA-F\s]*>/g, ' ');
    let depth = 0;
    for (const token of source.split(/[\s[\]]+/)) {
      if (token === 'BDC' || token === 'BMC') depth++;
      else if (token === 'EMC') depth--;
      else if (depth === 0 && PAINT.has(token)) found.push(`page ${i + 1}: ${token}`);
    }
  });
  return found;
}

function uploadedPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const d = new PDFDocument();
    const parts: Buffer[] = [];
    d.on('data', (c: Buffer) => parts.push(c));
    d.on('end', () => resolve(Buffer.concat(parts)));
    d.text('Bilagans egen text: deltagarenkät 2025');
    d.addPage().text('Andra sidan av bilagan');
    d.end();
  });
}

describe('the report PDF: PDF/A-2a, tagged, navigable', () => {
  let file: string;
  let pdf: Buffer;
  let normalised = false;
  let info: string;
  let model: ReturnType<typeof buildReport>;

  beforeAll(async () => {
    model = buildReport(samspeletInput('ar'));
    const uploads = [
      await prepareAttachment({
        title: 'Stegen: enkat.pdf',
        name: 'enkat.pdf',
        contentType: 'application/pdf',
        bytes: await uploadedPdf(),
      }),
      await prepareAttachment({
        title: 'Stegen: foto.png',
        name: 'foto.png',
        contentType: 'image/png',
        bytes: PNG_1X1,
      }),
    ].filter((u) => u !== null);
    normalised = uploads[0].normalised;
    pdf = await placeUploadedPages(
      await renderPdf(model, { compiledAt: new Date('2026-02-15T10:00:00Z'), uploads }),
      uploads,
    );
    file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    info = run('pdfinfo', [file]);
  });

  it('declares itself tagged PDF 1.7 with the title shown, and PDF/A-2a and PDF/UA-1 in its XMP', () => {
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(Number(/^PDF version:\s+([\d.]+)$/m.exec(info)![1])).toBeGreaterThanOrEqual(1.7);
    expect(info).toMatch(new RegExp(`^Title:\\s+${model.title} – ${model.organisation.name}$`, 'm'));
    const meta = run('pdfinfo', ['-meta', file]);
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(meta).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(meta).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(meta).toContain(
      `<rdf:li xml:lang="x-default">${model.title} – ${model.organisation.name}</rdf:li>`,
    );
  });

  it('embeds every font it uses, also those of an uploaded PDF (normalised by Ghostscript to PDF/A-2b)', () => {
    expect(normalised).toBe(true);
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // columns: name type encoding emb sub uni object ID
    for (const f of fonts) expect(f).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
    expect(fonts.some((f) => / yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/.test(f))).toBe(true);
  });

  it('has a structure tree with headings, tables with header cells, a list, figures with alternative text', () => {
    const struct = run('pdfinfo', ['-struct', file]);
    expect(struct).toMatch(/^Document$/m);
    expect(struct).toMatch(/^\s+H1/m);
    expect(struct).toMatch(/^\s+H2/m);
    expect(struct).toMatch(/^\s+Table/m);
    expect(struct).toMatch(/^\s+TH:\s*\n\s+\/Scope \/Column/m);
    expect(struct).toMatch(/^\s+TH:\s*\n\s+\/Scope \/Row/m);
    expect(struct).toMatch(/^\s+TD/m);
    expect(struct).toMatch(/^\s+L\b/m);
    expect(struct).toMatch(/^\s+LI/m);
    expect(struct).toMatch(/^\s+TOC/m);
    expect(struct).toMatch(/^\s+TOCI/m);
    expect(struct).toMatch(/^\s+Link/m);
    expect(struct).toMatch(/^\s+Caption/m);
    expect(struct).toMatch(/^\s+Figure/m);
    expect(struct).toMatch(/^\s+Lbl/m);
    expect(struct).toMatch(/^\s+LBody/m);
    // one H1 per section, for Kontroller, the contents page and each bilaga (plus the cover's title)
    expect(struct.match(/^\s+H1\b/gm)!.length).toBe(model.sections.length + model.bilagor.length + 3);
    const text = run('pdftotext', [file, '-']);
    // every chart is also a data table
    const charts = model.sections.flatMap((s) => s.charts ?? []);
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) expect(text).toContain(`Diagrammets värden: ${c.title}`);
  });

  it('marks every piece of content as tagged or as an artifact', async () => {
    expect(await unmarkedPainting(pdf)).toEqual([]);
    // the check itself sees untagged content: a plain pdfkit document has some
    expect(await unmarkedPainting(await uploadedPdf())).not.toEqual([]);
  });

  it('gives every figure alternative text: charts say what they show, uploads their name and page', async () => {
    const alts = await structAlts(pdf, 'Figure');
    expect(alts.length).toBe(model.sections.flatMap((s) => s.charts ?? []).length + 3);
    expect(alts.every((a) => a !== null && a.length > 3)).toBe(true);
    expect(alts.filter((a) => a!.startsWith('Stapeldiagram: ')).length).toBe(alts.length - 3);
    expect(alts).toContain('foto.png');
    expect(alts.some((a) => a!.startsWith('Stegen: enkat.pdf, sida 2 av 2'))).toBe(true);
  });

  it('has a bookmark per section and bilaga, and table-of-contents links that resolve to their pages', async () => {
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    const dests = run('pdfinfo', ['-dests', file]);
    const contents = run('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-']);
    const bookmarks = await outlineTitles(pdf);
    expect(bookmarks.map((b) => b.title)).toEqual([
      ...model.sections.map((s, i) => `${i + 1} ${s.title}`),
      'Kontroller',
      ...model.bilagor.map((b) => b.title),
      'Stegen: enkat.pdf',
      'Stegen: foto.png',
    ]);
    for (const [i, s] of model.sections.entries()) {
      expect(contents).toContain(`${i + 1} ${s.title}`);
      expect(bookmarks[i].children).toEqual((s.subsections ?? []).map((sub) => sub.title));
    }
    // named destinations: one per TOC entry, each on the page the contents page names
    const named = [...dests.matchAll(/^\s*(\d+)\s+\[\s*XYZ[^\]]*\]\s+"(avsnitt-\d+)"$/gm)].map((m) => ({
      page: Number(m[1]),
      name: m[2],
    }));
    expect(named.length).toBe(model.sections.length + 1 + model.bilagor.length + 2);
    const tocLines = contents.split('\n').filter((l) => /^\s*\S.*\S\s{3,}\d+$/.test(l) && !/Sida|·/.test(l));
    const tocPages = tocLines.map((l) => Number(/(\d+)\s*$/.exec(l)![1]));
    expect(named.map((n) => n.page)).toEqual(tocPages);
    for (const n of named) expect(n.page).toBeLessThanOrEqual(pages);
    // each contents entry is a link annotation to its destination, in order
    expect(await tocLinkTargets(pdf, 1)).toEqual(named.map((n) => n.name));
    expect(pages).toBeGreaterThan(5);
  });
});
