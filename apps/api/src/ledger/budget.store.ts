import { returningRows, Tx } from '@app/infra';

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

export interface BudgetHead {
  id: string;
  version: number;
  fundedBy: string | null;
  outlook: Record<string, string> | null;
  financing: unknown;
}

/** The budget decision of that year, date and kind, locked for the change that reads it. */
export async function budgetForUpdate(
  tx: Tx,
  organisationId: string,
  key: { year: number; decided: string; kind: string },
): Promise<BudgetHead | null> {
  const [row] = await tx.query(
    `SELECT id, version, funded_by AS "fundedBy", outlook, financing FROM budget
      WHERE organisation_id = $1 AND year = $2 AND decided = $3 AND kind = $4 FOR UPDATE`,
    [organisationId, key.year, key.decided, key.kind],
  );
  return row ?? null;
}

export async function insertBudget(
  tx: Tx,
  b: {
    organisationId: string;
    year: number;
    decided: string;
    kind: string;
    fundedBy: string | null;
    outlook: Record<string, string> | null;
    financing: unknown;
  },
): Promise<{ id: string; version: number }> {
  const [row] = await tx.query(
    `INSERT INTO budget (organisation_id, year, decided, kind, funded_by, outlook, financing) VALUES ($1,$2,$3,$4,$5,$6,$7)
     RETURNING id, version`,
    [
      b.organisationId,
      b.year,
      b.decided,
      b.kind,
      b.fundedBy,
      b.outlook ? JSON.stringify(b.outlook) : null,
      b.financing ? JSON.stringify(b.financing) : null,
    ],
  );
  return row;
}

/** Updates the decision if still at `version`; null on a lost race. */
export async function updateBudget(
  tx: Tx,
  id: string,
  version: number,
  b: { fundedBy: string | null; outlook: Record<string, string> | null; financing: unknown },
): Promise<{ id: string; version: number } | null> {
  const [row] = await returningRows<{ id: string; version: number }>(
    tx,
    `UPDATE budget SET funded_by = $3, outlook = $4, financing = $5, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id, version`,
    [
      id,
      version,
      b.fundedBy,
      b.outlook ? JSON.stringify(b.outlook) : null,
      b.financing ? JSON.stringify(b.financing) : null,
    ],
  );
  return row ?? null;
}

/** The versions of the förbund's budget decisions and forecasts, by id (for the editors' guard). */
export async function setupVersions(tx: Tx, organisationId: string): Promise<Map<string, number>> {
  const rows: Array<{ id: string; version: number }> = await tx.query(
    `SELECT id, version FROM budget WHERE organisation_id = $1
     UNION ALL SELECT id, version FROM forecast WHERE organisation_id = $1`,
    [organisationId],
  );
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** The income budgeted on the budget's lines, for those of `lines` that stay. */
export async function budgetLineIncome(
  tx: Tx,
  budgetId: string,
  lines: Record<string, string>,
): Promise<Record<string, { amount: string; source: string }>> {
  const rows: Array<{ code: string; amount: string; source: string }> = await tx.query(
    `SELECT cost_centre_code AS code, income::text AS amount, income_source AS source FROM budget_line
      WHERE budget_id = $1 AND income IS NOT NULL AND cost_centre_code = ANY($2)`,
    [budgetId, Object.keys(lines)],
  );
  return Object.fromEntries(rows.map((r) => [r.code, { amount: r.amount, source: r.source }]));
}

/** Replaces the budget's lines (cost centre → decimal amount), with any income budgeted on them. */
export async function replaceBudgetLines(
  tx: Tx,
  budgetId: string,
  lines: Record<string, string>,
  income: Record<string, { amount: string; source: string }> = {},
): Promise<void> {
  await tx.query('DELETE FROM budget_line WHERE budget_id = $1', [budgetId]);
  for (const [code, amount] of Object.entries(lines)) {
    await tx.query(
      'INSERT INTO budget_line (budget_id, cost_centre_code, amount, income, income_source) VALUES ($1,$2,$3,$4,$5)',
      [budgetId, code, amount, income[code]?.amount ?? null, income[code]?.source ?? null],
    );
  }
}

/** The forecast of that date, locked for the change that reads it. */
export async function forecastForUpdate(
  tx: Tx,
  organisationId: string,
  year: number,
  asOf: string,
): Promise<{ id: string; version: number } | null> {
  const [row] = await tx.query(
    'SELECT id, version FROM forecast WHERE organisation_id = $1 AND year = $2 AND as_of = $3 FOR UPDATE',
    [organisationId, year, asOf],
  );
  return row ?? null;
}

export async function insertForecast(
  tx: Tx,
  f: { organisationId: string; year: number; asOf: string },
): Promise<{ id: string; version: number }> {
  const [row] = await tx.query(
    'INSERT INTO forecast (organisation_id, year, as_of) VALUES ($1,$2,$3) RETURNING id, version',
    [f.organisationId, f.year, f.asOf],
  );
  return row;
}

/** Moves the forecast to a new version if still at `version`; null on a lost race. */
export async function touchForecast(
  tx: Tx,
  id: string,
  version: number,
): Promise<{ id: string; version: number } | null> {
  const [row] = await returningRows<{ id: string; version: number }>(
    tx,
    'UPDATE forecast SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id, version',
    [id, version],
  );
  return row ?? null;
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

export async function fundingForUpdate(
  tx: Tx,
  organisationId: string,
  year: number,
  partyKey: string,
): Promise<{ version: number } | null> {
  const [row] = await tx.query(
    'SELECT version FROM funding WHERE organisation_id = $1 AND year = $2 AND party_key = $3 FOR UPDATE',
    [organisationId, year, partyKey],
  );
  return row ?? null;
}

/** Inserts the funding row (version null) or updates it if still at `version`; its new version, null on a lost race. */
export async function writeFunding(
  tx: Tx,
  version: number | null,
  f: {
    organisationId: string;
    year: number;
    partyKey: string;
    amount: string;
    account: string;
    note: string | null;
  },
): Promise<number | null> {
  const params = [f.organisationId, f.year, f.partyKey, f.amount, f.account, f.note];
  if (version === null) {
    const [row] = await tx.query(
      `INSERT INTO funding (organisation_id, year, party_key, amount, account, note) VALUES ($1,$2,$3,$4,$5,$6)
       RETURNING version`,
      params,
    );
    return row.version;
  }
  const [row] = await returningRows<{ version: number }>(
    tx,
    `UPDATE funding SET amount = $4, account = $5, note = $6, version = version + 1, updated_at = now()
      WHERE organisation_id = $1 AND year = $2 AND party_key = $3 AND version = $7 RETURNING version`,
    [...params, version],
  );
  return row?.version ?? null;
}

/** The number employed in a year, kept with the year's key figures (the five-year overview's antal_anstallda). */
export async function writeStaffCount(
  tx: Tx,
  organisationId: string,
  year: number,
  staff: number,
): Promise<number | null> {
  const [row] = await tx.query(
    `WITH prior AS (SELECT (figures->>'antal_anstallda')::int AS staff FROM historical_key_figure
                     WHERE organisation_id = $1 AND year = $2)
     INSERT INTO historical_key_figure (organisation_id, year, figures) VALUES ($1, $2, jsonb_build_object('antal_anstallda', $3::int))
     ON CONFLICT (organisation_id, year) DO UPDATE
       SET figures = historical_key_figure.figures || jsonb_build_object('antal_anstallda', $3::int), updated_at = now()
     RETURNING (SELECT staff FROM prior) AS prior`,
    [organisationId, year, staff],
  );
  return row?.prior ?? null;
}
