import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

const COLUMNS =
  'import_id, line, series, number, voucher_date, voucher_text, account, cost_centre, objects, amount, trans_date, text';

/**
 * The database's floor for the SIE import, in seconds: the rows the importer stored, already in COPY text format
 * in a file, copied into ledger_transaction under a placeholder import in one transaction (rolled back), with
 * nothing parsed in Node. The importer can be no faster than this; the difference is its own work.
 */
export async function sieCopyFloor(url: string, importId: string, file: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query('SET LOCAL statement_timeout = 0');
    const { rows } = await c.query(
      `INSERT INTO sie_import (organisation_id, year, version, active, fiscal_year_start, fiscal_year_end, sha256, encoding, vouchers, transactions)
       SELECT organisation_id, 0, 0, false, '1970-01-01', '1970-01-01', sha256, encoding, 0, 0 FROM sie_import WHERE id = $1 RETURNING id`,
      [importId],
    );
    const placeholder = rows[0].id as string; // a uuid PostgreSQL made: safe inside the COPY text below
    const cols = COLUMNS.replace('import_id', `'${placeholder}'::uuid`);
    await pipeline(
      c.query(
        copyTo(
          `COPY (SELECT ${cols} FROM ledger_transaction WHERE import_id = '${importId}' ORDER BY line) TO STDOUT`,
        ),
      ),
      createWriteStream(file),
    );
    const t0 = process.hrtime.bigint();
    await pipeline(
      createReadStream(file),
      c.query(copyFrom(`COPY ledger_transaction (${COLUMNS}) FROM STDIN`)),
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    await c.query('ROLLBACK');
    return seconds;
  } finally {
    rmSync(file, { force: true });
    await c.end();
  }
}
