import { decimalString } from '@app/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { INestApplicationContext } from '@nestjs/common';
import { authenticator } from 'otplib';
import { DEMO_PASSWORD, importBundle, tenantBundle, TestApi } from '../helpers/api';
import { DEMO_PLAN } from '../helpers/plan';
import { startWorker } from '../helpers/worker';

const DEMO = join(__dirname, '..', '..', 'demo', 'samspelet');
const plan2026 = DEMO_PLAN;
const expected = JSON.parse(readFileSync(join(DEMO, 'expected', 'verksamhetsplan-2026.json'), 'utf8'));
const PLAN = {
  ...plan2026,
  confirmedGoalChanges: ['administrativ_kostnadsandel'],
  texts: { inledning: 'Samspelet samordnar rehabiliteringen för dem som behöver stöd från flera parter.' },
  insatser: [
    {
      key: 'stegen',
      matpunkter: [
        {
          key: 'arbete_studier_2026',
          text: 'Minst 40 % går vidare till arbete eller studier.',
          op: '>=',
          target: '0.40',
        },
      ],
    },
  ],
};

interface Table {
  id: string;
  columns: string[];
  rows: Array<{ id: string; values: string[] }>;
}
interface Compiled {
  id: string;
  status: string;
  pdfFileId: string;
  checks: Array<{ id: string; status: string }>;
  model: { sections: Array<{ id: string; tables: Table[] }> };
}

/** The plan is written, compiled as a document, signed by the ordförande and the justerare, and then rules the year. */
// Sealing runs in the worker (a certificate is made the first time): give it time on a busy machine.
jest.setTimeout(400_000);

describe('verksamhetsplan: compiled, signed and decided', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let chef: string;
  const secrets = new Map<string, string>();
  const board = ['ledamot1@beslutet.example', 'ledamot2@beslutet.example'];

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    org = (await importBundle(api, tenantBundle('beslutet', 'Samordningsförbundet Beslutet'))).id;
    chef = await api.login('forbundschef@beslutet.example');
    for (const email of board) {
      const t = await api.login(email);
      const s = await api.ok<{ setupTotp: { secret: string } }>(
        'mutation($p: String){ setupTotp(password: $p){ secret } }',
        { p: DEMO_PASSWORD },
        t,
      );
      await api.ok(
        'mutation($c: String!){ confirmTotp(code: $c) }',
        { c: authenticator.generate(s.setupTotp.secret) },
        t,
      );
      secrets.set(email, s.setupTotp.secret);
    }
    await api.ok('mutation($o: ID!){ startPlan(organisationId: $o, year: 2026){ id } }', { o: org }, chef);
    await api.ok(
      'mutation($o: ID!, $p: JSON!){ savePlan(organisationId: $o, year: 2026, version: 1, plan: $p){ id } }',
      { o: org, p: PLAN },
      chef,
    );
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function compile(): Promise<Compiled> {
    const q = await api.ok<{ compileReport: { id: string } }>(
      'mutation($o: ID!){ compileReport(organisationId: $o, kind: VERKSAMHETSPLAN, year: 2026){ id } }',
      { o: org },
      chef,
    );
    for (let i = 0; i < 600; i++) {
      const r = (
        await api.ok<{ report: Compiled }>(
          'query($id: ID!){ report(id: $id){ id status pdfFileId checks { id status } model } }',
          { id: q.compileReport.id },
          chef,
        )
      ).report;
      if (r.status === 'READY' || r.status === 'FAILED') return r;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('plan never compiled');
  }
  const pdfText = (fileId: string) => api.pdfText(fileId, chef);

  it('compiles the plan 2026 with the expected allocation and three-year budget, as a draft', async () => {
    const r = await compile();
    expect(r.status).toBe('READY');
    expect(r.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
    const tables = r.model.sections.flatMap((s) => s.tables);
    const budget = tables.find((t) => t.id === 'budget') as Table;
    expect(budget.columns).toEqual(['2026', '2027', '2028']);
    for (const [y, figures] of Object.entries(expected.years as Record<string, Record<string, string>>))
      for (const [k, v] of Object.entries(figures)) {
        const row = budget.rows.find((x) => x.id === k) as Table['rows'][number];
        expect([y, k, decimalString(new Decimal(row.values[budget.columns.indexOf(y)]), 0)]).toEqual([
          y,
          k,
          v,
        ]);
      }
    expect(
      budget.rows.find((x) => x.id === '851')?.values.map((v) => decimalString(new Decimal(v), 0)),
    ).toEqual(['3823000', '0', '0']);
    const allocation = tables.find((t) => t.id === 'medelstilldelning') as Table;
    expect(
      Object.fromEntries(allocation.rows.map((x) => [x.id, decimalString(new Decimal(x.values[0]), 0)])),
    ).toEqual(expected.allocation);
    const text = await pdfText(r.pdfFileId);
    expect(text).toContain('Verksamhetsplan och budget 2026');
    expect(text).toContain('UTKAST – ännu inte beslutat av styrelsen');
    expect(text).toMatch(/Ej budgeterat\s+884 000\s+8 708 000\s+16 532 000/);
  });

  it('is decided when the ordförande and the justerare have signed: its budget, goals and mätpunkter rule the year', async () => {
    const r = await compile();
    const created = await api.ok<{ createSigningRequest: { id: string; signers: Array<{ name: string }> } }>(
      'mutation($r: ID!){ createSigningRequest(reportId: $r){ id signers { name } } }',
      { r: r.id },
      chef,
    );
    expect(created.createSigningRequest.signers).toHaveLength(2);
    const status = async () =>
      (
        await api.ok<{ plan: { status: string } }>(
          'query($o: ID!){ plan(organisationId: $o, year: 2026){ status } }',
          { o: org },
          chef,
        )
      ).plan.status;
    expect(await status()).toBe('FOR_DECISION');
    for (const email of board)
      await api.ok(
        'mutation($r: ID!, $p: String!, $c: String!){ signWithTotp(requestId: $r, password: $p, code: $c){ id } }',
        {
          r: created.createSigningRequest.id,
          p: DEMO_PASSWORD,
          c: authenticator.generate(secrets.get(email) as string),
        },
        await api.login(email),
      );
    for (let i = 0; i < 600 && (await status()) !== 'DECIDED'; i++)
      await new Promise((res) => setTimeout(res, 100));
    expect(await status()).toBe('DECIDED');

    const lines = await api.ds.query(
      `SELECT l.cost_centre_code AS cc, l.amount::text AS amount FROM budget b JOIN budget_line l ON l.budget_id = b.id
        WHERE b.organisation_id = $1 AND b.year = 2026 AND b.kind = 'ORDINARY' ORDER BY cc`,
      [org],
    );
    expect(lines.find((l: { cc: string }) => l.cc === '822')?.amount).toBe('2579000.00');
    const [goal] = await api.ds.query(
      "SELECT value::text FROM financial_goal WHERE organisation_id = $1 AND year = 2026 AND metric = 'administrativ_kostnadsandel'",
      [org],
    );
    expect(decimalString(new Decimal(goal.value), 2)).toBe('0.20');

    // The next follow-up of Stegen measures the plan's mätpunkt.
    const [{ id: stegen }] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
      [org],
    );
    const owner = await api.login('projektagare.stegen@beslutet.example');
    const s = await api.ok<{ startSubmission: { matpunkter: Array<{ key: string; text: string }> } }>(
      'mutation($i: ID!){ startSubmission(insatsId: $i, period: "DELAR-2026"){ matpunkter { key text } } }',
      { i: stegen },
      owner,
    );
    expect(s.startSubmission.matpunkter).toEqual([
      { key: 'arbete_studier_2026', text: 'Minst 40 % går vidare till arbete eller studier.' },
    ]);
    // A decided plan changes only by a new version.
    const edit = await api.gql(
      'mutation($o: ID!, $p: JSON!){ savePlan(organisationId: $o, year: 2026, version: 3, plan: $p){ id } }',
      { o: org, p: PLAN },
      chef,
    );
    expect(edit.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
    const revised = await api.ok<{ revisePlan: { status: string; revision: number; version: number } }>(
      'mutation($o: ID!){ revisePlan(organisationId: $o, year: 2026){ status revision version } }',
      { o: org },
      chef,
    );
    expect(revised.revisePlan).toMatchObject({ status: 'DRAFT', revision: 2 });
    const statuses = await api.ds.query(
      'SELECT revision, status FROM plan WHERE organisation_id = $1 ORDER BY revision',
      [org],
    );
    expect(statuses).toEqual([
      { revision: 1, status: 'DECIDED' },
      { revision: 2, status: 'DRAFT' },
    ]);
  });
});
