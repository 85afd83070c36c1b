import { PDFDocument as PdfLib } from 'pdf-lib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samspeletInput } from '../model/__fixtures__/samspelet';
import { buildReport } from '../model/build-report';
import { placeUploadedPages, prepareAttachment } from './attachments';
import { holdsChartData } from './pdf-chart';
import { renderPdf } from './pdf-renderer';
import {
  catalogFlags,
  outlineTitles,
  parentTreeGaps,
  run,
  structAlts,
  tocLinkTargets,
  unmarkedPainting,
  uploadedPdf,
} from './__fixtures__/pdf-probe';

const dir = mkdtempSync(join(tmpdir(), 'pdfa-'));
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

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

  it('declares itself tagged PDF 1.7 in Swedish with the title shown, and PDF/A-2a and PDF/UA-1 in its XMP', async () => {
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(Number(/^PDF version:\s+([\d.]+)$/m.exec(info)![1])).toBeGreaterThanOrEqual(1.7);
    expect(info).toMatch(new RegExp(`^Title:\\s+${model.title} – ${model.organisation.name}$`, 'm'));
    const meta = run('pdfinfo', ['-meta', file]);
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(meta).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(meta).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(await catalogFlags(pdf)).toEqual({ lang: 'sv-SE', displayTitle: true, marked: true });
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
    expect(struct).toMatch(/^\s+TOC/m);
    expect(struct).toMatch(/^\s+TOCI/m);
    expect(struct).toMatch(/^\s+Link/m);
    expect(struct).toMatch(/^\s+Caption/m);
    expect(struct).toMatch(/^\s+Figure/m);
    // one H1 per chapter (the checks are a document of their own), the contents page and each bilaga (plus the cover's title)
    const chapters = model.sections.filter((s) => !s.level);
    expect(struct.match(/^\s+H1\b/gm)!.length).toBe(chapters.length + model.bilagor.length + 2);
    // the förvaltningsberättelse's parts 1.1–1.7 are H2 headings, the insatser under 1.5 H3
    expect(struct).toMatch(/^\s+H2\b/m);
    expect(struct).toMatch(/^\s+H3\b/m);
    const text = run('pdftotext', [file, '-']);
    // every chart's values are in a table: its own data table, or the printed table its alternative text names
    const charts = model.sections.flatMap((s) =>
      (s.charts ?? []).map((c) => ({ c, printed: s.tables.some((t) => holdsChartData(t, c)) })),
    );
    expect(charts.length).toBeGreaterThan(0);
    const dataTitle = ({ c }: (typeof charts)[number]) => `Diagrammets värden: ${c.title}`;
    for (const t of charts.filter((x) => !x.printed).map(dataTitle)) expect(text).toContain(t);
    for (const t of charts.filter((x) => x.printed).map(dataTitle)) expect(text).not.toContain(t);
  });

  it('marks every piece of content as tagged or as an artifact', async () => {
    expect(await unmarkedPainting(pdf)).toEqual([]);
    // and the structure tree reaches every marked piece
    expect(await parentTreeGaps(pdf)).toEqual([]);
    // the check sees a page appended without its structure (pdf-lib's copyPages alone)
    const naive = await PdfLib.load(pdf, { updateMetadata: false });
    const [copy] = await naive.copyPages(naive, [1]);
    naive.addPage(copy);
    expect(await parentTreeGaps(Buffer.from(await naive.save()))).toContainEqual(
      expect.stringMatching(/used by an earlier page/),
    );
    // a draft delårsrapport too: its watermark is an artifact
    const draft = await renderPdf({ ...buildReport(samspeletInput('delar')), draft: true });
    expect(await unmarkedPainting(draft)).toEqual([]);
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
    // chapters numbered by order; their parts (1.1–1.7 numbered) as bookmarks under them
    const chapters: Array<{ label: string; children: string[] }> = [];
    const numberedParts: string[] = [];
    for (const s of model.sections) {
      const subs = (s.subsections ?? []).map((sub) => sub.title);
      if (!s.level) chapters.push({ label: `${chapters.length + 1} ${s.title}`, children: subs });
      else {
        const label = s.number ? `${s.number} ${s.title}` : s.title;
        if (s.number) numberedParts.push(label);
        chapters.at(-1)!.children.push(label);
      }
    }
    expect(numberedParts.slice(0, 7).map((l) => l.slice(0, 4))).toEqual([
      '1.1 ',
      '1.2 ',
      '1.3 ',
      '1.4 ',
      '1.5 ',
      '1.6 ',
      '1.7 ',
    ]);
    expect(bookmarks.map((b) => b.title)).toEqual([
      ...chapters.map((c) => c.label),
      ...model.bilagor.map((b) => b.title),
      'Stegen: enkat.pdf',
      'Stegen: foto.png',
    ]);
    const flat = contents.replace(/\s+/g, ' ');
    for (const [i, c] of chapters.entries()) {
      expect(flat).toContain(c.label);
      expect(bookmarks[i].children).toEqual(c.children);
    }
    for (const l of numberedParts) expect(flat).toContain(l);
    // named destinations: one per TOC entry, each on the page the contents page names
    const named = [...dests.matchAll(/^\s*(\d+)\s+\[\s*XYZ[^\]]*\]\s+"(avsnitt-\d+)"$/gm)].map((m) => ({
      page: Number(m[1]),
      name: m[2],
    }));
    expect(named.length).toBe(chapters.length + numberedParts.length + model.bilagor.length + 2);
    const tocLines = contents.split('\n').filter((l) => /^\s*\S.*\S\s{3,}\d+$/.test(l) && !/Sida|·/.test(l));
    const tocPages = tocLines.map((l) => Number(/(\d+)\s*$/.exec(l)![1]));
    expect(named.map((n) => n.page)).toEqual(tocPages);
    for (const n of named) expect(n.page).toBeLessThanOrEqual(pages);
    // each contents entry is a link annotation to its destination, in order
    expect(await tocLinkTargets(pdf, 1)).toEqual(named.map((n) => n.name));
    expect(pages).toBeGreaterThan(5);
  });
});
