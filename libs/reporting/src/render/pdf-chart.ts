import { formatAmount, formatPercent, money, toAmountString } from '@app/domain';
import type { ReportChart } from '../model/report-model';
import { COLOR, Doc, ensureSpace, MARGIN, Struct, tag } from './pdf-style';
import { table } from './pdf-table';

/**
 * Grouped bars, drawn as vectors, with an axis in the förbund's unit: one Figure with alternative text,
 * followed by the same figures as a data table so a screen reader (and a copy-paste) gets every value.
 */
export function chart(doc: Doc, parent: Struct, c: ReportChart, unit: 'tkr' | 'kr'): void {
  const width = doc.page.width - 2 * MARGIN;
  const height = 190;
  ensureSpace(doc, height + 60);
  doc.moveDown(0.4);
  tag(doc, parent, 'P', () =>
    doc.font('bold').fontSize(11).fillColor(COLOR.text).text(c.title, MARGIN, doc.y),
  );
  const top = doc.y + 8;
  const alt = `Stapeldiagram: ${c.title}. Staplar för ${c.series.map((s) => s.name).join(', ')} per ${c.categories.join(', ')}. Värdena står i tabellen under diagrammet.`;
  tag(doc, parent, 'Figure', () => bars(doc, c, unit, top, width, height), {
    alt,
    bbox: [MARGIN, top, MARGIN + width, top + height + 30],
  });
  doc.y = top + height + 38;
  doc.x = MARGIN;
  table(
    doc,
    parent,
    {
      id: `${c.id}-data`,
      title: `Diagrammets värden: ${c.title}`,
      columns: c.series.map((s) => s.name),
      rows: c.categories.map((cat, i) => ({
        id: `${c.id}-${i}`,
        label: cat,
        values: c.series.map((s) => s.values[i] ?? null),
        format: c.format === 'percent' ? 'share' : 'amount',
      })),
    },
    unit,
  );
}

function bars(
  doc: Doc,
  c: ReportChart,
  unit: 'tkr' | 'kr',
  top: number,
  width: number,
  height: number,
): void {
  const left = MARGIN + 50;
  const plotW = width - 50;
  const values = c.series.flatMap((s) =>
    s.values.filter((v): v is string => v !== null).map((v) => money(v)),
  );
  const max = values.reduce((a, v) => (v.greaterThan(a) ? v : a), money(0));
  const min = values.reduce((a, v) => (v.lessThan(a) ? v : a), money(0));
  const span = max.minus(min).isZero() ? money(1) : max.minus(min);
  const yOf = (v: string) => top + height - money(v).minus(min).dividedBy(span).times(height).toNumber();
  // axis and grid
  doc.lineWidth(0.5).strokeColor(COLOR.rule);
  for (let k = 0; k <= 4; k++) {
    const val = min.plus(span.times(k).dividedBy(4));
    const y = yOf(toAmountString(val));
    doc
      .moveTo(left, y)
      .lineTo(left + plotW, y)
      .stroke();
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(COLOR.muted)
      .text(c.format === 'percent' ? formatPercent(val, 0) : formatAmount(val, unit), MARGIN, y - 4, {
        width: 46,
        align: 'right',
        lineBreak: false,
      });
  }
  const groupW = plotW / Math.max(1, c.categories.length);
  const barW = Math.max(2, (groupW * 0.7) / c.series.length);
  const zeroY = yOf('0');
  c.categories.forEach((cat, i) => {
    c.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null) return;
      const y = yOf(v);
      doc
        .rect(
          left + i * groupW + groupW * 0.15 + j * barW,
          Math.min(y, zeroY),
          barW - 1,
          Math.max(0.5, Math.abs(zeroY - y)),
        )
        .fillColor(COLOR.bars[j % COLOR.bars.length])
        .fill();
    });
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(COLOR.text)
      .text(cat, left + i * groupW, top + height + 4, { width: groupW, align: 'center', lineBreak: false });
  });
  let lx = left;
  const ly = top + height + 18;
  c.series.forEach((s, j) => {
    doc
      .rect(lx, ly, 8, 8)
      .fillColor(COLOR.bars[j % COLOR.bars.length])
      .fill();
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLOR.text)
      .text(s.name, lx + 12, ly, { lineBreak: false });
    lx += 12 + doc.widthOfString(s.name) + 16;
  });
}
