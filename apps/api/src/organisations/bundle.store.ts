import { returningRows, Tx } from '@app/infra';

/** The SQL of a förbund's bundle: what the import writes besides the synced sets, and what the export reads. */

export interface OrganisationSettingsRow {
  id: string;
  slug: string;
  name: string;
  reporting_unit: string;
  vision: string | null;
  account_mapping: Record<string, unknown> | null;
  workflow_config: Record<string, unknown> | null;
  report_settings: Record<string, unknown> | null;
  organisation_number: string | null;
}

export async function organisationIdBySlug(tx: Tx, slug: string): Promise<string | null> {
  const [row] = await tx.query('SELECT id FROM organisation WHERE slug = $1', [slug]);
  return row?.id ?? null;
}

/** The slug of the förbund that holds the organisationsnummer, if any. */
export async function slugHoldingNumber(tx: Tx, organisationNumber: string): Promise<string | null> {
  const [row] = await tx.query('SELECT slug FROM organisation WHERE organisation_number = $1', [
    organisationNumber,
  ]);
  return row?.slug ?? null;
}

/** Creates or updates the förbund's own row; the id when something changed, null when nothing did. */
export async function upsertOrganisation(
  tx: Tx,
  o: {
    slug: string;
    name: string;
    reportingUnit: string;
    vision: string | null;
    accountMapping: unknown;
    workflow: unknown;
    reportSettings: unknown;
    /** Left out (older bundles): the förbund keeps the one it has. */
    organisationNumber?: string | null;
  },
): Promise<string | null> {
  const rows = await tx.query(
    `INSERT INTO organisation AS t (slug, name, reporting_unit, vision, account_mapping, workflow_config, report_settings, organisation_number) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, reporting_unit = EXCLUDED.reporting_unit, vision = EXCLUDED.vision,
       account_mapping = EXCLUDED.account_mapping, workflow_config = EXCLUDED.workflow_config, report_settings = EXCLUDED.report_settings,
       organisation_number = COALESCE(EXCLUDED.organisation_number, t.organisation_number),
       updated_at = now(), version = t.version + 1
     WHERE (t.name, t.reporting_unit, t.vision, t.account_mapping, t.workflow_config, t.report_settings, t.organisation_number) IS DISTINCT FROM
           (EXCLUDED.name, EXCLUDED.reporting_unit, EXCLUDED.vision, EXCLUDED.account_mapping, EXCLUDED.workflow_config, EXCLUDED.report_settings,
            COALESCE(EXCLUDED.organisation_number, t.organisation_number))
     RETURNING id`,
    [
      o.slug,
      o.name,
      o.reportingUnit,
      o.vision,
      o.accountMapping ? JSON.stringify(o.accountMapping) : null,
      o.workflow ? JSON.stringify(o.workflow) : null,
      JSON.stringify(o.reportSettings ?? {}),
      o.organisationNumber ?? null,
    ],
  );
  return rows[0]?.id ?? null;
}

export function budgetIds(
  tx: Tx,
  organisationId: string,
): Promise<Array<{ id: string; year: number; decided: string; kind: string }>> {
  return tx.query(
    `SELECT id, year, to_char(decided, 'YYYY-MM-DD') AS decided, kind FROM budget WHERE organisation_id = $1`,
    [organisationId],
  );
}

export function forecastIds(
  tx: Tx,
  organisationId: string,
): Promise<Array<{ id: string; year: number; as_of: string }>> {
  return tx.query(
    `SELECT id, year, to_char(as_of, 'YYYY-MM-DD') AS as_of FROM forecast WHERE organisation_id = $1`,
    [organisationId],
  );
}

/** The förbund's insatser by key. */
export async function insatsIds(tx: Tx, organisationId: string): Promise<Map<string, string>> {
  const rows: Array<{ id: string; key: string }> = await tx.query(
    'SELECT id, key FROM insats WHERE organisation_id = $1',
    [organisationId],
  );
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** Makes the förbund's kommuner key the bundle's (none: removed); how many rows changed. */
export async function syncKommunKey(
  tx: Tx,
  organisationId: string,
  shares: Record<string, string> | null,
): Promise<number> {
  if (!shares || !Object.keys(shares).length)
    return (
      await returningRows(tx, 'DELETE FROM kommun_key WHERE organisation_id = $1 RETURNING 1', [
        organisationId,
      ])
    ).length;
  const rows = await tx.query(
    `INSERT INTO kommun_key AS t (organisation_id, shares) VALUES ($1, $2)
     ON CONFLICT (organisation_id) DO UPDATE SET shares = EXCLUDED.shares, updated_at = now()
     WHERE t.shares IS DISTINCT FROM EXCLUDED.shares RETURNING 1`,
    [organisationId, JSON.stringify(shares)],
  );
  return rows.length;
}

/**
 * Moves a budget decision or forecast whose lines changed to a new version (the version trigger counts it). One
 * made by this same import (created at this transaction's now()) stays at its first version.
 */
export async function touchDecision(tx: Tx, table: 'budget' | 'forecast', id: string): Promise<void> {
  await returningRows(
    tx,
    `UPDATE ${table} SET updated_at = now() WHERE id = $1 AND created_at < now() RETURNING 1`,
    [id],
  );
}

export async function kommunKeyShares(
  tx: Tx,
  organisationId: string,
): Promise<Record<string, string> | null> {
  const [row] = await tx.query('SELECT shares FROM kommun_key WHERE organisation_id = $1', [organisationId]);
  return row?.shares ?? null;
}

// The export's reads: each returns the förbund's rows in the bundle's order.

export async function organisationSettings(tx: Tx, slug: string): Promise<OrganisationSettingsRow | null> {
  const [o] = await tx.query(
    'SELECT id, slug, name, reporting_unit, vision, account_mapping, workflow_config, report_settings, organisation_number FROM organisation WHERE slug = $1',
    [slug],
  );
  return o ?? null;
}

export function fundingRows(
  tx: Tx,
  organisationId: string,
): Promise<Array<{ year: number; party_key: string; amount: string; account: string; note: string | null }>> {
  return tx.query(
    'SELECT year, party_key, amount::text AS amount, account, note FROM funding WHERE organisation_id = $1 ORDER BY year, party_key',
    [organisationId],
  );
}

export function financialGoals(
  tx: Tx,
  organisationId: string,
): Promise<Array<{ year: number; key: string; text: string; metric: string; op: string; value: string }>> {
  return tx.query(
    'SELECT year, key, text, metric, op, value::text AS value FROM financial_goal WHERE organisation_id = $1 ORDER BY year, key',
    [organisationId],
  );
}

export function historicalKeyFigures(
  tx: Tx,
  organisationId: string,
): Promise<Array<{ year: number; figures: Record<string, string> }>> {
  return tx.query(
    'SELECT year, figures FROM historical_key_figure WHERE organisation_id = $1 ORDER BY year',
    [organisationId],
  );
}

export interface InsatsExportRow {
  id: string;
  key: string;
  name: string;
  type: string;
  owner_party_key: string;
  cost_centre_code: string;
  start: string;
  end: string | null;
  decided_on: string | null;
  decision_body: string | null;
  decision_text: string | null;
}

export function insatsRows(tx: Tx, organisationId: string): Promise<InsatsExportRow[]> {
  return tx.query(
    `SELECT id, key, name, type, owner_party_key, cost_centre_code, to_char(start_date,'YYYY-MM-DD') AS start,
            to_char(end_date,'YYYY-MM-DD') AS "end", to_char(decided_on,'YYYY-MM-DD') AS decided_on,
            decision_body, decision_text
       FROM insats WHERE organisation_id = $1 ORDER BY created_at, key`,
    [organisationId],
  );
}

export function insatsBudgetRows(
  tx: Tx,
  insatsIds: string[],
): Promise<Array<{ insats_id: string; year: number; amount: string; decision: string | null }>> {
  return tx.query(
    'SELECT insats_id, year, amount::text AS amount, decision FROM insats_budget WHERE insats_id = ANY($1) ORDER BY year',
    [insatsIds],
  );
}

export function matpunktRows(
  tx: Tx,
  insatsIds: string[],
): Promise<
  Array<{
    insats_id: string;
    year: number;
    key: string;
    text: string;
    metric: string | null;
    op: string | null;
    target: string | null;
  }>
> {
  return tx.query(
    `SELECT insats_id, year, key, text, metric, op, target::text AS target FROM matpunkt
      WHERE insats_id = ANY($1) ORDER BY year, position`,
    [insatsIds],
  );
}

/** One role of a person in the förbund, with what this förbund (and only it) keeps about the person. */
export interface PersonRoleExportRow {
  name: string;
  email: string;
  personal_number: string | null;
  role: string;
  insats: string | null;
  party_key: string | null;
  title: string | null;
}

export function personRoleRows(tx: Tx, organisationId: string): Promise<PersonRoleExportRow[]> {
  return tx.query(
    `SELECT p.name, p.email, m.personal_number, r.role, i.key AS insats, r.party_key, r.title
       FROM role_assignment r
       JOIN membership m ON m.organisation_id = r.organisation_id AND m.person_id = r.person_id
       JOIN person p ON p.id = r.person_id
       LEFT JOIN insats i ON i.id = r.insats_id
      WHERE r.organisation_id = $1 ORDER BY p.created_at, p.email, r.created_at`,
    [organisationId],
  );
}
