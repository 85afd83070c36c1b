import { SieToken } from './sie-tokenizer';

/** The shapes of a SIE field: an amount (decimal, dot) and a date (ÅÅÅÅMMDD). */
export const AMOUNT = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{8}$/;

// A file has a few hundred distinct dates and a million rows that carry them: each is checked once.
const isoDates = new Map<string, string | null>();

/** ÅÅÅÅMMDD as an ISO date, or null when it is not a real date. */
export function isoDate(yyyymmdd: string): string | null {
  if (yyyymmdd.length !== 8) return null;
  const known = isoDates.get(yyyymmdd);
  if (known !== undefined) return known;
  const iso = checkDate(yyyymmdd);
  if (isoDates.size >= 10_000) isoDates.clear();
  isoDates.set(yyyymmdd, iso);
  return iso;
}

function checkDate(yyyymmdd: string): string | null {
  if (!DATE.test(yyyymmdd)) return null;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

export function word(t: SieToken | undefined): string | null {
  return t && t.kind === 'word' ? t.value : null;
}

export function pairs(items: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < items.length; i += 2) out.push([items[i], items[i + 1]]);
  return out;
}

export function isBalanceAccount(account: string, type: string | null | undefined): boolean {
  if (type === 'T' || type === 'S') return true;
  if (type === 'I' || type === 'K') return false;
  return account.startsWith('1') || account.startsWith('2');
}
