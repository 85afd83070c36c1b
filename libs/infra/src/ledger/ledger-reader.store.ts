import { EntityManager } from 'typeorm';

export interface ActiveImport {
  id: string;
  year: number;
  version: number;
  start: string;
  end: string;
}

export interface AccountAmount {
  account: string;
  costCentre: string | null;
  amount: string;
}

export interface YearBalances {
  source: 'IMPORT' | 'PREVIOUS_YEAR_OF_NEXT_IMPORT';
  importId: string;
  start: string;
  end: string;
  /** Opening balance of balance accounts. */
  ib: Map<string, string>;
  /** Closing balance of balance accounts. */
  ub: Map<string, string>;
  /** Result accounts' outcome for the year. */
  res: Map<string, string>;
  accountNames: Map<string, string>;
}

const toMap = (rows: Array<{ account: string; amount: string }>) =>
  new Map(rows.map((r) => [r.account, r.amount]));

/**
 * Reads the imported ledger. Every sum is computed in PostgreSQL over numeric, never in a JavaScript loop;
 * amounts come back as exact decimal strings.
 */
export class LedgerReader {
  constructor(private readonly em: Pick<EntityManager, 'query'>) {}

  async activeImport(organisationId: string, year: number): Promise<ActiveImport | null> {
    const [r] = await this.em.query(
      `SELECT id, year, version, to_char(fiscal_year_start,'YYYY-MM-DD') AS start, to_char(fiscal_year_end,'YYYY-MM-DD') AS "end"
         FROM sie_import WHERE organisation_id = $1 AND year = $2 AND active`,
      [organisationId, year],
    );
    return r ?? null;
  }

  /** The active import whose fiscal year holds the date. */
  async importCovering(organisationId: string, date: string): Promise<ActiveImport | null> {
    const [r] = await this.em.query(
      `SELECT id, year, version, to_char(fiscal_year_start,'YYYY-MM-DD') AS start, to_char(fiscal_year_end,'YYYY-MM-DD') AS "end"
         FROM sie_import WHERE organisation_id = $1 AND active AND $2::date BETWEEN fiscal_year_start AND fiscal_year_end`,
      [organisationId, date],
    );
    return r ?? null;
  }

  /** Outcome per account (and cost centre) for vouchers dated from..to, within one import. */
  async movements(
    importId: string,
    from: string,
    to: string,
    byCostCentre: boolean,
  ): Promise<AccountAmount[]> {
    const cc = byCostCentre ? 'cost_centre' : 'NULL::text';
    return this.em.query(
      `SELECT account, ${cc} AS "costCentre", sum(amount)::text AS amount
         FROM ledger_transaction WHERE import_id = $1 AND voucher_date BETWEEN $2 AND $3
        GROUP BY account, ${cc} ORDER BY account, ${cc} NULLS FIRST`,
      [importId, from, to],
    );
  }

  /**
   * Balances for a whole fiscal year: from its own import, or, when it has none, from the #RAR -1 rows of the
   * next year's import (the comparatives the file carries).
   */
  async yearBalances(organisationId: string, year: number): Promise<YearBalances | null> {
    const own = await this.activeImport(organisationId, year);
    if (own) {
      const ib = await this.em.query(
        `SELECT account, sum(amount)::text AS amount FROM ledger_balance WHERE import_id = $1 AND kind = 'IB' AND year_offset = 0 GROUP BY account`,
        [own.id],
      );
      const moved: Array<{ account: string; amount: string; type: string | null }> = await this.em.query(
        `SELECT t.account, sum(t.amount)::text AS amount FROM ledger_transaction t WHERE t.import_id = $1 GROUP BY t.account`,
        [own.id],
      );
      const kinds = await this.accountKinds(own.id);
      const ibMap = toMap(ib);
      const ub = new Map<string, string>();
      const res = new Map<string, string>();
      const ubRows: Array<{ account: string; amount: string }> = await this.em.query(
        `SELECT account, (COALESCE(ib.amount,0) + COALESCE(m.amount,0))::text AS amount FROM
           (SELECT account, sum(amount) AS amount FROM ledger_balance WHERE import_id = $1 AND kind = 'IB' AND year_offset = 0 GROUP BY account) ib
           FULL JOIN (SELECT account, sum(amount) AS amount FROM ledger_transaction WHERE import_id = $1 GROUP BY account) m USING (account)`,
        [own.id],
      );
      for (const r of ubRows) if (kinds.balance(r.account)) ub.set(r.account, r.amount);
      for (const r of moved) if (!kinds.balance(r.account)) res.set(r.account, r.amount);
      return {
        source: 'IMPORT',
        importId: own.id,
        start: own.start,
        end: own.end,
        ib: ibMap,
        ub,
        res,
        accountNames: kinds.names,
      };
    }
    const next = await this.activeImport(organisationId, year + 1);
    if (!next) return null;
    const [py] = await this.em.query(
      `SELECT to_char(previous_year_start,'YYYY-MM-DD') AS start, to_char(previous_year_end,'YYYY-MM-DD') AS "end" FROM sie_import WHERE id = $1`,
      [next.id],
    );
    if (!py?.start) return null;
    const rows = (kind: string) =>
      this.em.query(
        `SELECT account, sum(amount)::text AS amount FROM ledger_balance WHERE import_id = $1 AND kind = $2 AND year_offset = -1 GROUP BY account`,
        [next.id, kind],
      );
    const kinds = await this.accountKinds(next.id);
    return {
      source: 'PREVIOUS_YEAR_OF_NEXT_IMPORT',
      importId: next.id,
      start: py.start,
      end: py.end,
      ib: toMap(await rows('IB')),
      ub: toMap(await rows('UB')),
      res: toMap(await rows('RES')),
      accountNames: kinds.names,
    };
  }

  /** Balance accounts at a date within a year: IB + Σ transactions up to and including the date. */
  async balancesAt(importId: string, date: string): Promise<Map<string, string>> {
    const rows = await this.em.query(
      `SELECT account, (COALESCE(ib.amount,0) + COALESCE(m.amount,0))::text AS amount FROM
         (SELECT account, sum(amount) AS amount FROM ledger_balance WHERE import_id = $1 AND kind = 'IB' AND year_offset = 0 GROUP BY account) ib
         FULL JOIN (SELECT account, sum(amount) AS amount FROM ledger_transaction WHERE import_id = $1 AND voucher_date <= $2 GROUP BY account) m USING (account)`,
      [importId, date],
    );
    const kinds = await this.accountKinds(importId);
    return new Map(
      rows
        .filter((r: { account: string }) => kinds.balance(r.account))
        .map((r: { account: string; amount: string }) => [r.account, r.amount]),
    );
  }

  /**
   * A period within one import: opening balances, closing balances at `to`, the result accounts' outcome over
   * from..to, and the outcome per cost centre. Sums in PostgreSQL.
   */
  async periodLedger(
    importId: string,
    from: string,
    to: string,
  ): Promise<{
    ib: Map<string, string>;
    ub: Map<string, string>;
    res: Map<string, string>;
    costCentres: Map<string, string>;
    /** The outcome per cost centre and account: the driftredovisning splits a centre's intäkt from its kostnad. */
    costCentreAccounts: Map<string, Map<string, string>>;
    names: Map<string, string>;
  }> {
    const kinds = await this.accountKinds(importId);
    const ibRows = await this.em.query(
      `SELECT account, sum(amount)::text AS amount FROM ledger_balance WHERE import_id = $1 AND kind = 'IB' AND year_offset = 0 GROUP BY account`,
      [importId],
    );
    const moved: Array<{ account: string; amount: string }> = await this.em.query(
      'SELECT account, sum(amount)::text AS amount FROM ledger_transaction WHERE import_id = $1 AND voucher_date BETWEEN $2 AND $3 GROUP BY account',
      [importId, from, to],
    );
    const cc: Array<{ cost_centre: string; amount: string }> = await this.em.query(
      'SELECT cost_centre, sum(amount)::text AS amount FROM ledger_transaction WHERE import_id = $1 AND voucher_date BETWEEN $2 AND $3 AND cost_centre IS NOT NULL GROUP BY cost_centre',
      [importId, from, to],
    );
    const ccAccounts: Array<{ cost_centre: string; account: string; amount: string }> = await this.em.query(
      'SELECT cost_centre, account, sum(amount)::text AS amount FROM ledger_transaction WHERE import_id = $1 AND voucher_date BETWEEN $2 AND $3 AND cost_centre IS NOT NULL GROUP BY cost_centre, account',
      [importId, from, to],
    );
    const costCentreAccounts = new Map<string, Map<string, string>>();
    for (const r of ccAccounts) {
      if (!costCentreAccounts.has(r.cost_centre)) costCentreAccounts.set(r.cost_centre, new Map());
      costCentreAccounts.get(r.cost_centre)!.set(r.account, r.amount);
    }
    const ub = await this.balancesAt(importId, to);
    return {
      ib: new Map(
        ibRows
          .filter((r: { account: string }) => kinds.balance(r.account))
          .map((r: { account: string; amount: string }) => [r.account, r.amount]),
      ),
      ub,
      res: new Map(moved.filter((r) => !kinds.balance(r.account)).map((r) => [r.account, r.amount])),
      costCentres: new Map(cc.map((r) => [r.cost_centre, r.amount])),
      costCentreAccounts,
      names: kinds.names,
    };
  }

  private async accountKinds(
    importId: string,
  ): Promise<{ balance: (a: string) => boolean; names: Map<string, string> }> {
    const rows: Array<{ account: string; name: string; type: string | null }> = await this.em.query(
      'SELECT account, name, type FROM ledger_account WHERE import_id = $1',
      [importId],
    );
    const types = new Map(rows.map((r) => [r.account, r.type]));
    return {
      balance: (a: string) => {
        const t = types.get(a);
        if (t === 'T' || t === 'S') return true;
        if (t === 'I' || t === 'K') return false;
        return a.startsWith('1') || a.startsWith('2');
      },
      names: new Map(rows.map((r) => [r.account, r.name])),
    };
  }
}
