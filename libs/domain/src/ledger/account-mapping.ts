/** The report lines accounts map to (DOMAIN.md §4). */
export const REPORT_LINES = {
  verksamhetens_intakter: 'Verksamhetens intäkter',
  verksamhetens_kostnader: 'Verksamhetens kostnader',
  avskrivningar: 'Avskrivningar',
  finansiella_intakter: 'Finansiella intäkter',
  finansiella_kostnader: 'Finansiella kostnader',
  extraordinara_poster: 'Extraordinära poster',
  fordringar: 'Fordringar',
  kassa_och_bank: 'Kassa och bank',
  eget_kapital: 'Eget kapital',
  kortfristiga_skulder: 'Kortfristiga skulder',
} as const;

export type ReportLine = keyof typeof REPORT_LINES;

export interface AccountRange {
  from: string;
  to: string;
  line: string;
}

/** The BAS default of DOMAIN.md §4. */
export const DEFAULT_ACCOUNT_MAPPING: readonly AccountRange[] = [
  { from: '3000', to: '3999', line: 'verksamhetens_intakter' },
  { from: '4000', to: '7699', line: 'verksamhetens_kostnader' },
  { from: '7900', to: '7999', line: 'verksamhetens_kostnader' },
  { from: '7700', to: '7899', line: 'avskrivningar' },
  { from: '8000', to: '8399', line: 'finansiella_intakter' },
  { from: '8400', to: '8499', line: 'finansiella_kostnader' },
  { from: '8700', to: '8799', line: 'extraordinara_poster' },
  { from: '1500', to: '1899', line: 'fordringar' },
  { from: '1900', to: '1999', line: 'kassa_och_bank' },
  { from: '2000', to: '2099', line: 'eget_kapital' },
  { from: '2400', to: '2999', line: 'kortfristiga_skulder' },
];

const inRange = (account: string, r: AccountRange) => {
  const a = Number(account.slice(0, 4).padEnd(4, '0'));
  return a >= Number(r.from) && a <= Number(r.to);
};

/** The förbund's overrides win over the default; null when the account maps nowhere. */
export function mapAccount(account: string, overrides: readonly AccountRange[] = []): ReportLine | null {
  const hit =
    overrides.find((r) => inRange(account, r)) ?? DEFAULT_ACCOUNT_MAPPING.find((r) => inRange(account, r));
  return hit && hit.line in REPORT_LINES ? (hit.line as ReportLine) : null;
}

export function isBalanceSheetLine(line: ReportLine): boolean {
  return (
    line === 'fordringar' ||
    line === 'kassa_och_bank' ||
    line === 'eget_kapital' ||
    line === 'kortfristiga_skulder'
  );
}
