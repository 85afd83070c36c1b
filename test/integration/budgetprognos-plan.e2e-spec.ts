import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { FIXTURES, importBundle, tenantBundle, TestApi, upload } from '../helpers/api';
import { startWorker } from '../helpers/worker';

interface Table {
  id: string;
  columns: string[];
  rows: Array<{ id: string; label: string; values: Array<string | null> }>;
}
interface Compiled {
  id: string;
  status: string;
  checks: Array<{ id: string; status: string; message: string }>;
  model: { sections: Array<{ id: string; text?: string; tables: Table[] }> };
}

/**
 * The årsredovisning's budgetprognos reads the next year's decided verksamhetsplan from the database (issue 14.3):
 * every cost line for all three years as the board decided them, the equity from the year-end just reported.
 */
describe('budgetprognos from the decided verksamhetsplan', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let chef: string;
  let org: string;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    org = (await importBundle(api, tenantBundle('planprognos', 'Samordningsförbundet Planprognos'))).id;
    chef = await api.login('forbundschef@planprognos.example');
    for (const y of ['2024', '2025']) {
      const up = await upload(
        api,
        chef,
        readFileSync(join(FIXTURES, 'sie', `samspelet-${y}.se`)),
        `${y}.se`,
        {
          organisationId: org,
          purpose: 'sie',
        },
      );
      await api.ok(
        'mutation($o: ID!, $f: ID!){ importSie(organisationId: $o, fileId: $f){ id } }',
        { o: org, f: up.body.id },
        chef,
      );
    }
    // The plan as the styrelse decided it (seed 002); the decision itself is plan-decision.e2e-spec's concern.
    const {
      note: _n,
      decidedInSeed: _d,
      ...plan
    } = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'demo', 'samspelet', 'plan', 'plan-2026.json'), 'utf8'),
    );
    await api.ds.query(
      `INSERT INTO plan (organisation_id, year, status, data, decided_at) VALUES ($1, 2026, 'DECIDED', $2, '2025-11-25')`,
      [org, JSON.stringify(plan)],
    );
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('prints every cost line for 2026–2028 and checks every sum', async () => {
    const ar = (
      await api.compileReport<Compiled>(
        org,
        'ARSREDOVISNING',
        chef,
        'id status model checks { id status message }',
      )
    ).done;
    expect(ar.status).toBe('READY');
    const section = ar.model.sections.find((s) => s.id === 'budgetprognos')!;
    expect(section.text).toContain('beslutad verksamhetsplan och budget 2026 (2025-11-25)');
    const t = section.tables[0];
    const across = (id: string) => t.rows.find((r) => r.id === id)?.values;
    expect(t.columns).toEqual(['2026', '2027', '2028']);
    expect(across('kostnad_800')).toEqual(['1200000.00', '1300000.00', '1300000.00']);
    expect(across('summa_finansiering')).toEqual(['12444000.00', '10858000.00', '18682000.00']);
    expect(across('summa_kostnader')).toEqual(['11560000.00', '2150000.00', '2150000.00']);
    expect(across('eget_kapital_ib')?.[0]).toBe('3318000.00');
    expect(across('buffert')).toEqual(['700000.00', '700000.00', '700000.00']);
    const checks = ar.checks.filter((c) => /budgetprognos/.test(c.id));
    expect(checks.length).toBeGreaterThanOrEqual(14);
    expect(checks.filter((c) => c.status === 'FAIL')).toEqual([]);
  });
});
