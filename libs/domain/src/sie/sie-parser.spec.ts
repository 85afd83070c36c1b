import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EncodingGuess,
  decodeSieLineBatches,
  decodeSieLines,
  MAX_SIE_LINE_CHARS,
  SieLineTooLongError,
} from './sie-encoding';
import { parseSie, SieTransaction } from './sie-parser';
import { tokenizeSieLine } from './sie-tokenizer';
import { money, sum, toAmountString } from '../money/money';

const ROOT = join(__dirname, '../../../..');
const BROKEN = join(ROOT, 'test/fixtures/sie-broken');

async function parseFile(file: string) {
  let enc: EncodingGuess | null = null;
  const rows: SieTransaction[] = [];
  const summary = await parseSie(
    decodeSieLines(createReadStream(file, { highWaterMark: 1024 }), (g) => (enc = g)),
    { transaction: (t) => void rows.push(t) },
    { encoding: () => enc },
  );
  return { summary, rows };
}

describe('SIE tokenizer', () => {
  it('reads quoted strings with escaped quotes and object lists', () => {
    expect(tokenizeSieLine('#TRANS 4610 {1 "822" 6 "P 1"} -12.50 20250101 "Text med \\"citat\\""')).toEqual({
      label: '#TRANS',
      fields: [
        { kind: 'word', value: '4610', quoted: false },
        { kind: 'list', items: ['1', '822', '6', 'P 1'] },
        { kind: 'word', value: '-12.50', quoted: false },
        { kind: 'word', value: '20250101', quoted: false },
        { kind: 'word', value: 'Text med "citat"', quoted: true },
      ],
    });
  });
});

describe('SIE parser on the Samspelet files', () => {
  it.each(['samspelet-2024.se', 'samspelet-2025.se'])('%s reads clean, as CP437', async (name) => {
    const { summary, rows } = await parseFile(join(ROOT, 'demo/samspelet/sie', name));
    expect(summary.errors).toEqual([]);
    expect(summary.encoding?.encoding).toBe('cp437');
    expect(summary.transactions).toBe(608);
    expect(rows).toHaveLength(608);
    expect(summary.accounts.get('1680')?.name).toBe('Övriga kortfristiga fordringar');
    expect(summary.header.FNAMN).toBe('Samordningsförbundet Samspelet');
    expect(summary.objects.get('1')?.size).toBe(14);
  });

  it('sums cost centre 822 to the published outcome', async () => {
    const { rows } = await parseFile(join(ROOT, 'demo/samspelet/sie/samspelet-2025.se'));
    const total = (pred: (t: SieTransaction) => boolean) =>
      toAmountString(sum(rows.filter(pred).map((t) => money(t.amount))));
    expect(total((t) => t.costCentre === '822')).toBe('2245000.00');
    expect(total((t) => t.costCentre === '822' && t.voucherDate <= '2025-06-30')).toBe('1184000.00');
  });
});

describe('SIE parser refuses broken files with the right line', () => {
  const expected: Record<string, { line: number | null; message: string | null }> = JSON.parse(
    readFileSync(join(BROKEN, 'expected.json'), 'utf8'),
  );
  it.each(Object.entries(expected))('%s', async (name, exp) => {
    const { summary } = await parseFile(join(BROKEN, name));
    if (exp.line === null) {
      expect(summary.errors).toEqual([]);
      return;
    }
    expect(summary.errors.length).toBeGreaterThan(0);
    expect(summary.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: exp.line, message: expect.stringContaining(exp.message!) }),
      ]),
    );
  });

  it('reads a UTF-8 file that says PC8 with å ä ö intact, and says which encoding it assumed', async () => {
    const { summary } = await parseFile(join(ROOT, 'test/fixtures/sie-utf8-declared-pc8.se'));
    expect(summary.errors).toEqual([]);
    expect(summary.encoding).toEqual({ encoding: 'utf-8', warning: expect.stringContaining('UTF-8') });
    expect(summary.accounts.get('3010')?.name).toBe('Driftbidrag från staten');
    expect(summary.accounts.get('4610')?.name).toBe('Köp av tjänster');
  });

  it('keeps unknown labels as warnings and reads #RTRANS once, ignoring #BTRANS', async () => {
    const text = [
      '#FORMAT PC8',
      '#SIETYP 4',
      '#RAR 0 20250101 20251231',
      '#NYETIKETT 1 2 3',
      '#IB 0 1930 0',
      '#UB 0 1930 100.00',
      '#RES 0 3010 -100.00',
      '#PSALDO 0 202501 3010 {1 "800"} -100.00',
      '#OBJEKT 1 "800" "Adm"',
      '#VER A 1 20250110 "x"',
      '{',
      '#TRANS 1930 {} 100.00',
      '#BTRANS 3010 {} -999.00',
      '#RTRANS 3010 {} -100.00',
      '#TRANS 3010 {} -100.00',
      '}',
    ].join('\n');
    async function* chunks() {
      yield Buffer.from(text, 'latin1');
    }
    const rows: SieTransaction[] = [];
    const s = await parseSie(decodeSieLines(chunks()), { transaction: (t) => void rows.push(t) });
    expect(s.errors).toEqual([]);
    expect(rows.map((r) => [r.account, r.amount, r.kind])).toEqual([
      ['1930', '100.00', 'TRANS'],
      ['3010', '-100.00', 'RTRANS'],
    ]);
    expect(s.warnings).toEqual(
      expect.arrayContaining([{ line: 4, message: 'okänd post #NYETIKETT (1 st) hoppades över' }]),
    );
    expect(s.balances.find((b) => b.kind === 'PSALDO')).toEqual(
      expect.objectContaining({ period: '202501', objects: [['1', '800']], amount: '-100.00' }),
    );
  });
});

describe('SIE lines, long and hostile', () => {
  async function* chunked(text: string, size = 64 * 1024): AsyncGenerator<Uint8Array> {
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  async function lines(text: string): Promise<number> {
    let n = 0;
    for await (const l of decodeSieLines(chunked(text))) n = l.line;
    return n;
  }

  it('refuses a 5 MB single line quickly, naming the line, instead of scanning it again per chunk', async () => {
    const started = Date.now();
    const text = '#FLAGGA 0\n#PROGRAM "x" 1\n#TRANS ' + 'A'.repeat(5 * 1024 * 1024) + '\n';
    await expect(lines(text)).rejects.toThrow(new SieLineTooLongError(3, MAX_SIE_LINE_CHARS));
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('still reads many short lines and lines split across chunks', async () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `#TRANS 4610 {} ${i}.00`).join('\r\n') + '\r\n';
    await expect(lines(text)).resolves.toBe(50_000);
    const split: string[] = [];
    for await (const l of decodeSieLines(chunked('#A 1\n#B 22\n#C', 3))) split.push(l.text);
    expect(split).toEqual(['#A 1', '#B 22', '#C']);
  });
});

describe('SIE lines in batches (the importer reads them so)', () => {
  const header = (n: number) => [
    '#FLAGGA 0',
    '#RAR 0 20250101 20251231',
    '#KONTO 1930 "Bank"',
    '#KONTO 3010 "Bidrag från staten"',
    '#DIM 1 "Kostnadsställe"',
    '#OBJEKT 1 "8 2" "Kostnadsställe \\"åtta\\""',
    `#UB 0 1930 ${n * 100}.00`,
    `#RES 0 3010 -${n * 100}.00`,
  ];
  function vouchers(n: number, bad: number | null): string[] {
    const out: string[] = [];
    for (let v = 1; v <= n; v++) {
      out.push(`#VER A ${v} 20250110 "Bidrag \\"${v}\\" från Försäkringskassan"`, '{');
      out.push(`   #TRANS 1930 {1 "8 2"} ${v === bad ? '1x.00' : '100.00'} "" "Bänkrad ${v}"`);
      out.push('   #TRANS 3010 {} -100.00', '}');
    }
    return out;
  }
  async function* bytes(text: string, size: number): AsyncGenerator<Uint8Array> {
    const b = Buffer.from(text, 'utf8');
    for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
  }
  async function parse(text: string, size: number) {
    const rows: SieTransaction[] = [];
    const s = await parseSie(decodeSieLineBatches(bytes(text, size)), {
      transaction: (t) => void rows.push(t),
    });
    return { s, rows };
  }

  it('reads the same rows however the bytes are chunked: inside a multi-byte letter, a quoted field, \\r\\n', async () => {
    const text = [...header(2000), ...vouchers(2000, null)].join('\r\n') + '\r\n';
    const whole = await parse(text, 1 << 30);
    expect(whole.s.errors).toEqual([]);
    expect(whole.rows).toHaveLength(4000);
    expect(whole.rows[0]).toEqual(
      expect.objectContaining({
        line: header(0).length + 3,
        voucherText: 'Bidrag "1" från Försäkringskassan',
        objects: [['1', '8 2']],
        costCentre: '8 2',
        text: 'Bänkrad 1',
      }),
    );
    for (const size of [1, 2, 3, 7, 64, 4099]) {
      const { s, rows } = await parse(text, size);
      expect({ size, errors: s.errors }).toEqual({ size, errors: [] });
      expect(rows).toEqual(whole.rows);
      expect(s.objects.get('1')?.get('8 2')).toBe('Kostnadsställe "åtta"');
    }
  });

  it('names the right line for an error far past the first chunk', async () => {
    const text = [...header(3000), ...vouchers(3000, 2500)].join('\n') + '\n';
    const bad = header(0).length + (2500 - 1) * 5 + 3; // the #TRANS 1930 row of voucher 2500
    for (const size of [5, 64 * 1024]) {
      const { s } = await parse(text, size);
      const amountErrors = s.errors.filter((e) => e.message.startsWith('#TRANS har inget giltigt belopp'));
      expect(amountErrors).toEqual([{ line: bad, message: '#TRANS har inget giltigt belopp ("1x.00")' }]);
      expect(s.errors).toContainEqual({
        line: bad - 2,
        message: 'verifikation A 2500 balanserar inte: summan av raderna är -100.00 i stället för 0',
      });
    }
  });
});
