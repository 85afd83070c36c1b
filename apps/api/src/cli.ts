import 'reflect-metadata';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { createFileStorage, loadConfig, loadConfigOrExit, openDatabase } from '@app/infra';
import { compileReport } from '../../worker/src/reports/compile-report';
import { DomainValidationError } from '@app/domain';
import { AppModule } from './app.module';
import { AppError } from './common/errors/app-error';
import { AuthService } from './auth/auth.service';
import { BundleService } from './organisations/bundle.service';
import { SieImportService } from './ledger/sie-import.service';
import { DemoSeedService } from './demo/demo-seed.service';
import { ReportService } from './reports/report.service';
import { ReportKindEnum } from './reports/report.types';
import { DATA_SOURCE } from './common/infra/tokens';
import { SurveyService } from './surveys/survey.service';
import { organisationBySlug } from './common/access/scope.store';
import { findStoredFile } from './files/files.store';
import { migrationCount } from './health/health.store';

function sha256File(path: string): Promise<string> {
  return new Promise((ok, fail) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', fail)
      .on('end', () => ok(h.digest('hex')));
  });
}

const USAGE = `Användning: npm run cli -- <kommando>
  migrate                      kör databasmigreringar
  admin:ensure                 skapar plattformens administratör från ADMIN_EMAIL/ADMIN_PASSWORD
  org:import <fil.json>        läser in ett förbund från ett paket
  org:export <slug> [fil]      skriver förbundets paket (till stdout eller fil)
  sie:import <slug> <fil.se>   läser in en SIE 4-fil i förbundets huvudbok
  report:compile <slug> <ARSREDOVISNING|DELARSRAPPORT> <år> --out <katalog>
                               sammanställer en rapport och skriver PDF, XLSX och JSON
  nns:catalogue <fil.json>     läser in NNS-katalogen (indikatorer och frågor) som en ny version
  nns:import <slug> <år> <fil.json>
                               läser in ett års svarsantal i NNS indikatorenkät för förbundet
  demo:seed [katalog]          läser in demoförbundet (paket, SIE, uppföljningar genom hela flödet)
  schema:emit [fil]            skriver GraphQL-schemat (schema.graphql)`;

async function withApp<T>(
  fn: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

export async function emitSchema(file = 'schema.graphql'): Promise<string> {
  return withApp(async (app) => {
    await app.init();
    const sdl = printSchema(app.get(GraphQLSchemaHost).schema) + '\n';
    writeFileSync(resolve(file), sdl);
    return sdl;
  });
}

async function run(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const config = loadConfigOrExit();
  switch (command) {
    case 'migrate': {
      const ds = await openDatabase(config.DATABASE_URL, {
        migrate: true,
        migrationUrl: config.DATABASE_MIGRATION_URL,
        poolSize: 2,
      });
      const done = await migrationCount(ds.manager);
      await ds.destroy();
      process.stdout.write(`Databasen är migrerad (${done} migreringar).\n`);
      return;
    }
    case 'admin:ensure':
      await withApp(async (app) => {
        const r = await app.get(AuthService).ensurePlatformAdmin();
        if (r.refused) {
          process.stderr.write(
            `Fel: ${r.email} tillhör redan en person i ett förbund; välj en annan ADMIN_EMAIL för plattformens administratör.\n`,
          );
          process.exitCode = 1;
        } else process.stdout.write(`Plattformsadministratör: ${r.email}${r.created ? ' (skapad)' : ''}\n`);
      });
      return;
    case 'org:import': {
      if (!args[0]) throw new Error('ange en fil');
      const bundle = JSON.parse(readFileSync(resolve(args[0]), 'utf8'));
      await withApp(async (app) => {
        const r = await app.get(BundleService).import(bundle, null);
        process.stdout.write(
          `Förbundet ${bundle.organisation?.slug} inläst: ${r.changes} ändringar${r.created ? ' (nytt förbund)' : ''}, ${r.invitations} inbjudningar.\n`,
        );
      });
      return;
    }
    case 'org:export': {
      if (!args[0]) throw new Error('ange förbundets slug');
      await withApp(async (app) => {
        const json = JSON.stringify(await app.get(BundleService).export(args[0]), null, 1) + '\n';
        if (args[1]) writeFileSync(resolve(args[1]), json);
        else process.stdout.write(json);
      });
      return;
    }
    case 'sie:import': {
      const [slug, file] = args;
      if (!slug || !file) throw new Error('ange förbundets slug och en SIE-fil');
      await withApp(async (app) => {
        const ds = app.get<DataSource>(DATA_SOURCE);
        const org = await organisationBySlug(ds.manager, slug);
        if (!org) throw new Error(`förbundet "${slug}" finns inte`);
        const sha256 = await sha256File(resolve(file));
        const r = await app
          .get(SieImportService)
          .importStream(org.id, createReadStream(resolve(file)), { fileId: null, sha256, actorId: null });
        process.stdout.write(
          `SIE ${r.year} inläst som version ${r.version}: ${r.vouchers} verifikationer, ${r.transactions} transaktioner (${r.encoding}).\n`,
        );
        for (const w of r.warnings) process.stdout.write(`  varning: ${w}\n`);
      });
      return;
    }
    case 'report:compile': {
      const [slug, kind, yearRaw] = args;
      const outIdx = args.indexOf('--out');
      const out = resolve(outIdx >= 0 ? args[outIdx + 1] : '.');
      if (!slug || !['ARSREDOVISNING', 'DELARSRAPPORT'].includes(kind) || !/^\d{4}$/.test(yearRaw ?? ''))
        throw new Error('ange slug, ARSREDOVISNING eller DELARSRAPPORT, och år');
      await withApp(async (app) => {
        const ds = app.get<DataSource>(DATA_SOURCE);
        const org = await organisationBySlug(ds.manager, slug);
        if (!org) throw new Error(`förbundet "${slug}" finns inte`);
        const report = await app
          .get(ReportService)
          .request(org.id, kind as ReportKindEnum, Number(yearRaw), null);
        const storage = createFileStorage(loadConfig(), ds);
        const result = await compileReport(
          ds,
          storage,
          report.id,
          async (p, stage) => void process.stderr.write(`  ${String(p).padStart(3)} % ${stage}\n`),
        );
        const r = await app.get(ReportService).get(report.id);
        if (result === 'FAILED') throw new Error(r.error ?? 'sammanställningen misslyckades');
        mkdirSync(out, { recursive: true });
        for (const [fileId, ext] of [
          [r.pdfFileId, 'pdf'],
          [r.xlsxFileId, 'xlsx'],
          [r.jsonFileId, 'json'],
        ] as const) {
          const f = (await findStoredFile(ds.manager, fileId!))!;
          const target = join(out, f.original_name ?? `rapport.${ext}`);
          await pipeline(storage.open(f.sha256), createWriteStream(target));
          process.stdout.write(`${target}\n`);
        }
        const failing = r.checks.filter((c) => c.status === 'FAIL');
        process.stdout.write(
          failing.length
            ? `${failing.length} kontroller är inte godkända:\n${failing.map((c) => `  ${c.message}`).join('\n')}\n`
            : `Alla ${r.checks.length} kontroller godkända.\n`,
        );
      });
      return;
    }
    case 'nns:catalogue': {
      if (!args[0]) throw new Error('ange en katalogfil');
      const data = JSON.parse(readFileSync(resolve(args[0]), 'utf8'));
      await withApp(async (app) => {
        const c = await app.get(SurveyService).loadCatalogue(data, null);
        process.stdout.write(`NNS-katalogen ${c.catalogueKey} är inläst som version ${c.version}.\n`);
      });
      return;
    }
    case 'nns:import': {
      const [slug, yearRaw, file] = args;
      if (!slug || !/^\d{4}$/.test(yearRaw ?? '') || !file) throw new Error('ange slug, år och en fil');
      const counts = JSON.parse(readFileSync(resolve(file), 'utf8'));
      await withApp(async (app) => {
        const ds = app.get<DataSource>(DATA_SOURCE);
        const org = await organisationBySlug(ds.manager, slug);
        if (!org) throw new Error(`förbundet "${slug}" finns inte`);
        const v = await app.get(SurveyService).importCounts(org.id, Number(yearRaw), counts, null);
        process.stdout.write(
          `NNS-svar ${yearRaw} inlästa (version ${v.figures.imported?.version ?? 0}, ${v.nns.indicators.length} indikatorfrågor).\n`,
        );
      });
      return;
    }
    case 'demo:seed':
      await withApp(async (app) => {
        for (const line of await app.get(DemoSeedService).seed(resolve(args[0] ?? 'demo/samspelet')))
          process.stdout.write(`${line}\n`);
      });
      return;
    case 'schema:emit':
      await emitSchema(args[0]);
      process.stdout.write(`Schemat skrivet till ${args[0] ?? 'schema.graphql'}.\n`);
      return;
    default:
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = 2;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).catch((e: unknown) => {
    if (e instanceof AppError || e instanceof DomainValidationError) {
      process.stderr.write(`Fel: ${e.message}\n`);
      const details = e instanceof AppError ? (e.extra.details ?? []) : e.issues;
      for (const d of details) process.stderr.write(`  ${d.path}: ${d.message}\n`);
    } else {
      process.stderr.write(`Fel: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    process.exit(1);
  });
}
