import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { codes, seedFixture, tenantBundle, TestApi } from '../helpers/api';
import { startWorker } from '../helpers/worker';

/**
 * Issue 14 items 3–4: the seeds' whole structure for any förbund, and a structure of the förbund's own.
 * A förbund of its own (Samspelet's data under another slug), compiled by the real worker.
 */
const SLUG = 'strukturen';
const STRUCTURE_FIELDS =
  'kind version savedBy entries { id heading customHeading defaultHeading kind level } catalogue { id defaultHeading kind level numbered }';
const GET = `query($o: ID!){ reportStructure(organisationId: $o, kind: ARSREDOVISNING){ ${STRUCTURE_FIELDS} } }`;
const SAVE = `mutation($o: ID!, $v: Int!, $e: [ReportStructureEntryInput!]!){ saveReportStructure(organisationId: $o, kind: ARSREDOVISNING, version: $v, entries: $e){ ${STRUCTURE_FIELDS} } }`;
const SAVE_TEXTS =
  'mutation($o: ID!, $v: Int!, $t: JSON!){ saveReportTexts(organisationId: $o, kind: ARSREDOVISNING, year: 2025, version: $v, texts: $t){ version fields { key title withFigures } } }';
const REPORT_FIELDS = 'id status structureVersion pdfFileId model';
/** The förbundschef's texts of Samspelet's published reports, as the demo loads them. */
const demoTexts = (name: string): Record<string, string> =>
  JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'demo', 'samspelet', 'texts', `${name}-2025.json`), 'utf8'),
  ).texts;
const SAVE_DELAR_TEXTS =
  'mutation($o: ID!, $t: JSON!){ saveReportTexts(organisationId: $o, kind: DELARSRAPPORT, year: 2025, version: 0, texts: $t){ version } }';

interface Structure {
  version: number;
  savedBy: string | null;
  entries: Array<{ id: string; heading: string; customHeading: string | null; kind: string; level: number }>;
  catalogue: Array<{ id: string; defaultHeading: string; numbered: boolean }>;
}
interface Compiled {
  id: string;
  status: string;
  structureVersion: number | null;
  pdfFileId: string;
  model: {
    sections: Array<{
      id: string;
      title: string;
      level?: number;
      number?: string;
      text?: string;
      tables: Array<{
        id: string;
        columns: string[];
        rows: Array<{ id: string; values: Array<string | null> }>;
      }>;
    }>;
  };
}

describe('report structure: the seeds’ sections by default, a förbund’s own when it chooses', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let chef: string;

  const pdfText = (fileId: string) => api.pdfText(fileId, chef);
  const compile = async (kind = 'ARSREDOVISNING') =>
    (await api.compileReport<Compiled>(org, kind, chef, REPORT_FIELDS)).done;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    org = await seedFixture(api, tenantBundle(SLUG, 'Samordningsförbundet Strukturen'));
    chef = await api.login(`forbundschef@${SLUG}.example`);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('compiles the seeds’ structure by default: 1.1–1.7, finansiering per part, and both years in every note', async () => {
    const s = (await api.ok<{ reportStructure: Structure }>(GET, { o: org }, chef)).reportStructure;
    expect(s.version).toBe(0);
    expect(s.entries[0]).toMatchObject({ id: 'forvaltningsberattelse', heading: 'Förvaltningsberättelse' });
    expect(s.catalogue.map((c) => c.id)).toContain('ordforande_har_ordet');

    // the demo's texts (Samspelet's published ones) fill every section the seed has
    await api.ok(SAVE_TEXTS, { o: org, v: 0, t: demoTexts('arsredovisning') }, chef);
    const r = await compile();
    expect(r.status).toBe('READY');
    expect(r.structureVersion).toBeNull();
    const numbered = r.model.sections.filter((x) => x.number).map((x) => x.number);
    expect(numbered).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7']);
    for (const id of ['not2', 'not3', 'not4', 'not5']) {
      const t = r.model.sections.flatMap((x) => x.tables).find((x) => x.id === id)!;
      expect([id, t.columns.length]).toEqual([id, 2]);
      expect(t.rows.every((row) => row.values.length === 2 && row.values[1] !== null)).toBe(true);
    }
    const text = await pdfText(r.pdfFileId);
    expect(text).toMatch(/Summa\s+10 006\s+10 028/); // not 2 and the funding per part
    expect(text).toMatch(/Summa\s+9 447\s+10 184/); // not 3
    expect(text).toMatch(/Summa\s+235\s+341/); // not 4
    expect(text).toMatch(/Summa\s+3 784\s+3 412/); // not 5
    expect(text).toContain('1.4 Styrning och uppföljning av verksamheten');
    // the board, once, right after 1.4: each ledamot and ersättare with who appointed them
    const board = r.model.sections.find((x) => x.id === 'styrelse')!;
    const ledamoter = board.tables.find((t) => t.id === 'styrelse_ledamoter')!;
    const ersattare = board.tables.find((t) => t.id === 'styrelse_ersattare')!;
    expect(ledamoter.rows.length).toBe(7);
    expect(ersattare.rows.length).toBe(7);
    expect([...ledamoter.rows, ...ersattare.rows].every((row) => row.values[1] !== 'Förbundet')).toBe(true);
    expect(text).toMatch(
      /1\.4 Styrning och uppföljning av verksamheten[\s\S]*Styrelse och revisorer[\s\S]*1\.5 /,
    );
    expect(text).toContain('Medelstilldelningen från parterna för 2025 uppgick till 10 006 tkr.');
    expect(text).toContain('1.6 Väsentliga personalförhållanden');
    expect(text).toContain('Samordningsförbundet är ingen arbetsgivare och har ingen anställd personal.');
    expect(text).not.toContain('har inte skrivit texten');

    await api.ok(SAVE_DELAR_TEXTS, { o: org, t: demoTexts('delarsrapport') }, chef);
    const d = await compile('DELARSRAPPORT');
    expect(d.status).toBe('READY');
    const delar = await pdfText(d.pdfFileId);
    expect(delar).toContain('Delåret som gått');
    expect(delar).toContain('Händelser av väsentlig betydelse under delårsperioden');
    expect(delar.replace(/\s+/g, ' ')).toContain('fakturor inte inkommit i rätt period');
  });

  it('saves a structure of its own (added, removed, renamed) as a new version with its audit entry, and compiles by it', async () => {
    const s = (await api.ok<{ reportStructure: Structure }>(GET, { o: org }, chef)).reportStructure;
    const entries = [
      { id: 'ordforande_har_ordet' },
      ...s.entries
        .filter((e) => e.id !== 'kassaflodesanalys')
        .map((e) => (e.id === 'noter' ? { id: 'noter', heading: 'Noter till räkenskaperna' } : { id: e.id })),
    ];
    // others may not change it; a broken one is refused with the path of the problem
    const owner = await api.login(`projektagare.stegen@${SLUG}.example`);
    const board = await api.login(`ledamot1@${SLUG}.example`);
    for (const t of [owner, board])
      expect(codes(await api.gql(SAVE, { o: org, v: 0, e: entries }, t))).toEqual(['FORBIDDEN']);
    const bad = await api.gql(SAVE, { o: org, v: 0, e: [...entries, { id: 'noter' }] }, chef);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect((bad.errors![0].extensions!.details as Array<{ path: string }>)[0].path).toBe(
      `$[${entries.length}].id`,
    );

    const saved = (await api.ok<{ saveReportStructure: Structure }>(SAVE, { o: org, v: 0, e: entries }, chef))
      .saveReportStructure;
    expect(saved.version).toBe(1);
    expect(saved.entries.find((e) => e.id === 'noter')).toMatchObject({
      heading: 'Noter till räkenskaperna',
      customHeading: 'Noter till räkenskaperna',
    });
    expect(codes(await api.gql(SAVE, { o: org, v: 0, e: entries }, chef))).toEqual(['VERSION_CONFLICT']);
    const [audit] = await api.ds.query(
      `SELECT payload FROM audit_entry WHERE organisation_id = $1 AND action = 'report_structure.saved'`,
      [org],
    );
    expect(audit.payload).toMatchObject({
      kind: 'ARSREDOVISNING',
      version: 1,
      added: ['ordforande_har_ordet'],
      removed: ['kassaflodesanalys'],
      renamed: [{ id: 'noter', from: 'Noter', to: 'Noter till räkenskaperna' }],
    });

    // the text fields follow the structure: the chef writes the new section's text
    const texts = await api.ok<{ saveReportTexts: { fields: Array<{ key: string; title: string }> } }>(
      SAVE_TEXTS,
      {
        o: org,
        v: 1,
        t: {
          ...demoTexts('arsredovisning'),
          ordforande_har_ordet: 'Ett år då parterna tog ett gemensamt ansvar.',
        },
      },
      chef,
    );
    expect(texts.saveReportTexts.fields[0]).toEqual({
      key: 'ordforande_har_ordet',
      title: 'Ordförande har ordet',
      withFigures: false,
    });
    expect(texts.saveReportTexts.fields.map((f) => f.key)).not.toContain('kassaflodesanalys');

    const r = await compile();
    expect(r.structureVersion).toBe(1);
    const chapters = r.model.sections.filter((x) => !x.level);
    expect(chapters[0]).toMatchObject({ id: 'ordforande_har_ordet', title: 'Ordförande har ordet' });
    expect(chapters.map((x) => x.id)).not.toContain('kassaflodesanalys');
    expect(chapters.find((x) => x.id === 'noter')!.title).toBe('Noter till räkenskaperna');
    const text = await pdfText(r.pdfFileId);
    expect(text).toContain('1 Ordförande har ordet');
    expect(text).toContain('Ett år då parterna tog ett gemensamt ansvar.');
    expect(text).toContain('2.1 Översikt över verksamhetens utveckling');
    expect(text).toMatch(/\d Noter till räkenskaperna/);
    // no chapter of it, in the contents or as a heading (the checks may still name the figures)
    expect(text).not.toMatch(/^\s*\d+ Kassaflödesanalys\b/m);
  });
});
