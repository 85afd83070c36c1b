import PDFDocument from 'pdfkit';
import { join, dirname } from 'node:path';
import { formatAmount, formatPercent, money, toAmountString } from '@app/domain';
import { AMOUNT_UNIT_LABEL, checkStatusLabel } from '@app/domain';
import type { ReportChart, ReportModel, ReportTable } from '../model/report-model';
import { presentValue } from './format';

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');
const MARGIN = 56;
const COLOR = {
  text: '#1a1a1a',
  muted: '#5a5a5a',
  rule: '#9aa5b1',
  accent: '#1f4e79',
  fail: '#b00020',
  pass: '#2e7d32',
  bars: ['#1f4e79', '#8fb3d9', '#c0504d'],
};

type Doc = InstanceType<typeof PDFDocument>;

/** Renders the report model as a PDF a förbund would publish. Returns the bytes. */
export async function renderPdf(
  model: ReportModel,
  opts: {
    compiledAt?: Date;
    onProgress?: (fraction: number) => void;
    /** Pages appended afterwards (uploaded bilagor), for the table of contents and "Sida N av M". */
    extraPages?: Array<{ title: string; pages: number }>;
  } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 14, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    info: {
      Title: `${model.title} – ${model.organisation.name}`,
      Author: model.organisation.name,
      Subject: model.title,
      Creator: 'Samordningsplattformen',
    },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const unitText = AMOUNT_UNIT_LABEL[model.unit];

  // Cover
  doc.addPage();
  doc
    .fillColor(COLOR.accent)
    .font('bold')
    .fontSize(28)
    .text(model.title, MARGIN, 220, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.5).fillColor(COLOR.text).font('regular').fontSize(16).text(model.organisation.name);
  doc
    .moveDown(0.3)
    .fontSize(11)
    .fillColor(COLOR.muted)
    .text(`Period ${model.period.start} – ${model.period.end}. ${unitText}.`);
  if (model.draft)
    doc
      .moveDown(1)
      .font('bold')
      .fontSize(13)
      .fillColor(COLOR.fail)
      .text('UTKAST – ännu inte beslutat av styrelsen');
  else if (model.decidedAt)
    doc
      .moveDown(1)
      .font('regular')
      .fontSize(11)
      .fillColor(COLOR.muted)
      .text(`Beslutad av styrelsen ${model.decidedAt}.`);
  const failing = model.checks.filter((c) => c.status === 'FAIL');
  doc
    .font('regular')
    .moveDown(2)
    .fontSize(11)
    .fillColor(failing.length ? COLOR.fail : COLOR.pass)
    .text(
      failing.length
        ? `OBS: ${failing.length} av ${model.checks.length} kontroller är inte godkända; se avsnittet Kontroller.`
        : `Alla ${model.checks.length} kontroller är godkända.`,
    );
  doc
    .fillColor(COLOR.muted)
    .fontSize(9)
    .text(
      `Sammanställd ${(opts.compiledAt ?? new Date()).toISOString().slice(0, 10)} av Samordningsplattformen ${model.kind === 'VERKSAMHETSPLAN' ? 'ur förbundets verksamhetsplan och budget' : 'ur huvudboken och godkända uppföljningar'}.`,
      MARGIN,
      doc.page.height - MARGIN - 40,
    );

  // Table of contents: reserved now, filled in when the page numbers are known.
  doc.addPage();
  const tocPage = doc.bufferedPageRange().count - 1;
  const toc: Array<{ title: string; page: number; level: number }> = [];

  const total = model.sections.length + model.bilagor.length + 1;
  let step = 0;
  model.sections.forEach((section, i) => {
    doc.addPage();
    toc.push({ title: `${i + 1} ${section.title}`, page: doc.bufferedPageRange().count, level: 0 });
    heading(doc, `${i + 1} ${section.title}`);
    if (section.text) paragraph(doc, section.text);
    for (const t of section.tables) table(doc, t, model.unit);
    for (const c of section.charts ?? []) chart(doc, c, model.unit);
    for (const sub of section.subsections ?? []) {
      ensureSpace(doc, 60);
      doc.moveDown(0.6).font('bold').fontSize(11).fillColor(COLOR.accent).text(sub.title, MARGIN);
      if (sub.text) paragraph(doc, sub.text);
    }
    opts.onProgress?.(++step / total);
  });

  // Checks
  doc.addPage();
  toc.push({ title: 'Kontroller', page: doc.bufferedPageRange().count, level: 0 });
  heading(doc, 'Kontroller');
  paragraph(
    doc,
    'Varje sammanställning kontrollerar sina egna siffror. Alla jämförelser görs på exakta belopp i kronor.',
  );
  for (const c of model.checks) {
    ensureSpace(doc, 30);
    const y = doc.y;
    doc
      .font('bold')
      .fontSize(9)
      .fillColor(c.status === 'PASS' ? COLOR.pass : COLOR.fail)
      .text(checkStatusLabel(c.status), MARGIN, y, { width: 80 });
    doc
      .font('regular')
      .fillColor(COLOR.text)
      .text(c.message, MARGIN + 84, y, { width: doc.page.width - 2 * MARGIN - 84 });
    doc.moveDown(0.3);
  }
  opts.onProgress?.(++step / total);

  // Bilagor: each approved follow-up
  for (const b of model.bilagor) {
    doc.addPage();
    toc.push({ title: b.title, page: doc.bufferedPageRange().count, level: 1 });
    heading(doc, b.title);
    if (b.contentHash)
      doc
        .font('regular')
        .fontSize(8)
        .fillColor(COLOR.muted)
        .text(`Godkänt innehåll, SHA-256 ${b.contentHash}`)
        .moveDown(0.5);
    if (b.attachments.length) {
      doc
        .font('regular')
        .fontSize(9)
        .fillColor(COLOR.text)
        .text(
          `Uppladdade bilagor: ${b.attachments.map((a) => `${a.name ?? a.fileId}${a.contentType === 'application/pdf' || a.contentType.startsWith('image/') ? '' : ' (bifogas inte i PDF:en)'}`).join(', ')}.`,
          MARGIN,
          doc.y,
          { width: doc.page.width - 2 * MARGIN },
        )
        .moveDown(0.4);
    }
    for (const s of b.sections) {
      ensureSpace(doc, 50);
      doc.moveDown(0.4).font('bold').fontSize(11).fillColor(COLOR.accent).text(s.title, MARGIN);
      for (const [label, value] of s.lines) {
        ensureSpace(doc, 20);
        if (label === '__attachments') {
          paragraph(doc, value);
        } else if (label) {
          const y = doc.y;
          doc.font('bold').fontSize(9).fillColor(COLOR.text).text(label, MARGIN, y, { width: 200 });
          const h1 = doc.y;
          doc.font('regular').text(value, MARGIN + 210, y, { width: doc.page.width - 2 * MARGIN - 210 });
          doc.y = Math.max(h1, doc.y) + 2;
        } else {
          paragraph(doc, value);
        }
      }
    }
    opts.onProgress?.(++step / total);
  }

  // Uploaded bilagor follow as pages of their own, appended after rendering.
  let next = doc.bufferedPageRange().count + 1;
  for (const e of opts.extraPages ?? []) {
    if (e.pages > 0) toc.push({ title: e.title, page: next, level: 1 });
    next += e.pages;
  }
  const extra = (opts.extraPages ?? []).reduce((a, e) => a + e.pages, 0);

  // Fill in the table of contents.
  doc.switchToPage(tocPage);
  doc.y = doc.page.margins.top;
  heading(doc, 'Innehåll');
  for (const e of toc) {
    const y = doc.y;
    const indent = e.level * 14;
    doc
      .font(e.level ? 'regular' : 'bold')
      .fontSize(10)
      .fillColor(COLOR.text)
      .text(e.title, MARGIN + indent, y, { width: doc.page.width - 2 * MARGIN - 60 - indent });
    doc.text(String(e.page), doc.page.width - MARGIN - 40, y, { width: 40, align: 'right' });
    doc.y = Math.max(doc.y, y + 14) + 2;
  }

  // Headers and "Sida N av M" footers on every page but the cover.
  const range = doc.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(COLOR.muted);
    doc.text(`${model.organisation.name} · ${model.title}`, MARGIN, MARGIN - 20, {
      width: doc.page.width - 2 * MARGIN,
      lineBreak: false,
    });
    doc
      .moveTo(MARGIN, MARGIN - 6)
      .lineTo(doc.page.width - MARGIN, MARGIN - 6)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.text(`Sida ${i + 1} av ${range.count + extra}`, MARGIN, doc.page.height - MARGIN + 10, {
      width: doc.page.width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  // A document the styrelse has not decided yet says so on every page.
  if (model.draft)
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
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
      doc.page.margins.bottom = bottom;
    }
  doc.end();
  return done;
}

function heading(doc: Doc, text: string): void {
  doc.font('bold').fontSize(17).fillColor(COLOR.accent).text(text, MARGIN, doc.y);
  doc.moveDown(0.5);
}

function paragraph(doc: Doc, text: string): void {
  doc.font('regular').fontSize(10).fillColor(COLOR.text);
  for (const p of text.split('\n')) {
    ensureSpace(doc, 16);
    doc.text(p, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN, align: 'left' });
  }
  doc.moveDown(0.5);
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Label column, then value columns right-aligned so the digits line up; totals bold with a rule above. */
function table(doc: Doc, t: ReportTable, unit: 'tkr' | 'kr'): void {
  const width = doc.page.width - 2 * MARGIN;
  // Text tables (the signature page) get wide, left-aligned, wrapping columns; amounts get narrow right-aligned ones.
  const textTable = t.rows.length > 0 && t.rows.every((r) => r.format === 'text');
  const valueWidth = textTable
    ? (width * 0.6) / Math.max(1, t.columns.length)
    : Math.min(86, (width * 0.55) / Math.max(1, t.columns.length));
  const align = textTable ? 'left' : 'right';
  const labelWidth = width - valueWidth * t.columns.length;
  const drawHeader = () => {
    const y = doc.y;
    doc.font('bold').fontSize(8.5).fillColor(COLOR.muted);
    const h = Math.max(11, ...t.columns.map((c) => doc.heightOfString(c, { width: valueWidth - 4 })));
    t.columns.forEach((c, i) =>
      doc.text(c, MARGIN + labelWidth + i * valueWidth, y, { width: valueWidth - 4, align }),
    );
    doc.y = y + h + 4;
    doc
      .moveTo(MARGIN, doc.y - 2)
      .lineTo(MARGIN + width, doc.y - 2)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
  };
  ensureSpace(doc, 60);
  if (t.title) doc.moveDown(0.4).font('bold').fontSize(11).fillColor(COLOR.text).text(t.title, MARGIN, doc.y);
  doc.moveDown(0.2);
  drawHeader();
  for (const r of t.rows) {
    doc.font(r.total ? 'bold' : 'regular').fontSize(9);
    const texts = r.values.map((v, i) => presentValue(v, r, unit, t.signedColumns?.includes(i)));
    const labelHeight = Math.max(
      doc.heightOfString(r.label, { width: labelWidth - 8 - (r.level ?? 0) * 10 }),
      ...(textTable ? texts.map((x) => doc.heightOfString(x, { width: valueWidth - 4 })) : []),
    );
    if (doc.y + labelHeight + 4 > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawHeader();
      doc.font(r.total ? 'bold' : 'regular').fontSize(9);
    }
    const y = doc.y;
    if (r.total)
      doc
        .moveTo(MARGIN, y - 1)
        .lineTo(MARGIN + width, y - 1)
        .lineWidth(0.5)
        .strokeColor(COLOR.text)
        .stroke();
    doc
      .fillColor(COLOR.text)
      .text(r.label, MARGIN + (r.level ?? 0) * 10, y + 1, { width: labelWidth - 8 - (r.level ?? 0) * 10 });
    texts.forEach((text, i) => {
      doc.text(text, MARGIN + labelWidth + i * valueWidth, y + 1, {
        width: valueWidth - 4,
        align,
        lineBreak: textTable,
      });
    });
    doc.y = y + Math.max(labelHeight, 11) + 3;
  }
  doc.font('regular').fontSize(7.5).fillColor(COLOR.muted);
  const hasAmounts = t.rows.some((r) => !r.format || r.format === 'amount');
  if (hasAmounts) doc.text(`${AMOUNT_UNIT_LABEL[unit]}.`, MARGIN, doc.y + 2);
  for (const n of t.notes ?? []) doc.text(`Avrundning: ${n}`, MARGIN, doc.y, { width });
  doc.moveDown(0.8);
}

/** Grouped bars, drawn as vectors, with an axis in the förbund's unit. */
function chart(doc: Doc, c: ReportChart, unit: 'tkr' | 'kr'): void {
  const width = doc.page.width - 2 * MARGIN;
  const height = 190;
  ensureSpace(doc, height + 60);
  doc.moveDown(0.4).font('bold').fontSize(11).fillColor(COLOR.text).text(c.title, MARGIN, doc.y);
  const top = doc.y + 8;
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
  doc.y = ly + 20;
  doc.x = MARGIN;
}
