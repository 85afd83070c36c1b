import type Decimal from 'decimal.js';
import { formatAmount, formatPercent, money } from '@app/domain';
import { niceScale } from './chart-scale';
import type { ReportChart, ReportTable } from '../model/report-model';
import { COLOR, Doc, ensureSpace, MARGIN, Struct, tag } from './pdf-style';
import { table } from './pdf-table';

/**
 * Grouped bars, drawn as vectors, with an axis in the förbund's unit: one Figure with alternative text,
 * followed by the same figures as a data table so a screen reader (and a copy-paste) gets every value.
 */
const PATTERN_WORDS = ['helfärgad', 'snedstreckad', 'rutmönstrad'];

export function chart(
  doc: Doc,
  parent: Struct,
  c: ReportChart,
  unit: 'tkr' | 'kr',
  printed: readonly ReportTable[] = [],
): void {
  // Where the chart's figures already stand in a printed table, the alternative text points there instead of a
  // second copy of the same figures.
  const source = printed.find((t) => holdsChartData(t, c));
  const width = doc.page.width - 2 * MARGIN;
  const height = 190;
  ensureSpace(doc, height + 60);
  doc.moveDown(0.4);
  tag(doc, parent, 'P', () =>
    doc.font('bold').fontSize(11).fillColor(COLOR.text).text(c.title, MARGIN, doc.y),
  );
  const top = doc.y + 8;
  const where = source
    ? `Värdena står i tabellen ${source.title ? `"${source.title}" ` : ''}ovan.`
    : 'Värdena står i tabellen under diagrammet.';
  const alt = `Stapeldiagram: ${c.title}. Staplar för ${c.series.map((s, j) => `${s.name} (${PATTERN_WORDS[j % 3]})`).join(', ')} per ${c.categories.join(', ')}. ${where}`;
  tag(doc, parent, 'Figure', () => bars(doc, c, unit, top, width, height), {
    alt,
    bbox: [MARGIN, top, MARGIN + width, top + height + 30],
  });
  doc.y = top + height + 38;
  doc.x = MARGIN;
  if (source) return;
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

/** Fill patterns so that a series is told apart by more than its colour (WCAG 1.4.1). */
function pattern(doc: Doc, j: number, x: number, y: number, w: number, h: number): void {
  const kind = j % 3;
  if (kind === 0 || w < 3 || h < 3) return;
  doc.save();
  doc.rect(x, y, w, h).clip();
  doc.lineWidth(kind === 1 ? 1 : 0.8).strokeColor('#ffffff');
  for (let d = -h; d < w; d += 4) {
    doc
      .moveTo(x + d, y + h)
      .lineTo(x + d + h, y)
      .stroke();
    if (kind === 2)
      doc
        .moveTo(x + d, y)
        .lineTo(x + d + h, y + h)
        .stroke();
  }
  doc.restore();
}

function swatch(doc: Doc, j: number, x: number, y: number, w: number, h: number): void {
  doc
    .rect(x, y, w, h)
    .fillColor(COLOR.bars[j % COLOR.bars.length])
    .fill();
  pattern(doc, j, x, y, w, h);
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
  const percent = c.format === 'percent';
  const scale = niceScale(values, percent ? 100 : unit === 'tkr' ? '0.001' : 1);
  const span = scale.max.minus(scale.min);
  const yOf = (v: Decimal) => top + height - v.minus(scale.min).dividedBy(span).times(height).toNumber();
  const label = (v: Decimal, decimals = 0) => (percent ? formatPercent(v, decimals) : formatAmount(v, unit));
  // grid on round ticks, the zero line stronger than the rest
  for (const t of scale.ticks) {
    const y = yOf(t);
    doc
      .lineWidth(t.isZero() ? 1 : 0.4)
      .strokeColor(t.isZero() ? COLOR.text : COLOR.rule)
      .moveTo(left, y)
      .lineTo(left + plotW, y)
      .stroke();
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(COLOR.muted)
      .text(label(t), MARGIN, y - 4, { width: 46, align: 'right', lineBreak: false });
  }
  const groupW = plotW / Math.max(1, c.categories.length);
  const barW = Math.max(2, (groupW * 0.7) / c.series.length);
  const zeroY = yOf(money(0));
  // Values on the bars only when every one fits on its bar: a chart with labels on some bars reads as if the others
  // were missing (the data table below has them all).
  doc.font('regular').fontSize(6);
  const labelled = values.every((v) => doc.widthOfString(label(v)) <= barW - 1);
  c.categories.forEach((cat, i) => {
    c.series.forEach((s, j) => {
      const raw = s.values[i];
      if (raw === null || raw === undefined) return;
      const v = money(raw);
      const y = yOf(v);
      const x = left + i * groupW + groupW * 0.15 + j * barW;
      const h = Math.max(0.5, Math.abs(zeroY - y));
      swatch(doc, j, x, Math.min(y, zeroY), barW - 1, h);
      // the value on the bar where it fits
      const text = label(v);
      if (labelled) {
        doc.font('regular').fontSize(6);
        const ty = v.isNegative() ? Math.max(y, zeroY) + 1 : Math.min(y, zeroY) - 8;
        doc.fillColor(COLOR.text).text(text, x, ty, { width: barW - 1, align: 'center', lineBreak: false });
      }
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
    swatch(doc, j, lx, ly, 10, 8);
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLOR.text)
      .text(s.name, lx + 14, ly, { lineBreak: false });
    lx += 14 + doc.widthOfString(s.name) + 16;
  });
}

/**
 * Does a printed table already hold every value of the chart? Either each category is a row (its label the
 * category, or the category and a name: "800 Administration") with each series a column of the same name, or,
 * transposed, each series is a row and each category a column (the five-year overview). Values compare exactly.
 */
export function holdsChartData(t: ReportTable, c: ReportChart): boolean {
  const same = (a: string | null | undefined, b: string | null) =>
    b === null ? a === null || a === undefined : a !== null && a !== undefined && money(a).equals(money(b));
  const rowFor = (label: string) =>
    t.rows.find((r) => !r.heading && (r.label === label || r.label.startsWith(`${label} `)));
  const byRows = c.series.every((s) => {
    const col = t.columns.indexOf(s.name);
    return col >= 0 && c.categories.every((cat, i) => same(rowFor(cat)?.values[col], s.values[i]));
  });
  if (byRows) return true;
  return c.series.every((s) => {
    const r = rowFor(s.name);
    return (
      !!r &&
      c.categories.every((cat, i) => {
        const col = t.columns.indexOf(cat);
        return col >= 0 && same(r.values[col], s.values[i]);
      })
    );
  });
}
