import { ExactSum } from './exact-sum';
import { toAmountString } from '../money/money';
import { EncodingGuess, SieLine } from './sie-encoding';
import { SieSyntaxError, SieToken, tokenizeSieLine } from './sie-tokenizer';
import { SieSink, SieSummary } from './sie-types';
import { AMOUNT, isoDate, pairs, word } from './sie-fields';
import { readRecord, SieYear } from './sie-records';
import { checkSieTotals } from './sie-checks';

// The parser's public shapes live in sie-types.ts; exported here too, as they always were.
export * from './sie-types';

const MAX_ERRORS = 200;
const MAX_EMPTY_RUN = 1000;
/** Labels we read or knowingly pass over (they carry nothing the platform uses). */
const KNOWN_IGNORED = new Set([
  '#FLAGGA',
  '#KSUMMA',
  '#PROSA',
  '#FTYP',
  '#ADRESS',
  '#FNR',
  '#TAXAR',
  '#BKOD',
  '#OMFATTN',
  '#VALUTA',
  '#SRU',
  '#ENHET',
  '#UNDERDIM',
]);

interface OpenVoucher {
  line: number;
  series: string;
  number: string;
  date: string;
  text: string | null;
  sum: ExactSum;
  opened: boolean;
}

/**
 * Reads a SIE 4 file line by line, hands every transaction to the sink as it comes, and checks what a correct
 * import needs: vouchers balance, voucher dates fall in the fiscal year, IB + Σ TRANS = UB for balance accounts
 * and Σ TRANS = RES for result accounts, every object used is declared, the file's structure is whole.
 * Problems carry line numbers; parsing goes on after an error so that one pass lists them all.
 */
export async function parseSie(
  lines: AsyncIterable<SieLine> | AsyncIterable<SieLine[]>,
  sink: SieSink,
  opts: { encoding?: () => EncodingGuess | null } = {},
): Promise<SieSummary> {
  const s: SieSummary = {
    encoding: null,
    header: {},
    fiscalYears: [],
    accounts: new Map(),
    dimensions: new Map(),
    objects: new Map(),
    balances: [],
    vouchers: 0,
    transactions: 0,
    lines: 0,
    warnings: [],
    errors: [],
  };
  const error = (line: number, message: string) => {
    if (s.errors.length < MAX_ERRORS) s.errors.push({ line, message });
  };
  const unknownLabels = new Map<string, { line: number; count: number }>();
  const sums = new Map<string, ExactSum>();
  const objectUses = new Map<string, number>(); // "dim|code" -> first line used
  let voucher: OpenVoucher | null = null;
  let skipNextTrans: string | null = null;
  let emptyRun = 0;
  let emptyRunStart = 0;
  let sawRecord = false;
  const year: SieYear = { start: null, end: null };

  // One line; returns the sink's promise only when the sink must be waited for (no await per line).
  const step = (line: number, text: string): void | Promise<void> => {
    s.lines = line;
    const trimmed = text.trim();
    if (trimmed === '') {
      if (emptyRun === 0) emptyRunStart = line;
      emptyRun++;
      if (emptyRun === MAX_EMPTY_RUN + 1)
        error(
          emptyRunStart,
          `fler än ${MAX_EMPTY_RUN} tomma rader i följd från rad ${emptyRunStart}; filen verkar trasig`,
        );
      return;
    }
    emptyRun = 0;

    if (trimmed === '{') {
      if (!voucher) error(line, '{ utan föregående #VER');
      else if (voucher.opened) error(line, 'ett andra { i samma verifikation');
      else voucher.opened = true;
      return;
    }
    if (trimmed === '}') {
      if (!voucher || !voucher.opened) {
        error(line, '} utan öppen verifikation');
        return;
      }
      if (!voucher.sum.isZero()) {
        error(
          voucher.line,
          `verifikation ${voucher.series} ${voucher.number} balanserar inte: summan av raderna är ${toAmountString(voucher.sum.toDecimal())} i stället för 0`,
        );
      }
      voucher = null;
      return;
    }
    if (!trimmed.startsWith('#')) {
      error(line, `raden börjar inte med en etikett (#…): "${trimmed.slice(0, 40)}"`);
      return;
    }
    sawRecord = true;
    let label: string;
    let f: SieToken[];
    try {
      ({ label, fields: f } = tokenizeSieLine(trimmed));
    } catch (e) {
      if (e instanceof SieSyntaxError) {
        error(line, e.message);
        return;
      }
      throw e;
    }
    if (label !== '#TRANS') label = label.toUpperCase();

    if (voucher && !voucher.opened) {
      error(voucher.line, `verifikation ${voucher.series} ${voucher.number} saknar { på raden efter #VER`);
      voucher = null;
    }

    if (label === '#TRANS' || label === '#RTRANS' || label === '#BTRANS') {
      if (!voucher) {
        error(line, `${label} utanför en verifikation`);
        return;
      }
      if (label === '#TRANS' && skipNextTrans !== null) {
        const same = skipNextTrans === trimmed.slice(1 + 'TRANS'.length).trim();
        skipNextTrans = null;
        if (same) return; // the compatibility copy that follows an #RTRANS
      }
      const account = word(f[0]);
      const list = f[1]?.kind === 'list' ? f[1].items : null;
      const amount = word(f[2]);
      if (!account || !/^\d+$/.test(account)) {
        error(line, `${label} saknar ett giltigt kontonummer`);
        return;
      }
      if (list === null) {
        error(line, `${label} saknar objektlistan { } efter kontot`);
        return;
      }
      if (list.length % 2 !== 0) error(line, 'objektlistan ska bestå av par: dimension och objekt');
      if (!amount || !AMOUNT.test(amount)) {
        error(line, `${label} har inget giltigt belopp ("${amount ?? ''}")`);
        return;
      }
      const transDateRaw = word(f[3]);
      const transDate = transDateRaw ? isoDate(transDateRaw) : null;
      if (transDateRaw && !transDate) error(line, `ogiltigt transaktionsdatum "${transDateRaw}"`);
      if (label === '#BTRANS') return; // a removed row: history only, not part of the balance
      if (label === '#RTRANS') skipNextTrans = trimmed.slice(1 + 'RTRANS'.length).trim();
      const objects = pairs(list);
      for (const [dim, code] of objects) {
        const key = `${dim}|${code}`;
        if (!objectUses.has(key)) objectUses.set(key, line);
      }
      // Exact sums in whole öre (decimal.js only for amounts with more decimals): no Decimal per row.
      voucher.sum.add(amount);
      let sum = sums.get(account);
      if (!sum) sums.set(account, (sum = new ExactSum()));
      sum.add(amount);
      s.transactions++;
      return sink.transaction({
        line,
        kind: label === '#RTRANS' ? 'RTRANS' : 'TRANS',
        series: voucher.series,
        number: voucher.number,
        voucherDate: voucher.date,
        voucherText: voucher.text,
        account,
        costCentre: objects.find(([d]) => d === '1')?.[1] ?? null,
        objects,
        amount,
        transDate,
        text: word(f[4]),
        quantity: word(f[5]),
      });
    }
    skipNextTrans = null;

    if (voucher) {
      error(voucher.line, `verifikation ${voucher.series} ${voucher.number} avslutas aldrig med }`);
      voucher = null;
    }

    switch (label) {
      case '#VER': {
        const series = word(f[0]) ?? '';
        const number = word(f[1]) ?? '';
        const dateRaw = word(f[2]) ?? '';
        const date = isoDate(dateRaw);
        s.vouchers++;
        if (!date) {
          error(line, `verifikation ${series} ${number} har ogiltigt datum "${dateRaw}"`);
        } else if (!year.start || !year.end) {
          error(line, 'verifikation före #RAR 0: räkenskapsåret är okänt');
        } else if (date < year.start || date > year.end) {
          error(
            line,
            `verifikation ${series} ${number} är daterad ${date}, utanför räkenskapsåret ${year.start}–${year.end}`,
          );
        }
        voucher = {
          line,
          series,
          number,
          date: date ?? '1970-01-01',
          text: word(f[3]),
          sum: new ExactSum(),
          opened: false,
        };
        break;
      }
      default:
        if (readRecord(s, year, label, f, line, error) || KNOWN_IGNORED.has(label)) break;
        if (!unknownLabels.has(label)) unknownLabels.set(label, { line, count: 0 });
        unknownLabels.get(label)!.count++;
    }
  };

  for await (const item of lines) {
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const wait = step(item[i].line, item[i].text);
        if (wait) await wait;
      }
    } else {
      const wait = step(item.line, item.text);
      if (wait) await wait;
    }
  }

  s.encoding = opts.encoding?.() ?? null;
  const unclosed = voucher as OpenVoucher | null; // set by step()
  if (unclosed)
    error(
      unclosed.line,
      `filen tar slut inuti verifikation ${unclosed.series} ${unclosed.number} (} saknas); filen verkar avkortad`,
    );
  if (!sawRecord) {
    error(s.lines || 1, s.lines > 0 ? 'filen innehåller bara tomma rader' : 'filen är tom');
    return s;
  }
  if (!year.start) error(1, 'filen saknar #RAR 0 (räkenskapsåret)');
  if (s.header.SIETYP && s.header.SIETYP.trim() !== '4')
    s.warnings.push({
      line: 1,
      message: `filen anger #SIETYP ${s.header.SIETYP}; SIE 4 med verifikationer förväntas`,
    });
  for (const [label, { line, count }] of unknownLabels) {
    s.warnings.push({ line, message: `okänd post ${label} (${count} st) hoppades över` });
  }

  const totals = new Map([...sums].map(([account, sum]) => [account, sum.toDecimal()]));
  checkSieTotals(s, totals, objectUses, error);
  s.errors.sort((a, b) => a.line - b.line);
  return s;
}
