import { EncodingGuess } from './sie-encoding';

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

/** Records a problem of the file (capped, so a broken file cannot fill memory with messages). */
export type SieErrorFn = (line: number, message: string) => void;
