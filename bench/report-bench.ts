import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { lastJsonLine } from './child-output';
import { generateSie } from './generate-sie';

function compile(
  root: string,
  orgId: string,
  kind: string,
): { seconds: number; maxRssMb: number; loopMaxMs: number; loopP99Ms: number; pdfBytes: number } {
  const child = spawnSync(
    process.execPath,
    [join(root, 'dist', 'bench', 'report.child.js'), orgId, kind, '2025'],
    { encoding: 'utf8', env: process.env },
  );
  if (child.status !== 0) throw new Error(`compile failed: ${child.stderr}`);
  return JSON.parse(lastJsonLine(child.stdout));
}

async function bareSql(pool: Pool, orgId: string): Promise<number> {
  const [{ id }] = (
    await pool.query('SELECT id FROM sie_import WHERE organisation_id = $1 AND year = 2025 AND active', [
      orgId,
    ])
  ).rows;
  const t0 = process.hrtime.bigint();
  await pool.query(
    'SELECT account, sum(amount) FROM ledger_transaction WHERE import_id = $1 GROUP BY account',
    [id],
  );
  await pool.query(
    'SELECT cost_centre, sum(amount) FROM ledger_transaction WHERE import_id = $1 AND cost_centre IS NOT NULL GROUP BY cost_centre',
    [id],
  );
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Compile the Samspelet årsredovisning and a generated large förbund; beside them, the bare SQL the model needs. */
export async function reportBenchmark(root: string, tmp: string, lines: string[]): Promise<void> {
  const cli = join(root, 'dist', 'apps', 'api', 'src', 'cli.js');
  const run = (...args: string[]) =>
    execFileSync(process.execPath, [cli, ...args], { env: process.env, stdio: 'ignore' });
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const orgOf = async (slug: string) =>
    (await pool.query('SELECT id FROM organisation WHERE slug = $1', [slug])).rows[0].id as string;

  // Samspelet, as the demo has it: bundle, both ledgers, every follow-up approved through the workflow.
  const fixtures = join(root, 'demo', 'samspelet');
  const seedDir = join(tmp, 'bench-samspelet');
  mkdirSync(seedDir, { recursive: true });
  cpSync(join(fixtures, 'sie'), join(seedDir, 'sie'), { recursive: true });
  cpSync(join(fixtures, 'submissions'), join(seedDir, 'submissions'), { recursive: true });
  const bundle = JSON.parse(readFileSync(join(fixtures, 'organisation.json'), 'utf8'));
  bundle.organisation.slug = 'bench-samspelet';
  bundle.people = bundle.people.map((p: { email: string }) => ({
    ...p,
    email: p.email.replace('@samspelet.example', '@bench-samspelet.example'),
  }));
  writeFileSync(join(seedDir, 'organisation.json'), JSON.stringify(bundle));
  run('demo:seed', seedDir);
  const samspelet = await orgOf('bench-samspelet');
  const small = compile(root, samspelet, 'ARSREDOVISNING');
  const smallSql = await bareSql(pool, samspelet);

  // A generated förbund: 200 insatser on 60 cost centres, 1 000 000 transactions, 200 approved follow-ups.
  const centres = Array.from({ length: 60 }, (_, i) => ({
    code: String(800 + i),
    name: `Kostnadsställe ${800 + i}`,
    category: i < 2 ? 'ADMINISTRATION' : i < 10 ? 'FORBUND' : 'INSATS',
  }));
  const big = {
    ...bundle,
    organisation: { slug: 'bench-stor', name: 'Samordningsförbundet Storleken', reportingUnit: 'tkr' },
    costCentres: centres,
    budgets: [
      {
        year: 2025,
        decided: '2024-11-26',
        lines: Object.fromEntries(centres.map((c) => [c.code, '1000000'])),
        financing: { fromParties: '10006000' },
      },
    ],
    forecasts: [],
    insatser: Array.from({ length: 200 }, (_, i) => ({
      key: `insats-${i}`,
      name: `Insats ${i}`,
      type: 'INDIVID',
      ownerParty: 'KARLSTAD',
      costCentre: String(810 + (i % 50)),
      start: '2024-01-01',
      end: '2026-12-31',
      budgets: [],
      matpunkter: [
        {
          key: 'deltagare',
          year: 2025,
          text: 'Minst 20 deltagare.',
          metric: 'inskrivna_totalt',
          op: '>=',
          target: '20',
        },
      ],
    })),
    people: [
      {
        name: 'Chef Storleken',
        email: 'chef@bench-stor.example',
        password: 'Demo-Samspelet-2025!',
        roles: [{ role: 'FORBUNDSCHEF' }],
      },
    ],
  };
  const bigFile = join(tmp, 'bench-stor.json');
  writeFileSync(bigFile, JSON.stringify(big));
  run('org:import', bigFile);
  const stor = await orgOf('bench-stor');
  const rows = Number(process.env.BENCH_COMPILE_ROWS ?? 1_000_000);
  const sie = join(tmp, `bench-${rows}.se`);
  if (!existsSync(sie)) await generateSie(sie, rows);
  if (
    !(
      await pool.query('SELECT 1 FROM sie_import WHERE organisation_id = $1 AND year = 2025 AND active', [
        stor,
      ])
    ).rows.length
  )
    run('sie:import', 'bench-stor', sie);
  const answers = JSON.parse(
    readFileSync(join(fixtures, 'submissions', 'stegen-helar-2025.json'), 'utf8'),
  ).answers;
  await pool.query(
    `INSERT INTO submission (organisation_id, insats_id, period, template_id, status, step, answers, content_hash, approved_at)
     SELECT i.organisation_id, i.id, 'HELAR-2025', (SELECT id FROM form_template WHERE key = 'uppfoljning-insats' AND organisation_id IS NULL ORDER BY version DESC LIMIT 1),
            'APPROVED', 2, $2::jsonb, repeat('0', 64), now()
       FROM insats i WHERE i.organisation_id = $1 ON CONFLICT DO NOTHING`,
    [
      stor,
      JSON.stringify({
        ...answers,
        resultat: [{ matpunkt: 'deltagare', utfall: '25', bedomning: 'UPPFYLLT', kommentar: '' }],
      }),
    ],
  );
  const large = compile(root, stor, 'ARSREDOVISNING');
  const largeSql = await bareSql(pool, stor);
  await pool.end();

  const row = (name: string, r: ReturnType<typeof compile>, sql: number) =>
    `| ${name} | ${r.seconds.toFixed(2)} s | ${r.maxRssMb.toFixed(0)} MB | ${r.loopMaxMs.toFixed(0)} ms (p99 ${r.loopP99Ms.toFixed(0)} ms) | ${(r.pdfBytes / 1024).toFixed(0)} KiB | ${(sql * 1000).toFixed(0)} ms |`;
  lines.push(
    '## Compiling the årsredovisning (model + PDF + XLSX + JSON)',
    '',
    'Each compilation runs in a process of its own, as the worker runs it. "Longest event-loop block" is the longest time the process could not answer anything (BullMQ renews its job lock every 60 s with a 120 s lock, so a block under a few seconds never stalls a job). The baseline is the bare SQL aggregation the model needs (outcome per account and per cost centre over the year), timed in the same run.',
    '',
    '| förbund | wall time | peak memory | longest event-loop block | PDF | bare SQL aggregation |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('Samspelet 2025 (14 cost centres, 608 transactions, 5 follow-ups)', small, smallSql),
    row(
      `generated: 200 insatser, 60 cost centres, ${rows.toLocaleString('sv-SE')} transactions, 200 follow-ups`,
      large,
      largeSql,
    ),
    '',
    `Target (issue 17): no event-loop block over 200 ms while the generated förbund compiles.`,
    '',
  );
}
