import { groupRows, Tx } from '@app/infra';

/** A förbund as the API shows it. */
export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
  reportingUnit: string;
  vision: string | null;
  organisationNumber: string | null;
  logoFileId: string | null;
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
  end: string | null;
  version: number;
  decidedOn: string | null;
  decisionBody: string | null;
  decisionText: string | null;
}

const ORG_COLUMNS =
  'id, slug, name, reporting_unit AS "reportingUnit", vision, organisation_number AS "organisationNumber", logo_file_id AS "logoFileId"';
const INSATS_COLUMNS = `id, organisation_id AS "organisationId", key, name, type, cost_centre_code AS "costCentre", owner_party_key AS "ownerParty",
  to_char(start_date,'YYYY-MM-DD') AS start, to_char(end_date,'YYYY-MM-DD') AS "end",
  version, to_char(decided_on,'YYYY-MM-DD') AS "decidedOn", decision_body AS "decisionBody", decision_text AS "decisionText"`;

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

export async function insatsById(tx: Tx, id: string): Promise<InsatsRow | null> {
  const [row] = await tx.query(`SELECT ${INSATS_COLUMNS} FROM insats WHERE id = $1`, [id]);
  return row ?? null;
}

export async function parties(
  tx: Tx,
  organisationId: string,
): Promise<Array<{ key: string; name: string; kind: string }>> {
  return (await partiesOf(tx, [organisationId])).get(organisationId) ?? [];
}

export async function costCentres(tx: Tx, organisationId: string): Promise<CostCentreRow[]> {
  return (await costCentresOf(tx, [organisationId])).get(organisationId) ?? [];
}

/** A cost centre with its split of shared costs (empty: none) and the version an edit starts from. */
export interface CostCentreRow {
  code: string;
  name: string;
  category: string;
  split: Array<{ purpose: string; share: string; note?: string }>;
  version: number;
}

export interface MatpunktRow {
  key: string;
  year: number;
  text: string;
  metric: string | null;
  op: string | null;
  target: string | null;
}

/*
 * Batch reads for the field resolvers (one query per request, not per förbund or insats; see
 * organisation.loaders.ts). Each answers a map by the parent's id, each list in the order the API has always shown.
 */

export async function organisationsByIds(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, OrganisationRow>> {
  const rows: OrganisationRow[] = await tx.query(
    `SELECT ${ORG_COLUMNS} FROM organisation WHERE id = ANY($1)`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The insatser of several förbund (only: null), or only those among the given ids; by key. */
export async function insatserOf(
  tx: Tx,
  organisationIds: readonly string[],
  only: readonly string[] | null,
): Promise<Map<string, InsatsRow[]>> {
  const rows: InsatsRow[] = await tx.query(
    `SELECT ${INSATS_COLUMNS} FROM insats WHERE organisation_id = ANY($1) AND ($2::uuid[] IS NULL OR id = ANY($2))
      ORDER BY organisation_id, key`,
    [organisationIds, only],
  );
  const out = new Map<string, InsatsRow[]>();
  for (const r of rows) out.set(r.organisationId, [...(out.get(r.organisationId) ?? []), r]);
  return out;
}

export async function partiesOf(
  tx: Tx,
  organisationIds: readonly string[],
): Promise<Map<string, Array<{ key: string; name: string; kind: string }>>> {
  return groupRows(
    await tx.query(
      `SELECT organisation_id AS "of", key, name, kind FROM party WHERE organisation_id = ANY($1)
        ORDER BY organisation_id, created_at, key`,
      [organisationIds],
    ),
  );
}

export async function costCentresOf(
  tx: Tx,
  organisationIds: readonly string[],
): Promise<Map<string, CostCentreRow[]>> {
  return groupRows(
    await tx.query(
      `SELECT organisation_id AS "of", code, name, category, COALESCE(split, '[]'::jsonb) AS split, version
         FROM cost_centre WHERE organisation_id = ANY($1)
        ORDER BY organisation_id, code`,
      [organisationIds],
    ),
  );
}

export async function workflowConfigsOf(
  tx: Tx,
  organisationIds: readonly string[],
): Promise<Map<string, unknown>> {
  const rows: Array<{ id: string; workflow_config: unknown }> = await tx.query(
    'SELECT id, workflow_config FROM organisation WHERE id = ANY($1)',
    [organisationIds],
  );
  return new Map(rows.map((r) => [r.id, r.workflow_config ?? null]));
}

/** Mätpunkter of several insatser, each for one year or (year null) every year; keyed `insatsId:year` ('' for null). */
export async function matpunkterOf(
  tx: Tx,
  wanted: ReadonlyArray<{ insatsId: string; year: number | null }>,
): Promise<Map<string, MatpunktRow[]>> {
  return groupRows(
    await tx.query(
      `SELECT w.insats_id || ':' || COALESCE(w.year::text, '') AS "of",
              m.key, m.year, m.text, m.metric, m.op, m.target::text AS target
         FROM unnest($1::uuid[], $2::int[]) AS w(insats_id, year)
         JOIN matpunkt m ON m.insats_id = w.insats_id AND (w.year IS NULL OR m.year = w.year)
        ORDER BY 1, m.year, m.position`,
      [wanted.map((w) => w.insatsId), wanted.map((w) => w.year)],
    ),
  );
}

export async function insatsBudgetsOf(
  tx: Tx,
  insatsIds: readonly string[],
): Promise<Map<string, Array<{ year: number; amount: string }>>> {
  return groupRows(
    await tx.query(
      `SELECT insats_id AS "of", year, amount::text AS amount FROM insats_budget WHERE insats_id = ANY($1)
        ORDER BY insats_id, year`,
      [insatsIds],
    ),
  );
}
