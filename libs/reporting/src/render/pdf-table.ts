import { AMOUNT_UNIT_LABEL } from '@app/domain';
import type { ReportTable } from '../model/report-model';
import { presentValue } from './format';
import { COLOR, Doc, ensureSpace, group, MARGIN, note, rule, artifact, Struct, tag } from './pdf-style';

/**
 * A tagged table: Caption, a header row of TH (scope Column), then one TR per row with the label as TH
 * (scope Row) and the values as TD. Label column, then value columns right-aligned so the digits line up;
 * totals bold with a rule above. A header repeated after a page break is an artifact.
 */
export function table(doc: Doc, parent: Struct, t: ReportTable, unit: 'tkr' | 'kr'): void {
  const width = doc.page.width - 2 * MARGIN;
  // Text tables (the signature page) get wide, left-aligned, wrapping columns; amounts get narrow right-aligned ones.
  const textTable = t.rows.length > 0 && t.rows.every((r) => r.format === 'text');
  // A wide table (the driftredovisning's intäkt/kostnad/netto per year) gives the values more of the width and
  // sets its figures smaller, so that ten columns still fit an A4 page.
  const wide = !textTable && t.columns.length > 6;
  const share = wide ? 0.72 : t.columns.length > 4 ? 0.66 : 0.55;
  const valueWidth = textTable
    ? (width * 0.6) / Math.max(1, t.columns.length)
    : Math.min(86, (width * share) / Math.max(1, t.columns.length));
  const valueSize = wide ? 7.5 : 9;
  const labelSize = wide ? 8 : 9;
  const align = textTable ? 'left' : 'right';
  const headerSize = wide ? 7 : t.columns.length > 4 ? 7.5 : 8.5;
  // A column is at least as wide as the longest word of its heading, so that no word breaks ("Avvikelse").
  doc.font('bold').fontSize(headerSize);
  const widths = t.columns.map((c) =>
    Math.max(valueWidth, ...c.split(/\s+/).map((w) => doc.widthOfString(w) + 6)),
  );
  const xs = widths.map((_, i) => widths.slice(0, i).reduce((a, w) => a + w, 0));
  const labelWidth = width - widths.reduce((a, w) => a + w, 0);
  const colX = (i: number) => MARGIN + labelWidth + xs[i];
  const el = group(doc, parent, 'Table');
  const drawHeader = (tagged: boolean) => {
    const y = doc.y;
    doc.font('bold').fontSize(headerSize).fillColor(COLOR.muted);
    const h = Math.max(11, ...t.columns.map((c, i) => doc.heightOfString(c, { width: widths[i] - 4 })));
    const label = () =>
      t.labelHeader ? doc.text(t.labelHeader, MARGIN, y, { width: labelWidth - 8 }) : undefined;
    const cells = () =>
      t.columns.forEach((c, i) => {
        const draw = () => doc.text(c, colX(i), y, { width: widths[i] - 4, align });
        if (tagged) tag(doc, tr, 'TH', draw, { scope: 'Column' });
        else draw();
      });
    const tr = tagged ? group(doc, el, 'TR') : el;
    if (tagged) {
      tag(doc, tr, 'TH', label, { scope: 'Column' });
      cells();
      tr.end();
    } else
      artifact(doc, 'Pagination', () => {
        label();
        cells();
      });
    doc.y = y + h + 4;
    rule(doc, MARGIN, MARGIN + width, doc.y - 2);
  };
  ensureSpace(doc, 60);
  if (t.title) {
    doc.moveDown(0.4);
    tag(doc, el, 'Caption', () =>
      doc.font('bold').fontSize(11).fillColor(COLOR.text).text(t.title!, MARGIN, doc.y),
    );
  }
  doc.moveDown(0.2);
  drawHeader(true);
  for (const r of t.rows) {
    doc.font(r.total || r.heading ? 'bold' : 'regular').fontSize(labelSize);
    // A heading row has no figures: its cells are empty, not dashes.
    const texts = r.values.map((v, i) =>
      r.heading && v === null ? '' : presentValue(v, r, unit, t.signedColumns?.includes(i)),
    );
    const indent = (r.level ?? 0) * 10;
    const labelHeight = Math.max(
      doc.heightOfString(r.label, { width: labelWidth - 8 - indent }),
      ...(textTable ? texts.map((x, i) => doc.heightOfString(x, { width: widths[i] - 4 })) : []),
    );
    // A group heading keeps its first row with it on the page.
    if (doc.y + labelHeight + (r.heading ? 18 : 4) > doc.page.height - doc.page.margins.bottom) {
      doc.continueOnNewPage();
      drawHeader(false);
      doc.font(r.total || r.heading ? 'bold' : 'regular').fontSize(labelSize);
    }
    const y = doc.y;
    if (r.total) rule(doc, MARGIN, MARGIN + width, y - 1, COLOR.text);
    const tr = group(doc, el, 'TR');
    doc.fillColor(COLOR.text);
    tag(doc, tr, 'TH', () => doc.text(r.label, MARGIN + indent, y + 1, { width: labelWidth - 8 - indent }), {
      scope: 'Row',
    });
    doc.fontSize(valueSize);
    texts.forEach((text, i) => {
      tag(doc, tr, 'TD', () =>
        doc.text(text, colX(i), y + 1, {
          width: widths[i] - 4,
          align,
          lineBreak: textTable,
        }),
      );
    });
    tr.end();
    doc.y = y + Math.max(labelHeight, 11) + 3;
  }
  el.end();
  const hasAmounts = t.rows.some((r) => !r.format || r.format === 'amount');
  if (hasAmounts) note(doc, parent, `${AMOUNT_UNIT_LABEL[unit]}.`, 7.5, MARGIN, doc.y + 2);
  for (const n of t.notes ?? []) note(doc, parent, n);
  doc.moveDown(0.8);
}
