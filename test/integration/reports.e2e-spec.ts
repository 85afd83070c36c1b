import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { LocalDiskStorage } from '../../libs/infra/src';
import { compileReport } from '../../apps/worker/src/reports/compile-report';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import {
  Bundle,
  codes,
  FIXTURES,
  importBundle,
  orgId,
  samspeletBundle,
  tenantBundle,
  TestApi,
  upload,
} from '../helpers/api';
import PDFDocument from 'pdfkit';
import { startWorker } from '../helpers/worker';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected', 'samspelet-2025.json'), 'utf8'));
const COMPILE =
  'mutation($o: ID!, $k: ReportKind!, $y: Int!){ compileReport(organisationId: $o, kind: $k, year: $y){ id status progress version } }';
const REPORT_FIELDS =
  'id kind status progress stage version model checks { id status message } pdfFileId xlsxFileId jsonFileId checksFileId error';
const REPORT = `query($id: ID!){ report(id: $id){ ${REPORT_FIELDS} } }`;

interface Report {
  id: string;
  status: string;
  progress: number;
  version: number;
  model: {
    keyFigures: { current: Record<string, string>; previous: Record<string, string> };
    sections: Array<{
      tables: Array<{
        id: string;
        columns: string[];
        rows: Array<{ id: string; values: Array<string | null> }>;
      }>;
    }>;
    financialGoals: Array<{ key: string; value: string; status: string }>;
    unit: string;
  };
  checks: Array<{ id: string; status: string; message: string }>;
  pdfFileId: string;
  xlsxFileId: string;
  jsonFileId: string;
  checksFileId: string;
}

const close = (a: string, b: string, tol: number) => Math.abs(Number(a) - Number(b)) <= tol;
const table = (r: Report, id: string) => r.model.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
/** A value by row id and column heading ("Budget 2025 netto"). */
const cell = (t: ReturnType<typeof table>, id: string, column: string) => {
  expect(t.columns).toContain(column);
  return t.rows.find((x) => x.id === id)?.values[t.columns.indexOf(column)];
};

describe('reports: compiled by the worker from the ledger, the bundle and approved follow-ups', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let chef: string;
  let org: string;
  const out = mkdtempSync(join(tmpdir(), 'reports-'));

  async function compiled(organisationId: string, kind: string, token: string): Promise<Report> {
    const { queued, done } = await api.compileReport<Report>(organisationId, kind, token, REPORT_FIELDS);
    expect(queued.status).toBe('QUEUED');
    return done;
  }

  const pdfText = (fileId: string, token: string) => api.pdfText(fileId, token);

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    await api.app.get(DemoSeedService).seed(FIXTURES);
    org = await orgId(api, 'samspelet');
    chef = await api.login('forbundschef@samspelet.example');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('compiles the årsredovisning to the expected figures, to the krona, with every check passing', async () => {
    const r = await compiled(org, 'ARSREDOVISNING', chef);
    expect(r.status).toBe('READY');
    expect(r.progress).toBe(100);
    const e = expected.arsredovisning_2025;
    for (const [period, figures] of [
      ['current', e.keyFigures.current],
      ['previous', e.keyFigures.previous],
    ] as const) {
      for (const [k, v] of Object.entries(figures as Record<string, string>)) {
        const got = r.model.keyFigures[period][k];
        const ratio = /soliditet|andel/.test(k);
        expect([period, k, ratio ? close(got, v, 1e-6) : got]).toEqual([period, k, ratio ? true : v]);
      }
    }
    const drift = table(r, 'driftredovisning');
    for (const row of e.driftredovisning.rows)
      expect([
        row.costCentre,
        cell(drift, row.costCentre, 'Utfall 2025 netto'),
        cell(drift, row.costCentre, 'Budget 2025 netto'),
        cell(drift, row.costCentre, 'Avvikelse netto'),
      ]).toEqual([row.costCentre, row.utfall, row.budget === 0 ? '0.00' : row.budget, row.avvikelse]);
    expect(cell(drift, 'beslut_under_aret', 'Budget 2025 netto')).toBe('740000.00');
    expect(cell(drift, 'summa_kostnader', 'Utfall 2025 netto')).toBe(
      e.driftredovisning.total_utfall_kostnader,
    );
    expect(cell(drift, 'summa_kostnader', 'Budget 2025 netto')).toBe(e.driftredovisning.total_budget_netto);
    for (const [note, accounts] of Object.entries(e.noter as Record<string, Record<string, string>>)) {
      const t = table(r, note.split('_')[0]);
      for (const [a, v] of Object.entries(accounts))
        expect([note, a, t.rows.find((x) => x.id === a)?.values[0]]).toEqual([note, a, v]);
    }
    for (const g of e.financialGoals) {
      const got = r.model.financialGoals.find((x) => x.key === g.key)!;
      expect([g.key, got.status, close(got.value, g.value, 1e-6)]).toEqual([g.key, g.status, true]);
    }
    expect(r.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
    expect(r.checks.length).toBeGreaterThan(20);

    const text = await pdfText(r.pdfFileId, chef);
    expect(text).toMatch(/Årets resultat\s+709\s+90/);
    expect(text).toMatch(/Soliditet.*46,7 %/);
    expect(text).toMatch(/Kassaflöde från den löpande verksamheten\s+1 187\s+365/);
    // the driftredovisning: intäkt, kostnad, netto; the budgetprognos: three years with the equity and buffer
    expect(text).toMatch(/Summa kostnader\s+–\s+9 447\s+9 447\s+600\s+10 703\s+10 103\s+\+656/);
    expect(text).toMatch(/Summa budget\s+12 444\s+9 974\s+9 974/);
    expect(text).toMatch(/Kvar eget kapital utöver bufferten\s+1 432\s+9 256\s+17 080/);
    expect(text).toMatch(/Sida 3 av \d+/);
    expect(text).toContain('Bilaga 1: Uppföljning');
    const xlsx = await request(api.url).get(`/files/${r.xlsxFileId}`).set('authorization', `Bearer ${chef}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('compiles the delårsrapport with the helårsprognos the published report got wrong', async () => {
    const r = await compiled(org, 'DELARSRAPPORT', chef);
    expect(r.status).toBe('READY');
    const e = expected.delarsrapport_2025;
    for (const [k, v] of Object.entries(e.keyFigures.current as Record<string, string>)) {
      const got = r.model.keyFigures.current[k];
      expect([k, /soliditet|andel/.test(k) ? close(got, v, 1e-6) : got]).toEqual([
        k,
        /soliditet|andel/.test(k) ? true : v,
      ]);
    }
    const p = table(r, 'helarsprognos');
    const cols = ['Budget 2025 kostnad', 'Utfall 2025-06-30', 'Årsprognos', 'Avvikelse'];
    for (const row of e.helarsprognos.rows) {
      expect([row.costCentre, ...cols.map((c) => cell(p, row.costCentre, c))]).toEqual([
        row.costCentre,
        row.budget,
        row.utfall,
        row.prognos,
        row.avvikelse,
      ]);
    }
    expect(cols.map((c) => cell(p, 'summa', c))).toEqual([
      e.helarsprognos.total.budget,
      e.helarsprognos.total.utfall,
      e.helarsprognos.total.prognos,
      e.helarsprognos.total.avvikelse,
    ]);
    expect(r.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
    const text = await pdfText(r.pdfFileId, chef);
    // budget intäkt, kostnad and netto, utfall, årsprognos, avvikelse; then the decisions funded by equity
    expect(text).toMatch(/Summa\s+600\s+9 963\s+9 363\s+4 238\s+9 783\s+\+180/);
    expect(text).toMatch(/Summa beslut under året\s+–\s+740\s+740/);
    expect(text).toMatch(/Eget kapital vid årets slut, prognos\s+2 692/);
  });

  it("puts the förbundschef's own texts into the report; a stale save of them is refused", async () => {
    const SAVE_TEXTS =
      'mutation($o: ID!, $v: Int!, $t: JSON!){ saveReportTexts(organisationId: $o, kind: ARSREDOVISNING, year: 2025, version: $v, texts: $t){ version } }';
    const first = await api.ok<{ saveReportTexts: { version: number } }>(
      SAVE_TEXTS,
      { o: org, v: 0, t: { aret_i_korthet: 'Året präglades av tre nya förberedande insatser.' } },
      chef,
    );
    expect(first.saveReportTexts.version).toBe(1);
    const stale = await api.gql(SAVE_TEXTS, { o: org, v: 0, t: { aret_i_korthet: 'Något annat.' } }, chef);
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    const bad = await api.gql(SAVE_TEXTS, { o: org, v: 1, t: { okand_rubrik: 'x' } }, chef);
    expect((bad.errors![0].extensions!.details as Array<{ path: string }>)[0].path).toBe('$.okand_rubrik');
    const owner = await api.login('projektagare.stegen@samspelet.example');
    expect(codes(await api.gql(SAVE_TEXTS, { o: org, v: 1, t: {} }, owner))).toEqual(['FORBIDDEN']);
    const r = await compiled(org, 'ARSREDOVISNING', chef);
    expect(await pdfText(r.pdfFileId, chef)).toContain('Året präglades av tre nya förberedande insatser.');
  });

  it('pushes progress over a subscription until the report is ready', async () => {
    const started = await api.ok<{ compileReport: Report }>(
      COMPILE,
      { o: org, k: 'DELARSRAPPORT', y: 2025 },
      chef,
    );
    const client = createClient({
      url: api.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${chef}` },
      retryAttempts: 0,
    });
    const seen: Array<{ status: string; progress: number }> = [];
    try {
      for await (const msg of client.iterate<{ reportProgress: { status: string; progress: number } }>({
        query: 'subscription($id: ID!){ reportProgress(id: $id){ status progress stage } }',
        variables: { id: started.compileReport.id },
      })) {
        expect(msg.errors).toBeUndefined();
        seen.push(msg.data!.reportProgress);
      }
    } finally {
      await client.dispose();
    }
    expect(seen.at(-1)).toEqual(expect.objectContaining({ status: 'READY', progress: 100 }));
    const progress = seen.map((x) => x.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('makes a new version on every compilation and keeps the old ones', async () => {
    const again = await compiled(org, 'DELARSRAPPORT', chef);
    expect(again.version).toBe(3);
    const list = await api.ok<{ reports: Array<{ kind: string; version: number; status: string }> }>(
      'query($o: ID!){ reports(organisationId: $o){ kind version status } }',
      { o: org },
      chef,
    );
    expect(list.reports.filter((x) => x.kind === 'DELARSRAPPORT').map((x) => x.version)).toEqual([3, 2, 1]);
  });

  it('survives a compilation killed half-way: the retry yields exactly one ready version', async () => {
    const [{ id }] = await api.ds.query(
      `INSERT INTO report (organisation_id, kind, year, version, status) VALUES ($1, 'ARSREDOVISNING', 2025, 99, 'QUEUED') RETURNING id`,
      [org],
    );
    const storage = new LocalDiskStorage(process.env.FILE_STORAGE_DIR as string);
    await expect(
      compileReport(api.ds, storage, id, async (p) => {
        if (p >= 40) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    const [half] = await api.ds.query('SELECT status, progress FROM report WHERE id = $1', [id]);
    expect(half.status).toBe('RUNNING');
    expect(await compileReport(api.ds, storage, id)).toBe('READY');
    expect(await compileReport(api.ds, storage, id)).toBe('ALREADY_READY');
    const [{ n }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'report.compiled'",
      [id],
    );
    expect(n).toBe(1);
  });

  it('fails the right check, with the figures, when the bundle contradicts the ledger; and prints kronor for a kr förbund', async () => {
    const b: Bundle = samspeletBundle();
    b.organisation = {
      ...b.organisation,
      slug: 'motsagelse',
      name: 'Samordningsförbundet Motsägelse',
      reportingUnit: 'kr',
    };
    b.people = [
      {
        name: 'Chef Motsägelse',
        email: 'chef@motsagelse.example',
        password: 'Demo-Samspelet-2025!',
        roles: [{ role: 'FORBUNDSCHEF' }, { role: 'ADMIN' }],
      },
    ];
    b.historicalKeyFigures = b.historicalKeyFigures.filter((h: { year: number }) => h.year !== 2024);
    b.historicalKeyFigures.push({
      year: 2024,
      verksamhetens_intakter: '9999000',
      verksamhetens_kostnader: '10184000',
      arets_resultat: '90000',
      soliditet: '0.433',
      antal_anstallda: 0,
    });
    b.insatser[0].budgets[0].amount = '2600000.00';
    await importBundle(api, b);
    const o = await orgId(api, 'motsagelse');
    const token = await api.login('chef@motsagelse.example');
    for (const y of ['2024', '2025']) {
      const up = await upload(
        api,
        token,
        readFileSync(join(FIXTURES, 'sie', `samspelet-${y}.se`)),
        `${y}.se`,
        { organisationId: o, purpose: 'sie' },
      );
      await api.ok(
        'mutation($o: ID!, $f: ID!){ importSie(organisationId: $o, fileId: $f){ id } }',
        { o, f: up.body.id },
        token,
      );
    }
    const r = await compiled(o, 'ARSREDOVISNING', token);
    expect(r.model.unit).toBe('kr');
    // The bundle alone has no follow-ups: each of the seven insatser funded in 2025 is named as missing one.
    const missing = r.checks.filter((c) => c.status === 'FAIL' && c.id.startsWith('uppfoljning_finns_'));
    expect(missing).toHaveLength(7);
    const failing = r.checks.filter((c) => c.status === 'FAIL' && !c.id.startsWith('uppfoljning_finns_'));
    expect(failing.map((c) => c.id).sort()).toEqual(['budget_insats_stegen', 'historik_2024']);
    // the checks say each figure in kronor and name the rows in words
    expect(failing.find((c) => c.id === 'historik_2024')!.message).toContain(
      'Verksamhetens intäkter: femårsöversiktens uppgift 9\u00a0999\u00a0000\u00a0kr, huvudboken 10\u00a0028\u00a0000\u00a0kr',
    );
    expect(failing.find((c) => c.id === 'budget_insats_stegen')!.message).toContain(
      '2\u00a0600\u00a0000\u00a0kr',
    );
    const text = await pdfText(r.pdfFileId, token);
    expect(text).toMatch(/Årets resultat\s+709 000\s+90 000/);
    expect(text).toContain('Belopp i kronor');
    // the checks are a working document of their own, not a chapter of the published report
    expect(text).not.toContain('EJ GODKÄND');
    expect(await pdfText(r.checksFileId, token)).toContain('EJ GODKÄND');
    // one förbund cannot compile or read another's reports, nor learn that they exist
    expect(codes(await api.gql(COMPILE, { o: org, k: 'ARSREDOVISNING', y: 2025 }, token))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await api.gql(REPORT, { id: r.id }, chef))).toEqual(['NOT_FOUND']);
  });

  it('appends an uploaded PDF bilaga after the report, with the page numbering running on', async () => {
    const bundle = tenantBundle('bilagor', 'Samordningsförbundet Bilagor');
    await importBundle(api, bundle);
    const o = await orgId(api, 'bilagor');
    const owner = await api.login('projektagare.stegen@bilagor.example');
    const pdf = await new Promise<Buffer>((resolve) => {
      const d = new PDFDocument();
      const parts: Buffer[] = [];
      d.on('data', (c: Buffer) => parts.push(c));
      d.on('end', () => resolve(Buffer.concat(parts)));
      d.text('Bilagans egen text: deltagarenkät 2025');
      d.addPage().text('Andra sidan av bilagan');
      d.end();
    });
    const up = await upload(api, owner, pdf, 'enkat.pdf', { organisationId: o });
    expect(up.status).toBe(201);
    const dir = join(out, 'seed-bilagor');
    mkdirSync(join(dir, 'submissions'), { recursive: true });
    cpSync(join(FIXTURES, 'sie'), join(dir, 'sie'), { recursive: true });
    writeFileSync(join(dir, 'organisation.json'), JSON.stringify(bundle));
    const stegen = JSON.parse(readFileSync(join(FIXTURES, 'submissions', 'stegen-helar-2025.json'), 'utf8'));
    stegen.answers.bilagor = [up.body.id];
    writeFileSync(join(dir, 'submissions', 'stegen-helar-2025.json'), JSON.stringify(stegen));
    await api.app.get(DemoSeedService).seed(dir);
    const token = await api.login('forbundschef@bilagor.example');
    const r = await compiled(o, 'ARSREDOVISNING', token);
    expect(r.status).toBe('READY');
    const text = await pdfText(r.pdfFileId, token);
    const pages = Number(/Sida \d+ av (\d+)/.exec(text)![1]);
    expect(text).toContain('Bilagans egen text: deltagarenkät 2025');
    expect(text).toContain('Andra sidan av bilagan');
    expect(text).toContain(`Sida ${pages} av ${pages}`);
    expect(text).toContain('Uppladdade bilagor: enkat.pdf');
    // the worker's PDF with the upload laid in stays a tagged PDF/A-2a whose fonts are all embedded
    const file = join(out, `${r.pdfFileId}.pdf`);
    writeFileSync(file, (await api.download(r.pdfFileId, token)).body);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
    const meta = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    for (const f of fonts) expect(f).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
  });

  it('lets only the förbundschef and kansli compile; the styrelse reads', async () => {
    const owner = await api.login('projektagare.stegen@samspelet.example');
    expect(codes(await api.gql(COMPILE, { o: org, k: 'ARSREDOVISNING', y: 2025 }, owner))).toEqual([
      'FORBIDDEN',
    ]);
    const ledamot = await api.login('ledamot1@samspelet.example');
    expect(codes(await api.gql(COMPILE, { o: org, k: 'ARSREDOVISNING', y: 2025 }, ledamot))).toEqual([
      'FORBIDDEN',
    ]);
    const list = await api.ok<{ reports: unknown[] }>(
      'query($o: ID!){ reports(organisationId: $o){ id } }',
      { o: org },
      ledamot,
    );
    expect(list.reports.length).toBeGreaterThan(0);
  });
});
