import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Bundle, codes, FIXTURES, importBundle, tenantBundle, TestApi, upload } from '../helpers/api';
import { startWorker } from '../helpers/worker';

const FIELDS = 'id status model checks { id status message } pdfFileId checksFileId';

interface Table {
  id: string;
  columns: string[];
  rows: Array<{ id: string; label: string; values: Array<string | null> }>;
  notes?: string[];
}
interface Compiled {
  id: string;
  status: string;
  pdfFileId: string;
  checksFileId: string;
  checks: Array<{ id: string; status: string; message: string }>;
  model: {
    title: string;
    period: { start: string; end: string };
    sections: Array<{ id: string; text?: string; tables: Table[] }>;
    financialGoals: Array<{ key: string; basis?: string; status: string }>;
  };
}

const table = (r: Compiled, id: string) =>
  r.model.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
const row = (t: Table, id: string) => t.rows.find((x) => x.id === id);
const cell = (t: Table, id: string, column: string) => {
  expect(t.columns).toContain(column);
  return row(t, id)?.values[t.columns.indexOf(column)];
};

/**
 * A förbund with report rules of its own: a delårsrapport to 31 August, deviations signed utfall − budget,
 * its own driftredovisning columns, financing rows it names itself, income budgeted on a line, and staff.
 */
describe('a förbund’s own report rules compile as it chose', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let chef: string;
  let org: string;

  const pdfText = (fileId: string) => api.pdfText(fileId, chef);

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    const b: Bundle = tenantBundle('egna-regler', 'Samordningsförbundet Egna regler');
    b.organisation.reportSettings = {
      delarEnd: '08-31',
      deviationSign: 'UTFALL_MINUS_BUDGET',
      driftColumns: ['BUDGET', 'UTFALL', 'AVVIKELSE'],
    };
    const [y2025, , y2026] = b.budgets;
    y2025.financing = [
      { label: 'Försäkringskassan', amount: '5003000', source: 'PARTIES' },
      { label: 'Region Värmland', amount: '2501500', source: 'PARTIES' },
      { label: 'Kommunerna', amount: '2501500', source: 'PARTIES' },
      { label: 'ESF-rådet, projekt LUFSS', amount: '600000', source: 'ESF' },
      { label: 'Eget kapital', amount: '861000', source: 'EQUITY' },
    ];
    y2025.lineIncome = { '835': { amount: '600000', source: 'ESF-rådet' } };
    y2026.financing = [
      { label: 'Medlemmarnas tilldelning', amount: '9974000', source: 'PARTIES' },
      { label: 'NNS-uppdrag', amount: '150000', source: 'NNS' },
      { label: 'ESF-rådet', amount: '250000', source: 'ESF' },
      { label: 'Eget kapital', amount: '2070000', source: 'EQUITY' },
    ];
    b.historicalKeyFigures = [
      ...b.historicalKeyFigures.filter((h: { year: number }) => h.year < 2024),
      { year: 2024, antal_anstallda: 1 },
      { year: 2025, antal_anstallda: 2 },
    ];
    org = (await importBundle(api, b)).id;
    chef = await api.login('forbundschef@egna-regler.example');
    for (const y of ['2024', '2025']) {
      const up = await upload(
        api,
        chef,
        readFileSync(join(FIXTURES, 'sie', `samspelet-${y}.se`)),
        `${y}.se`,
        { organisationId: org, purpose: 'sie' },
      );
      await api.ok(
        'mutation($o: ID!, $f: ID!){ importSie(organisationId: $o, fileId: $f){ id } }',
        { o: org, f: up.body.id },
        chef,
      );
    }
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('compiles the delårsrapport to 31 August and the årsredovisning with the förbund’s choices', async () => {
    const delar = (await api.compileReport<Compiled>(org, 'DELARSRAPPORT', chef, FIELDS)).done;
    const ar = (await api.compileReport<Compiled>(org, 'ARSREDOVISNING', chef, FIELDS)).done;
    expect([delar.status, ar.status]).toEqual(['READY', 'READY']);

    // the delår period ends where the förbund decided
    expect(delar.model.period).toEqual({ start: '2025-01-01', end: '2025-08-31' });
    expect(delar.model.title).toBe('Delårsrapport januari–augusti 2025');
    const prognos = table(delar, 'helarsprognos');
    expect(prognos.columns).toContain('Utfall 2025-08-31');
    // deviations signed utfall − budget: 800 budget 1 200 000, prognos 1 070 000
    expect(cell(prognos, '800', 'Avvikelse')).toBe('-130000.00');
    expect(delar.model.sections.find((s) => s.id === 'helarsprognos')!.text).toContain('årsprognos − budget');

    // the driftredovisning's columns as chosen, each as intäkt, kostnad and netto
    const drift = table(ar, 'driftredovisning');
    expect(drift.columns).toEqual([
      'Budget 2025 intäkt',
      'Budget 2025 kostnad',
      'Budget 2025 netto',
      'Utfall 2025 intäkt',
      'Utfall 2025 kostnad',
      'Utfall 2025 netto',
      'Avvikelse netto',
    ]);
    expect(row(drift, '800')!.values).toEqual([
      null,
      '1200000.00',
      '1200000.00',
      null,
      '1060000.00',
      '1060000.00',
      '-140000.00',
    ]);

    // both reports show the same budget for every line: intäkt (income budgeted on it), kostnad and netto
    const parts = ['intäkt', 'kostnad', 'netto'];
    const lines = prognos.rows.filter((r) => /^\d+$/.test(r.id)).map((r) => r.id);
    expect(lines.length).toBeGreaterThan(5);
    for (const code of lines)
      expect([code, ...parts.map((p) => cell(drift, code, `Budget 2025 ${p}`))]).toEqual([
        code,
        ...parts.map((p) => cell(prognos, code, `Budget 2025 ${p}`)),
      ]);
    expect(parts.map((p) => cell(drift, '835', `Budget 2025 ${p}`))).toEqual([
      '600000.00',
      '450000.00',
      '-150000.00',
    ]);
    expect(table(delar, 'helarsprognos').notes?.join(' ')).toContain('visas som intäkt');

    // financing rows named by the förbund, in its order, each year
    const bp = table(ar, 'budgetprognos');
    expect(bp.rows.filter((r) => r.id.startsWith('finansiering_')).map((r) => r.label)).toEqual([
      'Medlemmarnas tilldelning',
      'NNS-uppdrag',
      'ESF-rådet',
      'Eget kapital',
    ]);
    expect(cell(bp, 'summa_finansiering', '2026')).toBe('12444000.00');
    // budgeted income: the parties' allocation (ESF is booked against line 835, equity is not income)
    expect(cell(drift, 'intakter', 'Budget 2025 intäkt')).toBe('10006000.00');

    // staff numbers are the förbund's data
    const five = table(ar, 'femarsoversikt');
    expect(five.columns).toEqual(['2021', '2022', '2023', '2024', '2025']);
    expect(row(five, 'antal_anstallda')!.values.slice(3)).toEqual(['1', '2']);

    // the delår judges goals on the forecast for the year
    expect(delar.model.financialGoals.every((g) => g.basis === 'PROGNOS')).toBe(true);
    expect(ar.model.financialGoals.every((g) => g.basis === 'UTFALL')).toBe(true);

    // the published PDF has no checks chapter; the checks are a PDF of their own
    const published = await pdfText(ar.pdfFileId);
    expect(published).toContain('Samordningsförbundet Egna regler');
    expect(published).not.toContain('GODKÄND');
    expect(published).not.toContain('Samordningsplattformen');
    const checks = await pdfText(ar.checksFileId);
    expect(checks).toContain('Arbetsdokument för förbundschefen och revisorerna');
    expect(checks).toContain('EJ GODKÄND');
  });

  it('the förbundschef changes the settings in the API, with an audit entry; others of the förbund are refused', async () => {
    const SAVE =
      'mutation($o: ID!, $d: String, $s: String, $c: [String!]){ saveReportSettings(organisationId: $o, delarEnd: $d, deviationSign: $s, driftColumns: $c){ delarEnd deviationSign driftColumns } }';
    const owner = await api.login('projektagare.stegen@egna-regler.example');
    expect(codes(await api.gql(SAVE, { o: org, d: '06-30' }, owner))).toEqual(['FORBIDDEN']);
    const bad = await api.gql(SAVE, { o: org, d: '09-30' }, chef);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect((bad.errors![0].extensions!.details as Array<{ path: string }>)[0].path).toBe('$.delarEnd');
    const saved = await api.ok<{ saveReportSettings: unknown }>(SAVE, { o: org, d: '06-30' }, chef);
    expect(saved.saveReportSettings).toEqual({
      delarEnd: '06-30',
      deviationSign: 'BUDGET_MINUS_UTFALL',
      driftColumns: ['UTFALL', 'BUDGET', 'AVVIKELSE', 'UTFALL_FOREGAENDE_AR'],
    });
    const read = await api.ok<{ reportSettings: { delarEnd: string } }>(
      'query($o: ID!){ reportSettings(organisationId: $o){ delarEnd } }',
      { o: org },
      chef,
    );
    expect(read.reportSettings.delarEnd).toBe('06-30');
    const [audit] = await api.ds.query(
      "SELECT payload FROM audit_entry WHERE organisation_id = $1 AND action = 'report_settings.saved'",
      [org],
    );
    expect(audit.payload.delarEnd).toBe('06-30');
    const delar = (await api.compileReport<Compiled>(org, 'DELARSRAPPORT', chef, FIELDS)).done;
    expect(delar.model.period.end).toBe('2025-06-30');
    expect(delar.model.title).toBe('Delårsrapport januari–juni 2025');
  });
});
