import { AccountRange } from '@app/domain';
import { Tx } from '@app/infra';

/** The ledger views the API alone shows (the shared reads: @app/infra's LedgerReader). */

export interface LedgerAmountRow {
  account: string | null;
  accountName: string | null;
  costCentre: string | null;
  /** Exact decimal string. */
  amount: string;
}

export type LedgerGroupingKey = 'ACCOUNT' | 'COST_CENTRE' | 'ACCOUNT_AND_COST_CENTRE';

const GROUP_COLUMNS: Record<LedgerGroupingKey, [string, string]> = {
  ACCOUNT: ['t.account', 'NULL::text'],
  COST_CENTRE: ['NULL::text', 't.cost_centre'],
  ACCOUNT_AND_COST_CENTRE: ['t.account', 't.cost_centre'],
};

/** Outcome of one import's transactions dated from..to, summed in PostgreSQL per account and/or cost centre. */
export function ledgerAmounts(
  tx: Tx,
  q: { importId: string; from: string; to: string; groupBy: LedgerGroupingKey },
): Promise<LedgerAmountRow[]> {
  const [accountCol, centreCol] = GROUP_COLUMNS[q.groupBy];
  return tx.query(
    `SELECT g.account, a.name AS "accountName", g.cost_centre AS "costCentre", g.amount FROM (
       SELECT ${accountCol} AS account, ${centreCol} AS cost_centre, sum(t.amount)::text AS amount
         FROM ledger_transaction t WHERE t.import_id = $1 AND t.voucher_date BETWEEN $2 AND $3 GROUP BY 1, 2) g
       LEFT JOIN ledger_account a ON a.import_id = $1 AND a.account = g.account
      ORDER BY g.account NULLS FIRST, g.cost_centre NULLS FIRST`,
    [q.importId, q.from, q.to],
  );
}

/** The förbund's own account ranges that override the standard mapping to report lines. */
export async function accountMappingOverrides(tx: Tx, organisationId: string): Promise<AccountRange[]> {
  const [org] = await tx.query('SELECT account_mapping FROM organisation WHERE id = $1', [organisationId]);
  return (org?.account_mapping ?? []) as AccountRange[];
}

/** Every account in the year's active import, in account order. */
export function accountsOfYear(
  tx: Tx,
  organisationId: string,
  year: number,
): Promise<Array<{ account: string; name: string }>> {
  return tx.query(
    `SELECT a.account, a.name FROM ledger_account a JOIN sie_import i ON i.id = a.import_id WHERE i.organisation_id = $1 AND i.year = $2 AND i.active ORDER BY a.account`,
    [organisationId, year],
  );
}
