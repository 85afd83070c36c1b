import PDFDocument from 'pdfkit';
import { join, dirname } from 'node:path';
import { keepNumbersWhole } from '@app/domain';

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** Embedded TrueType fonts (PDF/A forbids the unembedded standard 14). */
export const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
export const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');
export const MARGIN = 56;
export const COLOR = {
  text: '#1a1a1a',
  muted: '#5a5a5a',
  rule: '#9aa5b1',
  accent: '#1f4e79',
  fail: '#b00020',
  pass: '#2e7d32',
  /** Each at least 3:1 against white (WCAG 1.4.11); series are also told apart by pattern (pdf-chart). */
  bars: ['#1f4e79', '#3b78b5', '#b5441a'],
};

export type Doc = InstanceType<typeof PDFDocument>;
export type Struct = PDFKit.PDFStructureElement;

/** Options pdfkit's structure elements accept beyond what @types/pdfkit declares (table header scope). */
interface StructOptions {
  alt?: string;
  title?: string;
  scope?: 'Row' | 'Column' | 'Both';
  /** A figure's box in pdfkit coordinates (left, top, right, bottom): the Layout BBox attribute. */
  bbox?: [number, number, number, number];
}

/**
 * A leaf structure element whose content `draw` paints, attached to `parent` so it sits in reading order.
 * Everything painted in the document goes through here or through `artifact`: PDF/UA allows nothing else.
 */
export function tag(
  doc: Doc,
  parent: Struct,
  type: string,
  draw: () => void,
  opts: StructOptions = {},
): Struct {
  const el = doc.struct(type, opts as PDFKit.Mixins.StructureElementOptions, [draw]);
  parent.add(el);
  return el;
}

/** A grouping element (Sect, Table, TR, L, LI, TOC…): the caller adds children and ends it. */
export function group(doc: Doc, parent: Struct, type: string, opts: StructOptions = {}): Struct {
  const el = doc.struct(type, opts as PDFKit.Mixins.StructureElementOptions);
  parent.add(el);
  return el;
}

/** Decoration (rules, running headers, page numbers, watermark): marked as an artifact, outside the tree. */
export function artifact(doc: Doc, type: 'Pagination' | 'Layout', draw: () => void): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

export function rule(doc: Doc, x1: number, x2: number, y: number, color = COLOR.rule): void {
  artifact(doc, 'Layout', () => {
    doc.moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor(color).stroke();
  });
}

/** A heading (H1 for sections and bilagor, H2 below them), tagged and with its own bookmark. */
export function heading(doc: Doc, parent: Struct, text: string, level: 1 | 2 | 3 = 1): void {
  if (level === 3) {
    doc.moveDown(0.3);
    tag(doc, parent, 'H3', () =>
      doc.font('bold').fontSize(10).fillColor(COLOR.text).text(text, MARGIN, doc.y),
    );
  } else if (level === 1) {
    tag(doc, parent, 'H1', () =>
      doc.font('bold').fontSize(17).fillColor(COLOR.accent).text(text, MARGIN, doc.y),
    );
    doc.moveDown(0.5);
  } else {
    doc.moveDown(0.4);
    tag(doc, parent, 'H2', () =>
      doc.font('bold').fontSize(11).fillColor(COLOR.accent).text(text, MARGIN, doc.y),
    );
  }
}

export function paragraph(doc: Doc, parent: Struct, text: string): void {
  doc.font('regular').fontSize(10).fillColor(COLOR.text);
  for (const p of text.split('\n')) {
    // A blank line between paragraphs is space, not an empty paragraph in the structure tree.
    if (!p.trim()) {
      doc.moveDown(0.4);
      continue;
    }
    ensureSpace(doc, 16);
    tag(doc, parent, 'P', () =>
      doc.text(keepNumbersWhole(p), MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN, align: 'left' }),
    );
  }
  doc.moveDown(0.5);
}

/** A small muted note (unit, rounding, content hash). */
export function note(doc: Doc, parent: Struct, text: string, size = 7.5, x = MARGIN, y = doc.y): void {
  tag(doc, parent, 'P', () =>
    doc
      .font('regular')
      .fontSize(size)
      .fillColor(COLOR.muted)
      .text(keepNumbersWhole(text), x, y, { width: doc.page.width - MARGIN - x }),
  );
}

/** A new page when the next `height` points would not fit; open marked content continues on it. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.continueOnNewPage();
}

/** An outline (bookmark) entry for the current page; `parent` nests it. */
export function bookmark(doc: Doc, title: string, parent?: PDFKit.PDFOutline): PDFKit.PDFOutline {
  return (parent ?? doc.outline).addItem(title);
}

/** Link annotation options pdfkit understands but @types/pdfkit does not declare. */
export function linkOptions(parent: Struct, contents: string): PDFKit.Mixins.AnnotationOption {
  return {
    structParent: parent,
    Contents: new String(contents),
  } as unknown as PDFKit.Mixins.AnnotationOption;
}
