import PDFDocument from 'pdfkit';
import { AMOUNT_UNIT_LABEL, keepNumbersWhole, logoAltText, readImageHeader } from '@app/domain';
import type { ReportModel } from '../model/report-model';
import { PreparedAttachment, uploadedPageName } from './attachments';
import { chart } from './pdf-chart';
import { draftWatermark, fillToc, runningHeaders, TocEntry } from './pdf-frame';
import {
  bookmark,
  BOLD,
  COLOR,
  Doc,
  ensureSpace,
  group,
  heading,
  MARGIN,
  note,
  paragraph,
  REGULAR,
  Struct,
  tag,
} from './pdf-style';
import { table } from './pdf-table';
import { signaturePage } from './pdf-signatures';

/**
 * Renders the report model as a PDF a förbund would publish and archive: PDF/A-2a (tagged, XMP metadata,
 * embedded fonts, sRGB output intent) with the PDF/UA-1 identifier, Lang sv-SE, the title shown, a
 * bookmark per section and a table of contents whose entries link. Returns the bytes.
 *
 * Uploaded bilagor (`uploads`) get pages of their own at the end: an image is drawn here as a Figure whose
 * alternative text is its file name; each page of an uploaded PDF gets a reserved page whose Figure paints a
 * form XObject that `placeUploadedPages` supplies afterwards.
 */
export async function renderPdf(
  model: ReportModel,
  opts: {
    compiledAt?: Date;
    onProgress?: (fraction: number) => void;
    uploads?: PreparedAttachment[];
    /** The förbund's logo (PNG or JPEG, checked at upload) for the cover; missing: none. */
    logo?: ReportLogo | null;
  } = {},
): Promise<Buffer> {
  const { doc, root, done } = openDocument(
    `${model.title} – ${model.organisation.name}`,
    model.organisation.name,
    model.title,
    opts.compiledAt ?? new Date(),
  );
  cover(doc, root, model, opts.compiledAt ?? new Date(), opts.logo ?? null);

  // Table of contents: reserved now (its place in the reading order too), filled in when page numbers are known.
  doc.addPage();
  const tocPage = doc.bufferedPageRange().count - 1;
  const tocSect = group(doc, root, 'Sect');
  const toc: TocEntry[] = [];
  const start = (entry: string, level: number) => {
    const dest = `avsnitt-${toc.length + 1}`;
    doc.addNamedDestination(dest);
    toc.push({ title: entry, page: doc.bufferedPageRange().count, level, dest });
  };

  const uploads = opts.uploads ?? [];
  const total = model.sections.length + model.bilagor.length;
  let step = 0;
  // Chapters start a page and are numbered by order; a chapter's parts (level 2, "1.3 …") follow inside its
  // Sect as Sects of their own, with a bookmark under the chapter's and, when numbered, a contents entry.
  let chapterNo = 0;
  let chapter: { sect: Struct; mark: PDFKit.PDFOutline } | null = null;
  const body = (
    sect: Struct,
    section: ReportModel['sections'][number],
    mark: PDFKit.PDFOutline,
    sub: 2 | 3,
  ) => {
    if (section.text) paragraph(doc, sect, section.text);
    for (const t of section.tables) table(doc, sect, t, model.unit);
    for (const c of section.charts ?? []) chart(doc, sect, c, model.unit, section.tables);
    if (section.signatures) signaturePage(doc, sect, section.signatures);
    for (const s of section.subsections ?? []) {
      ensureSpace(doc, 60);
      bookmark(doc, s.title, mark);
      heading(doc, sect, s.title, sub);
      if (s.text) paragraph(doc, sect, s.text);
    }
  };
  for (const section of model.sections) {
    if (section.level === 2 && chapter) {
      ensureSpace(doc, 80);
      const label = section.number ? `${section.number} ${section.title}` : section.title;
      const sect = group(doc, chapter.sect, 'Sect');
      if (section.number) start(label, 1);
      const mark = bookmark(doc, label, chapter.mark);
      heading(doc, sect, label, 2);
      body(sect, section, mark, 3);
      sect.end();
    } else {
      chapter?.sect.end();
      doc.addPage();
      const label = `${++chapterNo} ${section.title}`;
      chapter = { sect: group(doc, root, 'Sect'), mark: bookmark(doc, label) };
      start(label, 0);
      heading(doc, chapter.sect, label);
      body(chapter.sect, section, chapter.mark, 2);
    }
    opts.onProgress?.(++step / total);
  }
  chapter?.sect.end();

  // The checks are not part of what the board signs: they are a working document of their own (checks-pdf.ts).
  for (const b of model.bilagor) {
    doc.addPage();
    start(b.title, 1);
    bookmark(doc, b.title);
    bilaga(doc, root, b);
    opts.onProgress?.(++step / total);
  }

  // Uploaded bilagor follow as pages of their own, each headed by its title in the running header.
  const suffixes = new Map<number, string>();
  uploads.forEach((u, n) => {
    const sect = group(doc, root, 'Sect');
    u.pages.forEach((p, k) => {
      doc.addPage();
      suffixes.set(doc.bufferedPageRange().count - 1, u.title);
      if (k === 0) {
        start(u.title, 1);
        bookmark(doc, u.title);
      }
      const maxW = doc.page.width - 2 * MARGIN;
      const maxH = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
      const s = Math.min(maxW / p.width, maxH / p.height, 1);
      const [x, y, w, h] = [MARGIN, doc.page.margins.top, p.width * s, p.height * s];
      if (u.kind === 'image')
        tag(doc, sect, 'Figure', () => doc.image(Buffer.from(u.bytes), x, y, { width: w, height: h }), {
          alt: u.name ?? u.title,
          bbox: [x, y, x + w, y + h],
        });
      else
        tag(
          doc,
          sect,
          'Figure',
          () => doc.addContent(`q ${s} 0 0 ${-s} ${x} ${y + h} cm /${uploadedPageName(n, k)} Do Q`),
          {
            alt: `${u.title}, sida ${k + 1} av ${u.pages.length}: uppladdad PDF återgiven som den lämnades in.`,
            bbox: [x, y, x + w, y + h],
          },
        );
    });
    sect.end();
  });

  fillToc(doc, tocPage, tocSect, toc);
  const pages = doc.bufferedPageRange().count;
  runningHeaders(doc, `${model.organisation.name} · ${model.title}`, pages, suffixes);
  if (model.draft) draftWatermark(doc);
  root.end();
  doc.end();
  return done;
}

/**
 * A PDF/A-2a document (tagged, Lang sv-SE, title shown, PDF/UA-1 in its XMP) with its fonts and structure
 * root; the förbund is its author and creator, not the platform.
 */
export function openDocument(
  title: string,
  author: string,
  subject: string,
  createdAt: Date,
): { doc: Doc; root: Struct; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 14, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    font: REGULAR,
    info: {
      Title: xmpSafe(title),
      Author: xmpSafe(author),
      Subject: xmpSafe(subject),
      Creator: xmpSafe(author),
      Producer: 'PDFKit',
      CreationDate: createdAt,
    },
  });
  // PDF/UA-1 identification next to PDF/A's (pdfkit writes one subset's identifier itself), with the PDF/A
  // extension schema that declares the pdfuaid namespace (PDF/A-2 allows no undeclared XMP properties).
  doc.appendXML(PDFUA_XMP);
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, root, done };
}

const PDFUA_XMP = `<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;

/** The förbund's logo as the worker read it from storage (bytes, and PNG or JPEG). */
export interface ReportLogo {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * The logo at the top of the cover, at most 200 × 90 points, as a Figure whose alternative text names the förbund.
 * pdfkit embeds a PNG's transparency as a soft mask (SMask), which PDF/A-2 allows, under the sRGB output intent.
 */
function coverLogo(doc: Doc, sect: Struct, organisationName: string, logo: ReportLogo): void {
  const bytes = Buffer.from(logo.bytes);
  const header = readImageHeader(bytes);
  if (!header) return;
  const s = Math.min(200 / header.width, 90 / header.height, 1);
  const [x, y, w, h] = [MARGIN, MARGIN + 30, header.width * s, header.height * s];
  tag(doc, sect, 'Figure', () => doc.image(bytes, x, y, { width: w, height: h }), {
    alt: logoAltText(organisationName),
    bbox: [x, y, x + w, y + h],
  });
}

/** Characters pdfkit would copy unescaped into the XMP packet are kept out of the title and author. */
const xmpSafe = (s: string) => s.replace(/&/g, 'och').replace(/[<>]/g, '');

function cover(doc: Doc, root: Struct, model: ReportModel, compiledAt: Date, logo: ReportLogo | null): void {
  const unitText = AMOUNT_UNIT_LABEL[model.unit];
  doc.addPage();
  const sect = group(doc, root, 'Sect');
  if (logo) coverLogo(doc, sect, model.organisation.name, logo);
  tag(doc, sect, 'H1', () =>
    doc
      .fillColor(COLOR.accent)
      .font('bold')
      .fontSize(28)
      .text(model.title, MARGIN, 220, { width: doc.page.width - 2 * MARGIN }),
  );
  doc.moveDown(0.5);
  tag(doc, sect, 'P', () =>
    doc.fillColor(COLOR.text).font('regular').fontSize(16).text(model.organisation.name),
  );
  doc.moveDown(0.3);
  tag(doc, sect, 'P', () =>
    doc
      .fontSize(11)
      .fillColor(COLOR.muted)
      .text(`Period ${model.period.start} – ${model.period.end}. ${unitText}.`),
  );
  if (model.draft) {
    doc.moveDown(1);
    tag(doc, sect, 'P', () =>
      doc.font('bold').fontSize(13).fillColor(COLOR.fail).text('UTKAST – ännu inte beslutat av styrelsen'),
    );
  } else if (model.decidedAt) {
    doc.moveDown(1);
    tag(doc, sect, 'P', () =>
      doc
        .font('regular')
        .fontSize(11)
        .fillColor(COLOR.muted)
        .text(`Beslutad av styrelsen ${model.decidedAt}.`),
    );
  }
  note(
    doc,
    sect,
    `${model.organisation.name}. Upprättad ${compiledAt.toISOString().slice(0, 10)} ${model.kind === 'VERKSAMHETSPLAN' ? 'ur förbundets verksamhetsplan och budget' : 'ur huvudboken och godkända uppföljningar'}.`,
    9,
    MARGIN,
    doc.page.height - MARGIN - 40,
  );
  sect.end();
}

/**
 * One approved follow-up: its heading, who approved it when (in words; the content hash is for the audit trail,
 * not the published text), uploads named, and each part's label/value lines. A part with no lines is left out.
 */
function bilaga(doc: Doc, root: Struct, b: ReportModel['bilagor'][number]): void {
  const sect = group(doc, root, 'Sect');
  heading(doc, sect, b.title);
  if (b.approval) {
    note(doc, sect, b.approval, 8);
    doc.moveDown(0.5);
  }
  if (b.attachments.length) {
    const names = b.attachments.map(
      (a) =>
        `${a.name ?? a.fileId}${a.contentType === 'application/pdf' || a.contentType.startsWith('image/') ? '' : ' (bifogas inte i PDF:en)'}`,
    );
    tag(doc, sect, 'P', () =>
      doc
        .font('regular')
        .fontSize(9)
        .fillColor(COLOR.text)
        .text(`Uppladdade bilagor: ${names.join(', ')}.`, MARGIN, doc.y, {
          width: doc.page.width - 2 * MARGIN,
        }),
    );
    doc.moveDown(0.4);
  }
  for (const s of b.sections.filter((x) => x.lines.some(([, v]) => v.trim()))) {
    ensureSpace(doc, 50);
    heading(doc, sect, s.title, 2);
    let rows: Struct | null = null;
    for (const [label, value] of s.lines) {
      ensureSpace(doc, 20);
      if (label && label !== '__attachments') {
        rows ??= group(doc, sect, 'Table');
        const y = doc.y;
        const tr = group(doc, rows, 'TR');
        tag(
          doc,
          tr,
          'TH',
          () =>
            doc
              .font('bold')
              .fontSize(9)
              .fillColor(COLOR.text)
              .text(keepNumbersWhole(label), MARGIN, y, { width: 200 }),
          {
            scope: 'Row',
          },
        );
        const h1 = doc.y;
        tag(doc, tr, 'TD', () =>
          doc
            .font('regular')
            .text(keepNumbersWhole(value), MARGIN + 210, y, { width: doc.page.width - 2 * MARGIN - 210 }),
        );
        tr.end();
        doc.y = Math.max(h1, doc.y) + 2;
      } else {
        rows?.end();
        rows = null;
        paragraph(doc, sect, value);
      }
    }
    rows?.end();
  }
  sect.end();
}
