import { BalanceKind, SieErrorFn, SieSummary } from './sie-types';
import { AMOUNT, isoDate, pairs, word } from './sie-fields';
import { SieToken } from './sie-tokenizer';

/** The fiscal year the vouchers must fall in: the last #RAR 0 read so far. */
export interface SieYear {
  start: string | null;
  end: string | null;
}

/**
 * Reads one record outside a voucher (fiscal years, accounts, dimensions, objects, balances, header) into the
 * summary. False when the label is none of these (a voucher, or a label the caller deals with).
 */
export function readRecord(
  s: SieSummary,
  year: SieYear,
  label: string,
  f: SieToken[],
  line: number,
  error: SieErrorFn,
): boolean {
  switch (label) {
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
        year.start = start;
        year.end = end;
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
      return false;
  }
  return true;
}
