import { createWriteStream } from 'node:fs';
import * as iconv from 'iconv-lite';
import Decimal from 'decimal.js';
import { toAmountString } from '@app/domain';

/**
 * Writes a valid SIE 4 file with `rows` #TRANS rows (vouchers of two rows), balances that agree, in CP437.
 * Amounts vary so that nothing can be shortcut.
 */
export async function generateSie(
  path: string,
  rows: number,
  opts: { costCentres?: number; year?: number } = {},
): Promise<void> {
  const year = opts.year ?? 2025;
  const centres = opts.costCentres ?? 60;
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(iconv.encode(s, 'cp437')) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
  let head = `#FLAGGA 0\r\n#PROGRAM "Benchmark" 1.0\r\n#FORMAT PC8\r\n#GEN ${year}0115\r\n#SIETYP 4\r\n#FNAMN "Samordningsförbundet Bänk"\r\n`;
  head += `#RAR 0 ${year}0101 ${year}1231\r\n#RAR -1 ${year - 1}0101 ${year - 1}1231\r\n`;
  head +=
    '#KONTO 1930 "Bank"\r\n#KTYP 1930 T\r\n#KONTO 3010 "Driftbidrag från staten"\r\n#KTYP 3010 I\r\n#KONTO 4610 "Köp av tjänster"\r\n#KTYP 4610 K\r\n#DIM 1 "Kostnadsställe"\r\n';
  for (let c = 0; c < centres; c++) head += `#OBJEKT 1 "${800 + c}" "Kostnadsställe ${800 + c}"\r\n`;
  // totals first (computed exactly in öre), then the vouchers
  let cost = 0n;
  let income = 0n;
  const amountOf = (i: number) => BigInt(1000 + ((i * 7919) % 500000)); // öre
  for (let v = 0; v < rows / 2; v++) {
    if (v % 10 === 0) income += amountOf(v);
    else cost += amountOf(v);
  }
  const kr = (ore: bigint) => toAmountString(new Decimal(ore.toString()).dividedBy(100));
  head += `#IB 0 1930 ${kr(100000000n)}\r\n#UB 0 1930 ${kr(100000000n + income - cost)}\r\n#RES 0 3010 ${kr(-income)}\r\n#RES 0 4610 ${kr(cost)}\r\n`;
  await write(head);
  let buf = '';
  for (let v = 0; v < rows / 2; v++) {
    const a = kr(amountOf(v));
    const month = String((v % 12) + 1).padStart(2, '0');
    const day = String((v % 28) + 1).padStart(2, '0');
    const cc = 800 + (v % centres);
    buf +=
      v % 10 === 0
        ? `#VER A ${v + 1} ${year}${month}${day} "Medel ${v}"\r\n{\r\n   #TRANS 1930 {} ${a}\r\n   #TRANS 3010 {} -${a}\r\n}\r\n`
        : `#VER B ${v + 1} ${year}${month}${day} "Faktura ${v}"\r\n{\r\n   #TRANS 4610 {1 "${cc}"} ${a}\r\n   #TRANS 1930 {} -${a}\r\n}\r\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((resolve) => out.end(resolve));
}
