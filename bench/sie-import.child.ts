import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { SieImportService } from '../apps/api/src/ledger/sie-import.service';
import { DATA_SOURCE } from '../apps/api/src/common/infra/tokens';

/** Runs one import in its own process so that its peak memory is its own. Prints one JSON line. */
async function main(): Promise<void> {
  const [file, orgId] = process.argv.slice(2);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  const ds = app.get<DataSource>(DATA_SOURCE);
  const t0 = process.hrtime.bigint();
  const r = await app
    .get(SieImportService)
    .importStream(orgId, createReadStream(file), { fileId: null, sha256: '0'.repeat(64), actorId: null });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM ledger_transaction WHERE import_id = $1', [
    r.id,
  ]);
  process.stdout.write(
    JSON.stringify({
      seconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      importId: r.id,
      transactions: r.transactions,
      stored: n,
    }) + '\n',
  );
  await app.close();
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
