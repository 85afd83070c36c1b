import { decimalString } from '@app/domain';
import Decimal from 'decimal.js';
import { INestApplicationContext } from '@nestjs/common';
import { seedFixture, tenantBundle, TestApi } from '../helpers/api';
import { startWorker } from '../helpers/worker';
import { comparableIndicators, EXPECTED_NNS_2025, NNS_CATALOGUE, SAMSPELET_NNS_2025 } from '../helpers/nns';

const catalogue = NNS_CATALOGUE;
const counts = SAMSPELET_NNS_2025;
const GOAL = {
  year: 2025,
  key: 'steg_narmare_arbete',
  text: 'Minst 70 % av deltagarna har kommit ett steg närmare arbete eller studier.',
  metric: 'nns:7:DELTAGARE_AVSLUT:6',
  op: '>=',
  value: '0.70',
};
const FIELDS = 'id status model checks { id status message } pdfFileId checksFileId';

interface Compiled {
  id: string;
  status: string;
  pdfFileId: string;
  checksFileId: string;
  checks: Array<{ id: string; status: string; message: string }>;
  model: {
    nns?: { year: number; indicators: Array<Record<string, unknown> & { topShare: string }> };
    financialGoals: Array<{ key: string; value: string; status: string }>;
    sections: Array<{ id: string; title: string }>;
  };
}

/** The årsredovisning's NNS annex and a financial goal measured by an indicator, from the same counts. */
describe('reports: NNS indicators in the årsredovisning', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let chef: string;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    const bundle = tenantBundle('indikatorn', 'Samordningsförbundet Indikatorn');
    bundle.financialGoals.push(GOAL);
    org = await seedFixture(api, bundle);
    chef = await api.login('forbundschef@indikatorn.example');
    await api.ok(
      'mutation($c: JSON!){ loadNnsCatalogue(catalogue: $c){ version } }',
      { c: catalogue },
      await api.adminToken(),
    );
    await api.ok(
      'mutation($o: ID!, $c: JSON!){ importSurveyCounts(organisationId: $o, year: 2025, counts: $c){ version } }',
      { o: org, c: counts },
      chef,
    );
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const pdfText = (fileId: string) => api.pdfText(fileId, chef);

  it('gives the model its nns from the counts and measures the goal with the same share', async () => {
    const { done } = await api.compileReport<Compiled>(org, 'ARSREDOVISNING', chef, FIELDS);
    expect(done.status).toBe('READY');
    expect(done.model.nns?.year).toBe(2025);
    expect(comparableIndicators(done.model.nns?.indicators ?? [])).toEqual(EXPECTED_NNS_2025.indicators);
    const goal = done.model.financialGoals.find((g) => g.key === GOAL.key);
    expect(goal?.status).toBe('UPPFYLLT');
    expect(decimalString(new Decimal(goal?.value ?? '0'), 6)).toBe('0.833333');
    expect(done.checks.find((c) => c.id === `nns_mal_${GOAL.key}`)?.status).toBe('PASS');
    expect(done.model.sections.map((s) => s.id)).toContain('nns_indikatorer');

    const text = await pdfText(done.pdfFileId);
    expect(text).toContain('Indikatorer ur NNS indikatorenkät 2025');
    expect(text).toMatch(/Minst 70 % av deltagarna har kommit ett steg närmare arbete\s+83 %\s+Uppfyllt/);
    expect(text).toContain('Deltagare (vid avslut): 12 av 16 svarade (75 %)');
    expect(text).toMatch(/Andel positiva svar\s+83 %/);
  });

  it("fails the check when the goal's indicator is left out of the annex", async () => {
    await api.ok(
      'mutation($o: ID!){ saveNnsSettings(organisationId: $o, indicators: [2, 9]){ indicators } }',
      { o: org },
      chef,
    );
    const { done } = await api.compileReport<Compiled>(org, 'ARSREDOVISNING', chef, FIELDS);
    const c = done.checks.find((x) => x.id === `nns_mal_${GOAL.key}`);
    expect(c?.status).toBe('FAIL');
    expect(c?.message).toContain('redovisas inte i bilagan');
    expect(await pdfText(done.checksFileId)).toContain('EJ GODKÄND');
  });
});
