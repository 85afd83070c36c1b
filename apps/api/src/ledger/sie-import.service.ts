import { Inject, Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource, QueryRunner } from 'typeorm';
import type { PoolClient } from 'pg';
import {
  decodeSieLineBatches,
  EncodingGuess,
  parseSie,
  SieLineTooLongError,
  SieProblem,
  SieSummary,
  SieTransaction,
} from '@app/domain';
import { appendAudit } from '@app/infra';
import { DATA_SOURCE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { LedgerError } from '../common/errors/error-codes';
import { FilesService } from '../files/files.service';
import {
  activateImport,
  allowLongImport,
  copyLedgerTransactions,
  insertLedgerRows,
  insertPendingImport,
  lockOrganisationImports,
  nextImportVersion,
} from './sie-import.store';
import { costCentreCodes } from './budget.store';
import { LedgerCopyRows } from './ledger-copy-rows';

export interface SieImportResult {
  id: string;
  organisationId: string;
  year: number;
  version: number;
  fiscalYearStart: string;
  fiscalYearEnd: string;
  vouchers: number;
  transactions: number;
  encoding: string;
  warnings: string[];
}

const problemText = (p: SieProblem) => `rad ${p.line}: ${p.message}`;

/**
 * Imports a SIE 4 file as one all-or-nothing transaction: transactions stream into PostgreSQL with COPY while
 * the file is parsed and checked; any error rolls everything back and lists every line at fault. A new import
 * of a year becomes its active version; older versions are kept.
 */
@Injectable()
export class SieImportService {
  private readonly logger = new Logger(SieImportService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly files: FilesService,
  ) {}

  async importFile(organisationId: string, fileId: string, actorId: string | null): Promise<SieImportResult> {
    const file = await this.files.get(fileId);
    // Another förbund's file is answered like one that does not exist (no existence leak).
    if (!file || file.organisationId !== organisationId)
      throw new AppError(LedgerError.FILE_NOT_FOUND, 'Filen finns inte; ladda upp den först.');
    return this.importStream(organisationId, this.files.open(file), { fileId, sha256: file.sha256, actorId });
  }

  async importStream(
    organisationId: string,
    content: Readable,
    meta: { fileId: string | null; sha256: string; actorId: string | null },
  ): Promise<SieImportResult> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      const result = await this.run(qr, organisationId, content, meta);
      await qr.commitTransaction();
      this.logger.log(
        { organisationId, year: result.year, version: result.version, transactions: result.transactions },
        'SIE file imported',
      );
      return result;
    } catch (e) {
      await qr.rollbackTransaction().catch(() => undefined);
      content.destroy();
      throw e;
    } finally {
      await qr.release();
    }
  }

  private async run(
    qr: QueryRunner,
    organisationId: string,
    content: Readable,
    meta: { fileId: string | null; sha256: string; actorId: string | null },
  ): Promise<SieImportResult> {
    const em = qr.manager;
    await lockOrganisationImports(em, organisationId);
    await allowLongImport(em);
    const importId = await insertPendingImport(em, organisationId, meta);
    const client = (qr as unknown as { databaseConnection: PoolClient }).databaseConnection;
    const copy = copyLedgerTransactions(client);
    const copyDone = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    let copyError: Error | null = null;
    copy.on('error', (e: Error) => (copyError = e));
    // Waits for PostgreSQL to take the bytes when the COPY stream is full, or for the COPY to fail (a failed COPY
    // never drains).
    const send = async (bytes: Buffer) => {
      if (copyError) throw copyError;
      if (copy.write(bytes)) return;
      await new Promise<void>((resolve, reject) => {
        const done = (e?: Error) => {
          copy.off('drain', done);
          copy.off('error', done);
          if (e) reject(e);
          else resolve();
        };
        copy.on('drain', done);
        copy.on('error', done);
      });
    };
    let encoding: EncodingGuess | null = null;
    // The cost centres the file uses, gathered while streaming (no second scan of the rows just copied).
    const usedCentres = new Set<string>();
    const rows = new LedgerCopyRows(importId);
    const sink = {
      // Only a full chunk has anything to wait for; every other row returns at once (no promise per row).
      transaction: (t: SieTransaction): void | Promise<void> => {
        if (t.costCentre !== null) usedCentres.add(t.costCentre);
        const full = rows.add(t);
        if (full) return send(full);
      },
    };
    let summary: SieSummary;
    try {
      summary = await parseSie(
        decodeSieLineBatches(content, (g) => (encoding = g)),
        sink,
        { encoding: () => encoding },
      );
      const rest = rows.rest();
      if (rest) await send(rest);
      copy.end();
      await copyDone;
    } catch (e) {
      copy.destroy();
      if (e instanceof SieLineTooLongError) {
        const details = [{ path: `rad ${e.line}`, message: e.message, line: e.line }];
        throw new AppError(
          LedgerError.FILE_INVALID,
          'SIE-filen innehåller fel och har inte lästs in; inget har sparats.',
          { details },
        );
      }
      throw e;
    }

    if (summary.errors.length) {
      const more = summary.errors.length >= 200 ? ' (de första 200)' : '';
      throw new AppError(
        LedgerError.FILE_INVALID,
        `SIE-filen innehåller fel${more} och har inte lästs in; inget har sparats.`,
        {
          details: summary.errors.map((p) => ({ path: `rad ${p.line}`, message: p.message, line: p.line })),
        },
      );
    }

    const fy = summary.fiscalYears.find((y) => y.offset === 0)!;
    const prev = summary.fiscalYears.find((y) => y.offset === -1) ?? null;
    const year = Number(fy.start.slice(0, 4));
    const warnings = summary.warnings.map(problemText);
    if (summary.encoding?.warning) warnings.unshift(summary.encoding.warning);

    // Cost centres in the file that the förbund does not have are reported, not invented.
    const centres = await costCentreCodes(em, organisationId);
    for (const cost_centre of usedCentres) {
      if (!centres.has(cost_centre))
        warnings.push(
          `kostnadsställe ${cost_centre} finns i filen men inte i förbundet; lägg till det för att det ska synas i rapporterna`,
        );
    }

    const v = await nextImportVersion(em, organisationId, year);
    await activateImport(em, organisationId, {
      importId,
      year,
      version: v,
      start: fy.start,
      end: fy.end,
      previousStart: prev?.start ?? null,
      previousEnd: prev?.end ?? null,
      encoding: summary.encoding?.encoding ?? 'cp437',
      program: summary.header.PROGRAM ?? null,
      vouchers: summary.vouchers,
      transactions: summary.transactions,
      warnings,
    });
    await insertLedgerRows(
      em,
      'ledger_account',
      [...summary.accounts].map(([account, a]) => [importId, account, a.name, a.type]),
    );
    await insertLedgerRows(
      em,
      'ledger_object',
      [...summary.objects].flatMap(([dim, m]) => [...m].map(([code, name]) => [importId, dim, code, name])),
    );
    await insertLedgerRows(
      em,
      'ledger_balance',
      summary.balances.map((b) => [
        importId,
        b.line,
        b.kind,
        b.yearOffset,
        b.period,
        b.account,
        b.objects.find(([d]) => d === '1')?.[1] ?? null,
        b.objects.length ? JSON.stringify(b.objects) : null,
        b.amount,
        b.quantity,
      ]),
    );
    await appendAudit(em, {
      organisationId,
      actorId: meta.actorId,
      action: 'ledger.sie_imported',
      entityType: 'sie_import',
      entityId: importId,
      toState: 'ACTIVE',
      payload: {
        year,
        version: v,
        vouchers: summary.vouchers,
        transactions: summary.transactions,
        fileId: meta.fileId,
        warnings: warnings.length,
      },
      documentHash: meta.sha256,
    });
    return {
      id: importId,
      organisationId,
      year,
      version: v,
      fiscalYearStart: fy.start,
      fiscalYearEnd: fy.end,
      vouchers: summary.vouchers,
      transactions: summary.transactions,
      encoding: summary.encoding?.encoding ?? 'cp437',
      warnings,
    };
  }
}
