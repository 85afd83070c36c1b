import type { SieTransaction } from '@app/domain';
import { LedgerCopyRows } from './ledger-copy-rows';

const ID = '3bf981e6-ab8b-477b-a1da-d501d25e3110';

function trans(line: number, over: Partial<SieTransaction> = {}): SieTransaction {
  return {
    line,
    kind: 'TRANS',
    series: 'B',
    number: String(Math.ceil(line / 2)),
    voucherDate: '2025-03-04',
    voucherText: `Faktura ${line}`,
    account: '4610',
    costCentre: '813',
    objects: [['1', '813']],
    amount: '-12.50',
    transDate: null,
    text: null,
    quantity: null,
    ...over,
  };
}

/** Every chunk the writer hands out, then the rest, decoded as one text. */
function copyText(rows: LedgerCopyRows, ts: SieTransaction[]): { text: string; chunks: number } {
  const parts: Buffer[] = [];
  for (const t of ts) {
    const full = rows.add(t);
    if (full) parts.push(Buffer.from(full)); // a copy: the writer must never reuse a chunk it handed out
  }
  const rest = rows.rest();
  if (rest) parts.push(rest);
  return { text: Buffer.concat(parts).toString('utf8'), chunks: parts.length };
}

describe('LedgerCopyRows (COPY text for ledger_transaction)', () => {
  it('writes one row per transaction in the COPY text format, with \\N for missing values', () => {
    const { text } = copyText(new LedgerCopyRows(ID), [
      trans(1),
      trans(2, { costCentre: null, objects: [], transDate: '2025-03-05', text: 'rad' }),
    ]);
    expect(text.split('\n')).toEqual([
      `${ID}\t1\tB\t1\t2025-03-04\tFaktura 1\t4610\t813\t\\N\t-12.50\t\\N\t\\N`,
      `${ID}\t2\tB\t1\t2025-03-04\tFaktura 2\t4610\t\\N\t\\N\t-12.50\t2025-03-05\trad`,
      '',
    ]);
  });

  it('stores objects only when a row has objects beyond its cost centre, and then all of them', () => {
    const { text } = copyText(new LedgerCopyRows(ID), [
      trans(1, {
        objects: [
          ['1', '813'],
          ['6', 'P1'],
        ],
      }),
      trans(2, { costCentre: null, objects: [['6', 'P"2']] }),
      trans(3, {
        objects: [
          ['1', '813'],
          ['1', '814'],
        ],
      }),
    ]);
    const objects = text
      .split('\n')
      .filter(Boolean)
      .map((row) => row.split('\t')[8]);
    expect(objects).toEqual(['[["1","813"],["6","P1"]]', '[["6","P\\\\"2"]]', '[["1","813"],["1","814"]]']);
  });

  it('escapes tabs, newlines and backslashes in every text column, also when the voucher changes', () => {
    const { text } = copyText(new LedgerCopyRows(ID), [
      trans(1, { voucherText: 'a\tb', text: 'c\\d' }),
      trans(2, { voucherText: 'e\nf', series: 'S\\' }),
    ]);
    const [first, second] = text.split('\n');
    expect(first.split('\t')[5]).toBe('a\\tb');
    expect(first.split('\t')[11]).toBe('c\\\\d');
    expect(second.split('\t').slice(2, 6)).toEqual(['S\\\\', '1', '2025-03-04', 'e\\nf']);
  });

  it('keeps rows whole and Swedish letters intact across chunk boundaries (small chunks, multi-byte text)', () => {
    const ts = Array.from({ length: 500 }, (_, i) =>
      trans(i + 1, { voucherText: `Köp av tjänster ÅÄÖ åäö "${i}" ${'é'.repeat(i % 37)}` }),
    );
    const small = copyText(new LedgerCopyRows(ID, 2048), ts);
    const large = copyText(new LedgerCopyRows(ID), ts);
    expect(small.chunks).toBeGreaterThan(10);
    expect(small.text).toBe(large.text);
    const lines = small.text.split('\n');
    expect(lines).toHaveLength(501);
    expect(lines[499].split('\t')[5]).toBe(`Köp av tjänster ÅÄÖ åäö "499" ${'é'.repeat(499 % 37)}`);
    expect(lines.slice(0, 500).every((l, i) => l.split('\t')[1] === String(i + 1))).toBe(true);
  });

  it('sends a row larger than a chunk whole', () => {
    const long = 'å'.repeat(3000);
    const { text } = copyText(new LedgerCopyRows(ID, 1024), [trans(1), trans(2, { text: long }), trans(3)]);
    expect(text.split('\n').map((l) => l.split('\t')[11])).toEqual(['\\N', long, '\\N', undefined]);
  });
});
