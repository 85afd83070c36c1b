import type { SieTransaction } from '@app/domain';

const COPY_SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: tab separated, \N for null, backslash escapes. */
export function copyField(v: string | null): string {
  if (v === null) return '\\N';
  if (!COPY_SPECIAL.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * Turns an import's transactions into COPY text rows for ledger_transaction, written as UTF-8 straight into
 * fixed-size byte chunks. Each row's string dies young; only the chunks live until PostgreSQL takes them (a
 * megabyte of rows held as strings until then made the garbage collector the importer's largest cost). The
 * columns a voucher's rows share are escaped once per voucher.
 */
export class LedgerCopyRows {
  private chunk: Buffer;
  private used = 0;
  private voucherOf: SieTransaction | null = null;
  private voucherColumns = '';

  constructor(
    private readonly importId: string,
    private readonly chunkBytes = 1024 * 1024,
  ) {
    this.chunk = Buffer.allocUnsafe(chunkBytes);
  }

  /** Adds a row; returns the bytes to send when a chunk is full, else null. */
  add(t: SieTransaction): Buffer | null {
    const v = this.voucherOf;
    if (
      v === null ||
      t.number !== v.number ||
      t.series !== v.series ||
      t.voucherDate !== v.voucherDate ||
      t.voucherText !== v.voucherText
    ) {
      this.voucherOf = t;
      this.voucherColumns = `${copyField(t.series)}\t${copyField(t.number)}\t${t.voucherDate}\t${copyField(t.voucherText)}`;
    }
    // objects is stored only when the row has objects beyond its cost centre, which cost_centre already holds
    // (see the column's comment, migration 1764096000000): lossless, and a third of PostgreSQL's work per row.
    const o = t.objects;
    const objects =
      o.length === 0 || (o.length === 1 && o[0][0] === '1') ? '\\N' : copyField(JSON.stringify(o));
    const row = `${this.importId}\t${t.line}\t${this.voucherColumns}\t${t.account}\t${copyField(t.costCentre)}\t${objects}\t${t.amount}\t${t.transDate ?? '\\N'}\t${copyField(t.text)}\n`;
    // A UTF-16 code unit is at most 3 bytes of UTF-8: the row surely fits when this many bytes are free.
    const most = row.length * 3;
    if (this.used + most <= this.chunkBytes) {
      this.used += this.chunk.write(row, this.used);
      return this.used > this.chunkBytes - 1024 ? this.take() : null;
    }
    const full = this.take();
    if (most > this.chunkBytes) return Buffer.concat([full, Buffer.from(row)]); // a row larger than a chunk
    this.used = this.chunk.write(row, 0);
    return full;
  }

  /** The rows not yet sent; null when there are none. */
  rest(): Buffer | null {
    return this.used ? this.take() : null;
  }

  private take(): Buffer {
    const full = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(this.chunkBytes);
    this.used = 0;
    return full;
  }
}
