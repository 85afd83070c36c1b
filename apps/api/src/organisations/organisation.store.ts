import { Tx } from '@app/infra';

/** A förbund as the API shows it. */
export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
  reportingUnit: string;
  vision: string | null;
}

export interface InsatsRow {
  id: string;
  organisationId: string;
  key: string;
  name: string;
  type: string;
  costCentre: string;
  ownerParty: string;
  start: string;
  end: string;
}

const ORG_COLUMNS = 'id, slug, name, reporting_unit AS "reportingUnit", vision';
const INSATS_COLUMNS = `id, organisation_id AS "organisationId", key, name, type, cost_centre_code AS "costCentre", owner_party_key AS "ownerParty",
  to_char(start_date,'YYYY-MM-DD') AS start, to_char(end_date,'YYYY-MM-DD') AS "end"`;

export async function organisationBySlug(tx: Tx, slug: string): Promise<OrganisationRow | null> {
  const [o] = await tx.query(`SELECT ${ORG_COLUMNS} FROM organisation WHERE slug = $1`, [slug]);
  return o ?? null;
}

export async function organisationById(tx: Tx, id: string): Promise<OrganisationRow | null> {
  const [o] = await tx.query(`SELECT ${ORG_COLUMNS} FROM organisation WHERE id = $1`, [id]);
  return o ?? null;
}

/** Every förbund (ids: null), or those with the given ids; by name. */
export function organisations(tx: Tx, ids: string[] | null): Promise<OrganisationRow[]> {
  return tx.query(
    `SELECT ${ORG_COLUMNS} FROM organisation WHERE $1::uuid[] IS NULL OR id = ANY($1) ORDER BY name`,
    [ids],
  );
}

/** The förbund's insatser (only: null), or only those with the given ids; by key. */
export function insatser(tx: Tx, organisationId: string, only: string[] | null): Promise<InsatsRow[]> {
  return tx.query(
    `SELECT ${INSATS_COLUMNS} FROM insats WHERE organisation_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2)) ORDER BY key`,
    [organisationId, only],
  );
}

export async function insatsById(tx: Tx, id: string): Promise<InsatsRow | null> {
  const [row] = await tx.query(`SELECT ${INSATS_COLUMNS} FROM insats WHERE id = $1`, [id]);
  return row ?? null;
}

export function parties(
  tx: Tx,
  organisationId: string,
): Promise<Array<{ key: string; name: string; kind: string }>> {
  return tx.query('SELECT key, name, kind FROM party WHERE organisation_id = $1 ORDER BY created_at, key', [
    organisationId,
  ]);
}

export function costCentres(
  tx: Tx,
  organisationId: string,
): Promise<Array<{ code: string; name: string; category: string }>> {
  return tx.query('SELECT code, name, category FROM cost_centre WHERE organisation_id = $1 ORDER BY code', [
    organisationId,
  ]);
}

export async function workflowConfig(tx: Tx, organisationId: string): Promise<unknown> {
  const [row] = await tx.query('SELECT workflow_config FROM organisation WHERE id = $1', [organisationId]);
  return row?.workflow_config ?? null;
}

export interface MatpunktRow {
  key: string;
  year: number;
  text: string;
  metric: string | null;
  op: string | null;
  target: string | null;
}

export function matpunkter(tx: Tx, insatsId: string, year: number | null): Promise<MatpunktRow[]> {
  return tx.query(
    `SELECT key, year, text, metric, op, target::text AS target FROM matpunkt
      WHERE insats_id = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year, position`,
    [insatsId, year],
  );
}

export function insatsBudgets(tx: Tx, insatsId: string): Promise<Array<{ year: number; amount: string }>> {
  return tx.query(
    'SELECT year, amount::text AS amount FROM insats_budget WHERE insats_id = $1 ORDER BY year',
    [insatsId],
  );
}
