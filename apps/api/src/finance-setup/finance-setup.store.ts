import { returningRows, Tx } from '@app/infra';

/** All SQL of the förbund's financial set-up (issue 18): cost centres, parties, the kommuner's key and goals. */

export interface CostSplitPart {
  purpose: string;
  share: string;
  note?: string;
}

export interface CostCentreRow {
  code: string;
  name: string;
  category: string;
  split: CostSplitPart[] | null;
  version: number;
}

export interface PartyRow {
  key: string;
  name: string;
  kind: string;
  version: number;
}

export interface KommunKeyRow {
  shares: Record<string, string>;
  version: number;
}

export interface FinancialGoalRow {
  year: number;
  key: string;
  text: string;
  metric: string;
  op: string;
  value: string;
  version: number;
}

export interface FundingRow {
  year: number;
  party: string;
  amount: string;
  account: string;
  note: string | null;
  version: number;
}

const CENTRE = 'code, name, category, split, version';
const GOAL = 'year, key, text, metric, op, value::text AS value, version';

export function costCentres(tx: Tx, organisationId: string): Promise<CostCentreRow[]> {
  return tx.query(`SELECT ${CENTRE} FROM cost_centre WHERE organisation_id = $1 ORDER BY code`, [
    organisationId,
  ]);
}

/** The cost centre, locked for the change that reads it. */
export async function costCentreForUpdate(
  tx: Tx,
  organisationId: string,
  code: string,
): Promise<CostCentreRow | null> {
  const [row] = await tx.query(
    `SELECT ${CENTRE} FROM cost_centre WHERE organisation_id = $1 AND code = $2 FOR UPDATE`,
    [organisationId, code],
  );
  return row ?? null;
}

export async function insertCostCentre(
  tx: Tx,
  organisationId: string,
  c: Omit<CostCentreRow, 'version'>,
): Promise<CostCentreRow> {
  const [row] = await tx.query(
    `INSERT INTO cost_centre (organisation_id, code, name, category, split) VALUES ($1,$2,$3,$4,$5) RETURNING ${CENTRE}`,
    [organisationId, c.code, c.name, c.category, c.split ? JSON.stringify(c.split) : null],
  );
  return row;
}

/** Updates the cost centre if it is still at `version`; null when someone else changed it first. */
export async function updateCostCentre(
  tx: Tx,
  organisationId: string,
  version: number,
  c: Omit<CostCentreRow, 'version'>,
): Promise<CostCentreRow | null> {
  const [row] = await returningRows<CostCentreRow>(
    tx,
    `UPDATE cost_centre SET name = $4, category = $5, split = $6, version = version + 1, updated_at = now()
      WHERE organisation_id = $1 AND code = $2 AND version = $3 RETURNING ${CENTRE}`,
    [organisationId, c.code, version, c.name, c.category, c.split ? JSON.stringify(c.split) : null],
  );
  return row ?? null;
}

export function parties(tx: Tx, organisationId: string): Promise<PartyRow[]> {
  return tx.query(
    'SELECT key, name, kind, version FROM party WHERE organisation_id = $1 ORDER BY created_at, key',
    [organisationId],
  );
}

export async function partyForUpdate(tx: Tx, organisationId: string, key: string): Promise<PartyRow | null> {
  const [row] = await tx.query(
    'SELECT key, name, kind, version FROM party WHERE organisation_id = $1 AND key = $2 FOR UPDATE',
    [organisationId, key],
  );
  return row ?? null;
}

export async function insertParty(
  tx: Tx,
  organisationId: string,
  p: Omit<PartyRow, 'version'>,
): Promise<PartyRow> {
  const [row] = await tx.query(
    'INSERT INTO party (organisation_id, key, name, kind) VALUES ($1,$2,$3,$4) RETURNING key, name, kind, version',
    [organisationId, p.key, p.name, p.kind],
  );
  return row;
}

export async function updateParty(
  tx: Tx,
  organisationId: string,
  version: number,
  p: Omit<PartyRow, 'version'>,
): Promise<PartyRow | null> {
  const [row] = await returningRows<PartyRow>(
    tx,
    `UPDATE party SET name = $4, kind = $5, version = version + 1, updated_at = now()
      WHERE organisation_id = $1 AND key = $2 AND version = $3 RETURNING key, name, kind, version`,
    [organisationId, p.key, version, p.name, p.kind],
  );
  return row ?? null;
}

export async function kommunKey(tx: Tx, organisationId: string, lock = false): Promise<KommunKeyRow | null> {
  const [row] = await tx.query(
    `SELECT shares, version FROM kommun_key WHERE organisation_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [organisationId],
  );
  return row ?? null;
}

/** Writes the key: a new one when `version` is null, else only over that version; null on a lost race. */
export async function writeKommunKey(
  tx: Tx,
  organisationId: string,
  version: number | null,
  shares: Record<string, string> | null,
): Promise<KommunKeyRow | null> {
  if (shares === null) {
    const gone = await returningRows(
      tx,
      'DELETE FROM kommun_key WHERE organisation_id = $1 AND version = $2 RETURNING 1',
      [organisationId, version],
    );
    return gone.length ? { shares: {}, version: (version ?? 0) + 1 } : null;
  }
  if (version === null) {
    const rows = await tx.query(
      `INSERT INTO kommun_key (organisation_id, shares) VALUES ($1,$2) ON CONFLICT (organisation_id) DO NOTHING
       RETURNING shares, version`,
      [organisationId, JSON.stringify(shares)],
    );
    return rows[0] ?? null;
  }
  const [row] = await returningRows<KommunKeyRow>(
    tx,
    `UPDATE kommun_key SET shares = $3, version = version + 1, updated_at = now()
      WHERE organisation_id = $1 AND version = $2 RETURNING shares, version`,
    [organisationId, version, JSON.stringify(shares)],
  );
  return row ?? null;
}

export function financialGoals(
  tx: Tx,
  organisationId: string,
  year?: number | null,
): Promise<FinancialGoalRow[]> {
  return tx.query(
    `SELECT ${GOAL} FROM financial_goal WHERE organisation_id = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year, key`,
    [organisationId, year ?? null],
  );
}

export async function financialGoalForUpdate(
  tx: Tx,
  organisationId: string,
  year: number,
  key: string,
): Promise<FinancialGoalRow | null> {
  const [row] = await tx.query(
    `SELECT ${GOAL} FROM financial_goal WHERE organisation_id = $1 AND year = $2 AND key = $3 FOR UPDATE`,
    [organisationId, year, key],
  );
  return row ?? null;
}

export async function insertFinancialGoal(
  tx: Tx,
  organisationId: string,
  g: Omit<FinancialGoalRow, 'version'>,
): Promise<FinancialGoalRow> {
  const [row] = await tx.query(
    `INSERT INTO financial_goal (organisation_id, year, key, text, metric, op, value) VALUES ($1,$2,$3,$4,$5,$6,$7)
     RETURNING ${GOAL}`,
    [organisationId, g.year, g.key, g.text, g.metric, g.op, g.value],
  );
  return row;
}

export async function updateFinancialGoal(
  tx: Tx,
  organisationId: string,
  version: number,
  g: Omit<FinancialGoalRow, 'version'>,
): Promise<FinancialGoalRow | null> {
  const [row] = await returningRows<FinancialGoalRow>(
    tx,
    `UPDATE financial_goal SET text = $5, metric = $6, op = $7, value = $8, version = version + 1, updated_at = now()
      WHERE organisation_id = $1 AND year = $2 AND key = $3 AND version = $4 RETURNING ${GOAL}`,
    [organisationId, g.year, g.key, version, g.text, g.metric, g.op, g.value],
  );
  return row ?? null;
}

export async function deleteFinancialGoal(
  tx: Tx,
  organisationId: string,
  year: number,
  key: string,
  version: number,
): Promise<boolean> {
  const rows = await returningRows(
    tx,
    'DELETE FROM financial_goal WHERE organisation_id = $1 AND year = $2 AND key = $3 AND version = $4 RETURNING 1',
    [organisationId, year, key, version],
  );
  return rows.length > 0;
}

export function fundingRows(tx: Tx, organisationId: string): Promise<FundingRow[]> {
  return tx.query(
    `SELECT year, party_key AS party, amount::text AS amount, account, note, version FROM funding
      WHERE organisation_id = $1 ORDER BY year, party_key`,
    [organisationId],
  );
}
