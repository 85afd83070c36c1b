import { Tx } from '@app/infra';

/** All SQL for a förbund's budget decisions, forecasts and funding (reads shared with the worker: @app/infra). */

/** The codes of the förbund's cost centres. */
export async function costCentreCodes(tx: Tx, organisationId: string): Promise<Set<string>> {
  const rows: Array<{ code: string }> = await tx.query(
    'SELECT code FROM cost_centre WHERE organisation_id = $1',
    [organisationId],
  );
  return new Set(rows.map((r) => r.code));
}

export async function partyExists(tx: Tx, organisationId: string, partyKey: string): Promise<boolean> {
  const [party] = await tx.query('SELECT 1 FROM party WHERE organisation_id = $1 AND key = $2', [
    organisationId,
    partyKey,
  ]);
  return Boolean(party);
}

/** Inserts or updates the budget decision of that date and kind; its id. */
export async function upsertBudget(
  tx: Tx,
  b: {
    organisationId: string;
    year: number;
    decided: string;
    kind: string;
    fundedBy: string | null;
    outlook: Record<string, string> | null;
  },
): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO budget (organisation_id, year, decided, kind, funded_by, outlook) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (organisation_id, year, decided, kind) DO UPDATE SET funded_by = EXCLUDED.funded_by, outlook = EXCLUDED.outlook, updated_at = now()
     RETURNING id`,
    [b.organisationId, b.year, b.decided, b.kind, b.fundedBy, b.outlook ? JSON.stringify(b.outlook) : null],
  );
  return row.id;
}

/** Replaces the budget's lines (cost centre → decimal amount). */
export async function replaceBudgetLines(
  tx: Tx,
  budgetId: string,
  lines: Record<string, string>,
): Promise<void> {
  await tx.query('DELETE FROM budget_line WHERE budget_id = $1', [budgetId]);
  for (const [code, amount] of Object.entries(lines)) {
    await tx.query('INSERT INTO budget_line (budget_id, cost_centre_code, amount) VALUES ($1,$2,$3)', [
      budgetId,
      code,
      amount,
    ]);
  }
}

/** Inserts or touches the forecast of that date; its id. */
export async function upsertForecast(
  tx: Tx,
  f: { organisationId: string; year: number; asOf: string },
): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO forecast (organisation_id, year, as_of) VALUES ($1,$2,$3)
     ON CONFLICT (organisation_id, year, as_of) DO UPDATE SET updated_at = now() RETURNING id`,
    [f.organisationId, f.year, f.asOf],
  );
  return row.id;
}

/** Replaces the forecast's lines (cost centre → decimal amount). */
export async function replaceForecastLines(
  tx: Tx,
  forecastId: string,
  lines: Record<string, string>,
): Promise<void> {
  await tx.query('DELETE FROM forecast_line WHERE forecast_id = $1', [forecastId]);
  for (const [code, amount] of Object.entries(lines)) {
    await tx.query('INSERT INTO forecast_line (forecast_id, cost_centre_code, amount) VALUES ($1,$2,$3)', [
      forecastId,
      code,
      amount,
    ]);
  }
}

export async function upsertFunding(
  tx: Tx,
  f: {
    organisationId: string;
    year: number;
    partyKey: string;
    amount: string;
    account: string;
    note: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO funding (organisation_id, year, party_key, amount, account, note) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (organisation_id, year, party_key) DO UPDATE SET amount = EXCLUDED.amount, account = EXCLUDED.account, note = EXCLUDED.note, updated_at = now()`,
    [f.organisationId, f.year, f.partyKey, f.amount, f.account, f.note],
  );
}
