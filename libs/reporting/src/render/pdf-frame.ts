import { artifact, COLOR, Doc, group, heading, linkOptions, MARGIN, Struct } from './pdf-style';

export interface TocEntry {
  title: string;
  /** 1-based page number. */
  page: number;
  level: number;
  /** Named destination the entry links to. */
  dest: string;
}

/**
 * Fills the reserved contents page inside its reserved Sect: the heading, then a TOC element whose TOCI
 * entries are links to named destinations.
 */
export function fillToc(doc: Doc, tocPage: number, sect: Struct, entries: TocEntry[]): void {
  doc.switchToPage(tocPage);
  doc.y = doc.page.margins.top;
  heading(doc, sect, 'Innehåll');
  const el = group(doc, sect, 'TOC');
  for (const e of entries) {
    const y = doc.y;
    const indent = e.level * 14;
    const item = group(doc, el, 'TOCI');
    const link = group(doc, item, 'Link');
    const content = doc.markStructureContent('Link');
    doc
      .font(e.level ? 'regular' : 'bold')
      .fontSize(10)
      .fillColor(COLOR.text)
      .text(e.title, MARGIN + indent, y, { width: doc.page.width - 2 * MARGIN - 60 - indent });
    doc.text(String(e.page), doc.page.width - MARGIN - 40, y, { width: 40, align: 'right' });
    doc.endMarkedContent();
    link.add(content);
    const bottom = Math.max(doc.y, y + 14);
    doc.goTo(
      MARGIN,
      y,
      doc.page.width - 2 * MARGIN,
      bottom - y,
      e.dest,
      linkOptions(link, `${e.title}, sida ${e.page}`),
    );
    link.end();
    item.end();
    doc.y = bottom + 2;
  }
  el.end();
  sect.end();
}

/** Running header and "Sida N av M" on every page but the cover, as pagination artifacts. */
export function runningHeaders(doc: Doc, header: string, total: number, suffixes: Map<number, string>): void {
  const range = doc.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(doc, 'Pagination', () => {
      doc.font('regular').fontSize(8).fillColor(COLOR.muted);
      doc.text(suffixes.has(i) ? `${header} · ${suffixes.get(i)}` : header, MARGIN, MARGIN - 20, {
        width: doc.page.width - 2 * MARGIN,
        lineBreak: false,
      });
      doc
        .moveTo(MARGIN, MARGIN - 6)
        .lineTo(doc.page.width - MARGIN, MARGIN - 6)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
      doc.text(`Sida ${i + 1} av ${total}`, MARGIN, doc.page.height - MARGIN + 10, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
    });
    doc.page.margins.bottom = bottom;
  }
}

/** A document the styrelse has not decided yet says so on every page (an artifact: the cover says it in words). */
export function draftWatermark(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    artifact(doc, 'Pagination', () => {
      doc.save();
      doc.rotate(-40, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc
        .font('bold')
        .fontSize(90)
        .fillColor(COLOR.rule)
        .opacity(0.35)
        .text('UTKAST', 0, doc.page.height / 2 - 50, {
          width: doc.page.width,
          align: 'center',
          lineBreak: false,
        });
      doc.restore();
    });
    doc.page.margins.bottom = bottom;
  }
}
