import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig, LocalDiskStorage, openDatabase } from '@app/infra';
import { compileReport } from '../apps/worker/src/reports/compile-report';

/**
 * Compiles one report in its own process (as the worker does) and prints one JSON line: wall time, peak memory,
 * and how long the event loop was ever blocked (BullMQ's lock renewal needs it to stay responsive).
 */
async function main(): Promise<void> {
  const [orgId, kind, year] = process.argv.slice(2);
  const config = loadConfig();
  const ds = await openDatabase(config.DATABASE_URL, { poolSize: 4 });
  const [{ v }] = await ds.query(
    'SELECT COALESCE(max(version), 0) + 1 AS v FROM report WHERE organisation_id = $1 AND kind = $2 AND year = $3',
    [orgId, kind, Number(year)],
  );
  const [r] = await ds.query(
    `INSERT INTO report (organisation_id, kind, year, version, status) VALUES ($1,$2,$3,$4,'QUEUED') RETURNING id`,
    [orgId, kind, Number(year), v],
  );
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t0 = process.hrtime.bigint();
  const result = await compileReport(ds, new LocalDiskStorage(config.FILE_STORAGE_DIR), r.id);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  h.disable();
  const [rep] = await ds.query(
    'SELECT f.size FROM report r JOIN stored_file f ON f.id = r.pdf_file_id WHERE r.id = $1',
    [r.id],
  );
  process.stdout.write(
    JSON.stringify({
      result,
      seconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      loopMaxMs: h.max / 1e6,
      loopP99Ms: h.percentile(99) / 1e6,
      pdfBytes: Number(rep?.size ?? 0),
    }) + '\n',
  );
  await ds.destroy();
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
