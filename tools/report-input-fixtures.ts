import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { EntityManager } from 'typeorm';
import { gatherReportInput } from '../apps/worker/src/reports/gather-report-input';

/**
 * Writes the gathered ReportInput for Samspelet 2025 (delårsrapport and årsredovisning) as JSON, so the report
 * model's unit tests run without a database. Run against a database seeded with the demo:
 *   npm run cli -- demo:seed demo/samspelet
 *   node dist/tools/report-input-fixtures.js [out-dir]   (DATABASE_URL from .data/services.env)
 * Default out-dir: libs/reporting/src/model/__fixtures__.
 */
async function main(): Promise<void> {
  const out = process.argv[2] ?? join('libs', 'reporting', 'src', 'model', '__fixtures__');
  mkdirSync(out, { recursive: true });
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    const em = {
      query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
    } as unknown as Pick<EntityManager, 'query'>;
    const [org] = await em.query('SELECT id FROM organisation WHERE slug = $1', ['samspelet']);
    if (!org) throw new Error('Samspelet is not seeded; run demo:seed demo/samspelet first.');
    for (const [kind, file] of [
      ['DELARSRAPPORT', 'samspelet-2025-delar.input.json'],
      ['ARSREDOVISNING', 'samspelet-2025-ar.input.json'],
    ] as const) {
      const input = await gatherReportInput(em, org.id, kind, 2025);
      writeFileSync(join(out, file), JSON.stringify(input, null, 1) + '\n');
      process.stdout.write(`${join(out, file)}\n`);
    }
    await client.query('ROLLBACK');
  } finally {
    client.release();
    await pool.end();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
