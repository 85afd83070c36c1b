import type { PoolClient } from 'pg';
import { from as copyFrom, CopyStreamQuery } from 'pg-copy-streams';
import { Tx } from '@app/infra';

/** All SQL for importing a SIE file and listing the imports (the ledger's reads: @app/infra's LedgerReader). */

export interface SieImportRow {
  id: string;
  year: number;
  version: number;
  active: boolean;
  fiscalYearStart: string;
  fiscalYearEnd: string;
  vouchers: number;
  transactions: number;
  encoding: string;
  warnings: string[];
  fileId: string | null;
  createdAt: string;
}

const IMPORT_COLUMNS = `id, year, version, active, to_char(fiscal_year_start,'YYYY-MM-DD') AS "fiscalYearStart", to_char(fiscal_year_end,'YYYY-MM-DD') AS "fiscalYearEnd",
  vouchers, transactions, encoding, warnings, file_id AS "fileId", to_char(created_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"`;

export async function sieImportById(tx: Tx, id: string): Promise<SieImportRow | null> {
  const [row] = await tx.query(`SELECT ${IMPORT_COLUMNS} FROM sie_import WHERE id = $1`, [id]);
  return row ?? null;
}

/** Every finished import of the förbund, all versions, newest first. */
export function sieImports(tx: Tx, organisationId: string): Promise<SieImportRow[]> {
  return tx.query(
    `SELECT ${IMPORT_COLUMNS} FROM sie_import WHERE organisation_id = $1 AND version > 0 ORDER BY year DESC, version DESC`,
    [organisationId],
  );
}

/** The year of the active import of exactly this file, or null when it is not the active one. */
export async function activeImportOfFile(
  tx: Tx,
  organisationId: string,
  sha256: string,
): Promise<{ year: number } | null> {
  const [row] = await tx.query(
    'SELECT year FROM sie_import WHERE organisation_id = $1 AND sha256 = $2 AND active',
    [organisationId, sha256],
  );
  return row ?? null;
}

/** Serialises imports of one förbund for the rest of the transaction. */
export async function lockOrganisationImports(tx: Tx, organisationId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 13))', [`sie:${organisationId}`]);
}

/**
 * The import's statements may run longer than the pool's statement_timeout (30 s by default): the COPY of a
 * million rows takes seconds on a quiet machine and can pass 30 s on a loaded one. Bounded still, for this
 * transaction only.
 */
export async function allowLongImport(tx: Tx): Promise<void> {
  await tx.query("SET LOCAL statement_timeout = '15min'");
}

/** A placeholder import (version 0, inactive) that the streamed transactions hang on; its id. */
export async function insertPendingImport(
  tx: Tx,
  organisationId: string,
  meta: { fileId: string | null; sha256: string; actorId: string | null },
): Promise<string> {
  const [imp] = await tx.query(
    `INSERT INTO sie_import (organisation_id, year, version, active, fiscal_year_start, fiscal_year_end, file_id, sha256, encoding, vouchers, transactions, imported_by)
     VALUES ($1, 0, 0, false, '1970-01-01', '1970-01-01', $2, $3, 'cp437', 0, 0, $4) RETURNING id`,
    [organisationId, meta.fileId, meta.sha256, meta.actorId],
  );
  return imp.id;
}

/** COPY into ledger_transaction on the transaction's own connection; write tab-separated text rows to it. */
export function copyLedgerTransactions(client: PoolClient): CopyStreamQuery {
  return client.query(
    copyFrom(
      'COPY ledger_transaction (import_id, line, series, number, voucher_date, voucher_text, account, cost_centre, objects, amount, trans_date, text) FROM STDIN',
    ),
  );
}

export async function nextImportVersion(tx: Tx, organisationId: string, year: number): Promise<number> {
  const [{ v }] = await tx.query(
    'SELECT COALESCE(max(version), 0) + 1 AS v FROM sie_import WHERE organisation_id = $1 AND year = $2',
    [organisationId, year],
  );
  return v;
}

/** Makes the pending import the year's active version; the year's earlier versions stay, inactive. */
export async function activateImport(
  tx: Tx,
  organisationId: string,
  a: {
    importId: string;
    year: number;
    version: number;
    start: string;
    end: string;
    previousStart: string | null;
    previousEnd: string | null;
    encoding: string;
    program: string | null;
    vouchers: number;
    transactions: number;
    warnings: string[];
  },
): Promise<void> {
  await tx.query('UPDATE sie_import SET active = false WHERE organisation_id = $1 AND year = $2 AND active', [
    organisationId,
    a.year,
  ]);
  await tx.query(
    `UPDATE sie_import SET year = $2, version = $3, active = true, fiscal_year_start = $4, fiscal_year_end = $5, previous_year_start = $6,
            previous_year_end = $7, encoding = $8, program = $9, vouchers = $10, transactions = $11, warnings = $12 WHERE id = $1`,
    [
      a.importId,
      a.year,
      a.version,
      a.start,
      a.end,
      a.previousStart,
      a.previousEnd,
      a.encoding,
      a.program,
      a.vouchers,
      a.transactions,
      JSON.stringify(a.warnings),
    ],
  );
}

const LEDGER_TABLES = {
  ledger_account: ['import_id', 'account', 'name', 'type'],
  ledger_object: ['import_id', 'dimension', 'code', 'name'],
  ledger_balance: [
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
} as const;

/** Inserts an import's accounts, objects or balances, 1000 rows a statement; each row in the table's column order. */
export async function insertLedgerRows(
  tx: Tx,
  table: keyof typeof LEDGER_TABLES,
  rows: unknown[][],
): Promise<void> {
  const cols = LEDGER_TABLES[table];
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
    await tx.query(`INSERT INTO ${table} (${cols.join(',')}) VALUES ${values.join(',')}`, params);
  }
}
