import { Inject, Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource, QueryRunner } from 'typeorm';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  decodeSieLines,
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

/** COPY text format: tab separated, \N for null, backslash escapes. */
function copyField(v: string | null): string {
  if (v === null) return '\\N';
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
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
    if (!file) throw new AppError(LedgerError.FILE_NOT_FOUND, 'Filen finns inte; ladda upp den först.');
    if (file.organisationId !== organisationId)
      throw new AppError(LedgerError.WRONG_ORGANISATION, 'Filen hör till ett annat förbund.');
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
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 13))', [`sie:${organisationId}`]);
    const [imp] = await em.query(
      `INSERT INTO sie_import (organisation_id, year, version, active, fiscal_year_start, fiscal_year_end, file_id, sha256, encoding, vouchers, transactions, imported_by)
       VALUES ($1, 0, 0, false, '1970-01-01', '1970-01-01', $2, $3, 'cp437', 0, 0, $4) RETURNING id`,
      [organisationId, meta.fileId, meta.sha256, meta.actorId],
    );
    const importId: string = imp.id;
    const client = (qr as unknown as { databaseConnection: PoolClient }).databaseConnection;
    const copy = client.query(
      copyFrom(
        'COPY ledger_transaction (import_id, line, series, number, voucher_date, voucher_text, account, cost_centre, objects, amount, trans_date, text) FROM STDIN',
      ),
    );
    const copyDone = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    let copyError: Error | null = null;
    copy.on('error', (e: Error) => (copyError = e));
    let buffer = '';
    const flush = async () => {
      if (!buffer) return;
      const ok = copy.write(buffer);
      buffer = '';
      if (!ok) await new Promise<void>((resolve) => copy.once('drain', resolve));
    };
    let encoding: EncodingGuess | null = null;
    const sink = {
      transaction: async (t: SieTransaction) => {
        buffer +=
          [
            importId,
            String(t.line),
            copyField(t.series),
            copyField(t.number),
            t.voucherDate,
            copyField(t.voucherText),
            t.account,
            copyField(t.costCentre),
            copyField(t.objects.length ? JSON.stringify(t.objects) : null),
            t.amount,
            copyField(t.transDate),
            copyField(t.text),
          ].join('\t') + '\n';
        if (buffer.length > 256 * 1024) await flush();
        if (copyError) throw copyError;
      },
    };
    let summary: SieSummary;
    try {
      summary = await parseSie(
        decodeSieLines(content, (g) => (encoding = g)),
        sink,
        { encoding: () => encoding },
      );
      await flush();
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
    const centres = new Set<string>(
      (await em.query('SELECT code FROM cost_centre WHERE organisation_id = $1', [organisationId])).map(
        (r: { code: string }) => r.code,
      ),
    );
    const used: Array<{ cost_centre: string }> = await em.query(
      'SELECT DISTINCT cost_centre FROM ledger_transaction WHERE import_id = $1 AND cost_centre IS NOT NULL',
      [importId],
    );
    for (const { cost_centre } of used) {
      if (!centres.has(cost_centre))
        warnings.push(
          `kostnadsställe ${cost_centre} finns i filen men inte i förbundet; lägg till det för att det ska synas i rapporterna`,
        );
    }

    const [{ v }] = await em.query(
      'SELECT COALESCE(max(version), 0) + 1 AS v FROM sie_import WHERE organisation_id = $1 AND year = $2',
      [organisationId, year],
    );
    await em.query(
      'UPDATE sie_import SET active = false WHERE organisation_id = $1 AND year = $2 AND active',
      [organisationId, year],
    );
    await em.query(
      `UPDATE sie_import SET year = $2, version = $3, active = true, fiscal_year_start = $4, fiscal_year_end = $5, previous_year_start = $6,
              previous_year_end = $7, encoding = $8, program = $9, vouchers = $10, transactions = $11, warnings = $12 WHERE id = $1`,
      [
        importId,
        year,
        v,
        fy.start,
        fy.end,
        prev?.start ?? null,
        prev?.end ?? null,
        summary.encoding?.encoding ?? 'cp437',
        summary.header.PROGRAM ?? null,
        summary.vouchers,
        summary.transactions,
        JSON.stringify(warnings),
      ],
    );
    await this.insertRows(
      em,
      'ledger_account',
      ['import_id', 'account', 'name', 'type'],
      [...summary.accounts].map(([account, a]) => [importId, account, a.name, a.type]),
    );
    await this.insertRows(
      em,
      'ledger_object',
      ['import_id', 'dimension', 'code', 'name'],
      [...summary.objects].flatMap(([dim, m]) => [...m].map(([code, name]) => [importId, dim, code, name])),
    );
    await this.insertRows(
      em,
      'ledger_balance',
      [
        'import_id',
        'line',
        'kind',
        'year_offset',
        'period',
        'account',
        'cost_centre',
        'objects',
        'amount',
        'quantity',
      ],
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

  private async insertRows(
    em: QueryRunner['manager'],
    table: string,
    cols: string[],
    rows: unknown[][],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const params: unknown[] = [];
      const values = chunk.map(
        (r) =>
          `(${r
            .map((v) => {
              params.push(v);
              return `$${params.length}`;
            })
            .join(',')})`,
      );
      await em.query(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${values.join(',')}`, params);
    }
  }
}
