import Decimal from 'decimal.js';
import { Money, toAmountString } from '../money/money';
import { EncodingGuess, SieLine } from './sie-encoding';
import { SieSyntaxError, SieToken, tokenizeSieLine } from './sie-tokenizer';

export interface SieProblem {
  line: number;
  /** Swedish, for the ekonom who has to fix the file. */
  message: string;
}

export interface SieTransaction {
  line: number;
  kind: 'TRANS' | 'RTRANS';
  series: string;
  number: string;
  voucherDate: string; // YYYY-MM-DD
  voucherText: string | null;
  account: string;
  /** Dimension 1 object (kostnadsställe), if any. */
  costCentre: string | null;
  /** Every object of the row as [dimension, code]. */
  objects: Array<[string, string]>;
  amount: string;
  transDate: string | null;
  text: string | null;
  quantity: string | null;
}

export type BalanceKind = 'IB' | 'UB' | 'RES' | 'OIB' | 'OUB' | 'PSALDO' | 'PBUDGET';

export interface SieBalance {
  line: number;
  kind: BalanceKind;
  yearOffset: number;
  period: string | null; // YYYYMM for PSALDO/PBUDGET
  account: string;
  objects: Array<[string, string]>;
  amount: string;
  quantity: string | null;
}

export interface SieSummary {
  encoding: EncodingGuess | null;
  header: Record<string, string>;
  fiscalYears: Array<{ offset: number; start: string; end: string; line: number }>;
  accounts: Map<string, { name: string; type: string | null }>;
  dimensions: Map<string, string>;
  objects: Map<string, Map<string, string>>;
  balances: SieBalance[];
  vouchers: number;
  transactions: number;
  lines: number;
  warnings: SieProblem[];
  errors: SieProblem[];
}

export interface SieSink {
  transaction(t: SieTransaction): void | Promise<void>;
}

const MAX_ERRORS = 200;
const MAX_EMPTY_RUN = 1000;
const AMOUNT = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{8}$/;
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
/** SIE's reserved dimensions, usable without a #DIM. */
const STANDARD_DIMS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

function isoDate(yyyymmdd: string): string | null {
  if (!DATE.test(yyyymmdd)) return null;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

function word(t: SieToken | undefined): string | null {
  return t && t.kind === 'word' ? t.value : null;
}

function pairs(items: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < items.length; i += 2) out.push([items[i], items[i + 1]]);
  return out;
}

function isBalanceAccount(account: string, type: string | null | undefined): boolean {
  if (type === 'T' || type === 'S') return true;
  if (type === 'I' || type === 'K') return false;
  return account.startsWith('1') || account.startsWith('2');
}

/**
 * Reads a SIE 4 file line by line, hands every transaction to the sink as it comes, and checks what a correct
 * import needs: vouchers balance, voucher dates fall in the fiscal year, IB + Σ TRANS = UB for balance accounts
 * and Σ TRANS = RES for result accounts, every object used is declared, the file's structure is whole.
 * Problems carry line numbers; parsing goes on after an error so that one pass lists them all.
 */
export async function parseSie(
  lines: AsyncIterable<SieLine>,
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
  const sums = new Map<string, Decimal>();
  const objectUses = new Map<string, number>(); // "dim|code" -> first line used
  let voucher: {
    line: number;
    series: string;
    number: string;
    date: string;
    text: string | null;
    sum: Decimal;
    opened: boolean;
  } | null = null;
  let skipNextTrans: string | null = null;
  let emptyRun = 0;
  let emptyRunStart = 0;
  let sawRecord = false;
  let yearStart: string | null = null;
  let yearEnd: string | null = null;

  for await (const { line, text } of lines) {
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
      continue;
    }
    emptyRun = 0;

    if (trimmed === '{') {
      if (!voucher) error(line, '{ utan föregående #VER');
      else if (voucher.opened) error(line, 'ett andra { i samma verifikation');
      else voucher.opened = true;
      continue;
    }
    if (trimmed === '}') {
      if (!voucher || !voucher.opened) {
        error(line, '} utan öppen verifikation');
        continue;
      }
      if (!voucher.sum.isZero()) {
        error(
          voucher.line,
          `verifikation ${voucher.series} ${voucher.number} balanserar inte: summan av raderna är ${toAmountString(voucher.sum)} i stället för 0`,
        );
      }
      voucher = null;
      continue;
    }
    if (!trimmed.startsWith('#')) {
      error(line, `raden börjar inte med en etikett (#…): "${trimmed.slice(0, 40)}"`);
      continue;
    }
    sawRecord = true;
    let label: string;
    let f: SieToken[];
    try {
      ({ label, fields: f } = tokenizeSieLine(trimmed));
    } catch (e) {
      if (e instanceof SieSyntaxError) {
        error(line, e.message);
        continue;
      }
      throw e;
    }
    label = label.toUpperCase();

    if (voucher && !voucher.opened) {
      error(voucher.line, `verifikation ${voucher.series} ${voucher.number} saknar { på raden efter #VER`);
      voucher = null;
    }

    if (label === '#TRANS' || label === '#RTRANS' || label === '#BTRANS') {
      if (!voucher) {
        error(line, `${label} utanför en verifikation`);
        continue;
      }
      if (label === '#TRANS' && skipNextTrans !== null) {
        const same = skipNextTrans === trimmed.slice(1 + 'TRANS'.length).trim();
        skipNextTrans = null;
        if (same) continue; // the compatibility copy that follows an #RTRANS
      }
      const account = word(f[0]);
      const list = f[1]?.kind === 'list' ? f[1].items : null;
      const amount = word(f[2]);
      if (!account || !/^\d+$/.test(account)) {
        error(line, `${label} saknar ett giltigt kontonummer`);
        continue;
      }
      if (list === null) {
        error(line, `${label} saknar objektlistan { } efter kontot`);
        continue;
      }
      if (list.length % 2 !== 0) error(line, 'objektlistan ska bestå av par: dimension och objekt');
      if (!amount || !AMOUNT.test(amount)) {
        error(line, `${label} har inget giltigt belopp ("${amount ?? ''}")`);
        continue;
      }
      const transDateRaw = word(f[3]);
      const transDate = transDateRaw ? isoDate(transDateRaw) : null;
      if (transDateRaw && !transDate) error(line, `ogiltigt transaktionsdatum "${transDateRaw}"`);
      if (label === '#BTRANS') continue; // a removed row: history only, not part of the balance
      if (label === '#RTRANS') skipNextTrans = trimmed.slice(1 + 'RTRANS'.length).trim();
      const objects = pairs(list);
      for (const [dim, code] of objects) {
        const key = `${dim}|${code}`;
        if (!objectUses.has(key)) objectUses.set(key, line);
      }
      const value = new Money(amount);
      voucher.sum = voucher.sum.plus(value);
      sums.set(account, (sums.get(account) ?? new Money(0)).plus(value));
      s.transactions++;
      await sink.transaction({
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
      continue;
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
        } else if (!yearStart || !yearEnd) {
          error(line, 'verifikation före #RAR 0: räkenskapsåret är okänt');
        } else if (date < yearStart || date > yearEnd) {
          error(
            line,
            `verifikation ${series} ${number} är daterad ${date}, utanför räkenskapsåret ${yearStart}–${yearEnd}`,
          );
        }
        voucher = {
          line,
          series,
          number,
          date: date ?? '1970-01-01',
          text: word(f[3]),
          sum: new Money(0),
          opened: false,
        };
        break;
      }
      case '#RAR': {
        const offset = Number(word(f[0]));
        const start = isoDate(word(f[1]) ?? '');
        const end = isoDate(word(f[2]) ?? '');
        if (!Number.isInteger(offset) || !start || !end || end < start) {
          error(line, '#RAR ska ha årsnummer, startdatum och slutdatum (ÅÅÅÅMMDD)');
          break;
        }
        s.fiscalYears.push({ offset, start, end, line });
        if (offset === 0) {
          yearStart = start;
          yearEnd = end;
        }
        break;
      }
      case '#KONTO': {
        const account = word(f[0]);
        if (!account || !/^\d+$/.test(account)) error(line, '#KONTO saknar ett giltigt kontonummer');
        else s.accounts.set(account, { name: word(f[1]) ?? '', type: s.accounts.get(account)?.type ?? null });
        break;
      }
      case '#KTYP': {
        const account = word(f[0]);
        const type = (word(f[1]) ?? '').toUpperCase();
        if (!account || !['T', 'S', 'I', 'K'].includes(type))
          error(line, '#KTYP ska ange konto och typ T, S, I eller K');
        else s.accounts.set(account, { name: s.accounts.get(account)?.name ?? '', type });
        break;
      }
      case '#DIM': {
        const dim = word(f[0]);
        if (!dim) error(line, '#DIM saknar dimensionsnummer');
        else s.dimensions.set(dim, word(f[1]) ?? '');
        break;
      }
      case '#OBJEKT': {
        const dim = word(f[0]);
        const code = word(f[1]);
        if (!dim || code === null) {
          error(line, '#OBJEKT ska ange dimension och objektkod');
          break;
        }
        if (!s.objects.has(dim)) s.objects.set(dim, new Map());
        s.objects.get(dim)!.set(code, word(f[2]) ?? '');
        break;
      }
      case '#IB':
      case '#UB':
      case '#RES':
      case '#OIB':
      case '#OUB':
      case '#PSALDO':
      case '#PBUDGET': {
        const kind = label.slice(1) as BalanceKind;
        const withPeriod = kind === 'PSALDO' || kind === 'PBUDGET';
        const withObjects = withPeriod || kind === 'OIB' || kind === 'OUB';
        const yearOffset = Number(word(f[0]));
        let idx = 1;
        const period = withPeriod ? word(f[idx++]) : null;
        const account = word(f[idx++]);
        let objects: Array<[string, string]> = [];
        if (withObjects) {
          const l = f[idx++];
          if (!l || l.kind !== 'list') {
            error(line, `${label} saknar objektlistan { }`);
            break;
          }
          objects = pairs(l.items);
        }
        const amount = word(f[idx++]);
        if (
          !Number.isInteger(yearOffset) ||
          !account ||
          !/^\d+$/.test(account) ||
          !amount ||
          !AMOUNT.test(amount)
        ) {
          error(line, `${label} ska ange årsnummer, konto och ett belopp`);
          break;
        }
        if (withPeriod && !/^\d{6}$/.test(period ?? '')) {
          error(line, `${label} ska ange period som ÅÅÅÅMM`);
          break;
        }
        s.balances.push({ line, kind, yearOffset, period, account, objects, amount, quantity: word(f[idx]) });
        break;
      }
      case '#FORMAT':
      case '#SIETYP':
      case '#PROGRAM':
      case '#GEN':
      case '#FNAMN':
      case '#ORGNR':
      case '#KPTYP':
        s.header[label.slice(1)] = f
          .map((t) => (t.kind === 'word' ? t.value : `{${t.items.join(' ')}}`))
          .join(' ');
        break;
      default:
        if (KNOWN_IGNORED.has(label)) break;
        if (!unknownLabels.has(label)) unknownLabels.set(label, { line, count: 0 });
        unknownLabels.get(label)!.count++;
    }
  }

  s.encoding = opts.encoding?.() ?? null;
  if (voucher)
    error(
      voucher.line,
      `filen tar slut inuti verifikation ${voucher.series} ${voucher.number} (} saknas); filen verkar avkortad`,
    );
  if (!sawRecord) {
    error(s.lines || 1, s.lines > 0 ? 'filen innehåller bara tomma rader' : 'filen är tom');
    return s;
  }
  if (!yearStart) error(1, 'filen saknar #RAR 0 (räkenskapsåret)');
  if (s.header.SIETYP && s.header.SIETYP.trim() !== '4')
    s.warnings.push({
      line: 1,
      message: `filen anger #SIETYP ${s.header.SIETYP}; SIE 4 med verifikationer förväntas`,
    });
  for (const [label, { line, count }] of unknownLabels) {
    s.warnings.push({ line, message: `okänd post ${label} (${count} st) hoppades över` });
  }

  // Every object used is declared.
  for (const [key, line] of objectUses) {
    const [dim, code] = key.split('|');
    if (!s.dimensions.has(dim) && !STANDARD_DIMS.has(dim))
      error(line, `dimension ${dim} används men deklareras inte med #DIM`);
    if (!s.objects.get(dim)?.has(code))
      error(line, `objekt ${dim} "${code}" används men deklareras inte med #OBJEKT`);
  }

  // IB + Σ TRANS = UB (balance accounts) and Σ TRANS = RES (result accounts), for this year.
  const current = (kind: BalanceKind) => {
    const m = new Map<string, { amount: Decimal; line: number }>();
    for (const b of s.balances) {
      if (b.kind !== kind || b.yearOffset !== 0) continue;
      const prev = m.get(b.account);
      m.set(b.account, { amount: (prev?.amount ?? new Money(0)).plus(b.amount), line: prev?.line ?? b.line });
    }
    return m;
  };
  const ib = current('IB');
  const ub = current('UB');
  const res = current('RES');
  const accounts = new Set([...sums.keys(), ...ib.keys(), ...ub.keys(), ...res.keys()]);
  for (const account of [...accounts].sort()) {
    const moved = sums.get(account) ?? new Money(0);
    if (isBalanceAccount(account, s.accounts.get(account)?.type)) {
      const opening = ib.get(account)?.amount ?? new Money(0);
      const closing = ub.get(account)?.amount ?? new Money(0);
      if (!opening.plus(moved).equals(closing)) {
        error(
          ub.get(account)?.line ?? ib.get(account)?.line ?? 1,
          `konto ${account}: IB ${toAmountString(opening)} + transaktioner ${toAmountString(moved)} = ${toAmountString(opening.plus(moved))}, men UB är ${toAmountString(closing)}`,
        );
      }
    } else {
      const result = res.get(account)?.amount ?? new Money(0);
      if (!moved.equals(result)) {
        error(
          res.get(account)?.line ?? 1,
          `konto ${account}: transaktionerna summerar till ${toAmountString(moved)}, men #RES anger ${toAmountString(result)}`,
        );
      }
    }
    if (!s.accounts.has(account))
      s.warnings.push({ line: 1, message: `konto ${account} används men saknar #KONTO` });
  }
  s.errors.sort((a, b) => a.line - b.line);
  return s;
}
