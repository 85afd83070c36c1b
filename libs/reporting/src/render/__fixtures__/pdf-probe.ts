import { execFileSync } from 'node:child_process';
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

// Test probes: read a PDF as poppler and pdf-lib see it (archival and accessibility properties, not pixels).

export const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Every structure element of one type with its /Alt, walked from the StructTreeRoot with pdf-lib. */
export async function structAlts(bytes: Buffer, type: string): Promise<Array<string | null>> {
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
export async function tocLinkTargets(bytes: Buffer, page: number): Promise<string[]> {
  const pdf = await PdfLib.load(bytes, { updateMetadata: false });
  const annots = pdf.getPage(page).node.Annots()?.asArray() ?? [];
  return annots.map((a) => {
    const action = pdf.context.lookup(a, PDFDict).lookup(PDFName.of('A'), PDFDict);
    return (action.lookup(PDFName.of('D')) as PDFString).decodeText();
  });
}

/** The document outline's top-level titles, with each entry's children's titles. */
export async function outlineTitles(bytes: Buffer): Promise<Array<{ title: string; children: string[] }>> {
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
export async function unmarkedPainting(bytes: Buffer): Promise<string[]> {
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

/** The catalog's /Lang, whether the viewer shows the title, and MarkInfo /Marked. */
export async function catalogFlags(
  bytes: Buffer,
): Promise<{ lang: string | null; displayTitle: boolean; marked: boolean }> {
  const pdf = await PdfLib.load(bytes, { updateMetadata: false });
  const lang = pdf.catalog.lookup(PDFName.of('Lang'));
  const prefs = pdf.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const mark = pdf.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  return {
    lang: lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : null,
    displayTitle: String(prefs?.get(PDFName.of('DisplayDocTitle'))) === 'true',
    marked: String(mark?.get(PDFName.of('Marked'))) === 'true',
  };
}

export function uploadedPdf(): Promise<Buffer> {
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

/**
 * Marked content that the structure tree does not reach, per page: every MCID in a page's content must be found
 * through the ParentTree entry of the page's /StructParents, and that element must name the MCID among its kids
 * (PDF/UA: the tree is complete). Also flags two pages sharing one ParentTree key.
 */
export async function parentTreeGaps(bytes: Buffer): Promise<string[]> {
  const pdf = await PdfLib.load(bytes, { updateMetadata: false });
  const ctx = pdf.context;
  const root = ctx.lookup(pdf.catalog.get(PDFName.of('StructTreeRoot')), PDFDict);
  const nums = new Map<number, unknown>();
  const walk = (node: PDFDict) => {
    const n = ctx.lookup(node.get(PDFName.of('Nums')));
    if (n instanceof PDFArray)
      for (let i = 0; i + 1 < n.size(); i += 2)
        nums.set(Number(n.get(i).toString()), ctx.lookup(n.get(i + 1)));
    const kids = ctx.lookup(node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (const k of kids.asArray()) walk(ctx.lookup(k, PDFDict));
  };
  walk(ctx.lookup(root.get(PDFName.of('ParentTree')), PDFDict));
  const gaps: string[] = [];
  const seen = new Set<number>();
  pdf.getPages().forEach((page, i) => {
    const contents = page.node.Contents();
    if (!contents) return;
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => ctx.lookup(r)) : [contents];
    const source = streams
      .map((st) => Buffer.from(decodePDFRawStream(st as PDFRawStream).decode()).toString('latin1'))
      .join('\n');
    const mcids = [...source.matchAll(/\/MCID\s+(\d+)/g)].map((m) => Number(m[1]));
    if (!mcids.length) return;
    const sp = page.node.get(PDFName.of('StructParents'));
    if (!sp) return void gaps.push(`page ${i + 1}: marked content but no /StructParents`);
    const key = Number(sp.toString());
    if (seen.has(key)) gaps.push(`page ${i + 1}: /StructParents ${key} used by an earlier page`);
    seen.add(key);
    const entry = nums.get(key);
    if (!(entry instanceof PDFArray)) return void gaps.push(`page ${i + 1}: no ParentTree entry ${key}`);
    for (const mcid of mcids) {
      const ref = entry.get(mcid);
      const el = ref instanceof PDFRef ? ctx.lookup(ref) : null;
      if (!(el instanceof PDFDict) || !el.get(PDFName.of('S'))) {
        gaps.push(`page ${i + 1}: MCID ${mcid} has no structure element`);
        continue;
      }
      const k = ctx.lookup(el.get(PDFName.of('K')));
      const kids = k instanceof PDFArray ? k.asArray().map((x) => ctx.lookup(x)) : [k];
      const named = kids.some((x) =>
        x instanceof PDFDict
          ? x.get(PDFName.of('MCID'))?.toString() === String(mcid)
          : x?.toString() === String(mcid),
      );
      if (!named) gaps.push(`page ${i + 1}: MCID ${mcid}'s element does not list it`);
    }
  });
  return gaps;
}
