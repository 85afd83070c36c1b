import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables with their own organisation_id column. A nullable one (marked) holds platform rows too (the
 * platform's audit chain, global form templates, jobs and files of no förbund): those rows belong to no
 * förbund and stay visible; every förbund's row is isolated.
 */
export const RLS_TENANT_TABLES: ReadonlyArray<{ table: string; nullable?: true }> = [
  { table: 'audit_checkpoint' },
  { table: 'audit_entry', nullable: true },
  { table: 'budget' },
  { table: 'cost_centre' },
  { table: 'financial_goal' },
  { table: 'forecast' },
  { table: 'form_template', nullable: true },
  { table: 'funding' },
  { table: 'historical_key_figure' },
  { table: 'insats' },
  { table: 'nns_national_consent' },
  { table: 'nns_settings' },
  { table: 'outbox', nullable: true },
  { table: 'party' },
  { table: 'plan' },
  { table: 'report' },
  { table: 'report_text' },
  { table: 'role_assignment' },
  { table: 'sie_import' },
  { table: 'signing_request' },
  { table: 'stored_file', nullable: true },
  { table: 'submission' },
  { table: 'submission_comment' },
  { table: 'survey_collection' },
  { table: 'survey_round' },
];

/** Tables that belong to a förbund through their parent: a row is visible when its parent row is. */
export const RLS_CHILD_TABLES: ReadonlyArray<{
  table: string;
  column: string;
  parent: string;
  nullable?: true;
}> = [
  { table: 'budget_line', column: 'budget_id', parent: 'budget' },
  { table: 'forecast_line', column: 'forecast_id', parent: 'forecast' },
  { table: 'insats_budget', column: 'insats_id', parent: 'insats' },
  { table: 'matpunkt', column: 'insats_id', parent: 'insats' },
  { table: 'ledger_account', column: 'import_id', parent: 'sie_import' },
  { table: 'ledger_object', column: 'import_id', parent: 'sie_import' },
  { table: 'ledger_balance', column: 'import_id', parent: 'sie_import' },
  { table: 'submission_approval', column: 'submission_id', parent: 'submission' },
  { table: 'signing_signer', column: 'request_id', parent: 'signing_request' },
  { table: 'bankid_order', column: 'request_id', parent: 'signing_request' },
  { table: 'webauthn_challenge', column: 'request_id', parent: 'signing_request', nullable: true },
  { table: 'survey_code', column: 'collection_id', parent: 'survey_collection' },
  { table: 'survey_respondent', column: 'collection_id', parent: 'survey_collection' },
  { table: 'survey_tally', column: 'collection_id', parent: 'survey_collection' },
];

/**
 * Tables without row-level security, and why (the RLS test fails on any other table without it).
 * ledger_transaction is filled with COPY, which PostgreSQL refuses on a table with row-level security; it is
 * read only through sie_import, whose policy isolates it in every join.
 */
export const RLS_EXEMPT_TABLES: Readonly<Record<string, string>> = {
  organisation: 'the förbund themselves (public names and slugs)',
  person: 'people are shared between förbund; each förbund reaches them through role_assignment',
  person_passkey: "a person's own factors",
  person_totp: "a person's own factors",
  mail_log: 'the platform’s mail log',
  nns_catalogue: 'the national catalogue, the same for every förbund',
  ledger_transaction: 'filled with COPY (refused under RLS); isolated through sie_import in every read',
  typeorm_migrations: 'the schema’s own bookkeeping',
  file_blob:
    'file contents by SHA-256, shared and deduplicated; reached only through stored_file, which is isolated',
  file_blob_chunk: 'the chunks of file_blob, likewise reached only through stored_file',
};

const POLICY = 'tenant_isolation';

/**
 * Row-level security on a table with its own organisation_id (`nullable`: rows of no förbund stay visible).
 * A later migration that creates a tenant table calls this for it (the RLS test fails until it does).
 */
export async function enableTenantRls(q: QueryRunner, table: string, nullable = false): Promise<void> {
  const rule = nullable
    ? '(organisation_id IS NULL OR app_tenant_id() IS NULL OR organisation_id = app_tenant_id())'
    : '(app_tenant_id() IS NULL OR organisation_id = app_tenant_id())';
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY ${POLICY} ON ${table} USING ${rule} WITH CHECK ${rule}`);
}

/** Row-level security on a table that belongs to a förbund through `column` → `parent`.id. */
export async function enableChildRls(
  q: QueryRunner,
  t: { table: string; column: string; parent: string; nullable?: boolean },
): Promise<void> {
  const owned = `EXISTS (SELECT 1 FROM ${t.parent} p WHERE p.id = ${t.table}.${t.column} AND p.organisation_id = app_tenant_id())`;
  const rule = `(app_tenant_id() IS NULL${t.nullable ? ` OR ${t.column} IS NULL` : ''} OR ${owned})`;
  await q.query(`ALTER TABLE ${t.table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY ${POLICY} ON ${t.table} USING ${rule} WITH CHECK ${rule}`);
}

/**
 * Defence in depth for tenant isolation: row-level security on every tenant table, keyed by the
 * transaction-local setting app.organisation_id (see libs/infra/src/database/tenant-scope.ts). With the setting
 * absent (or 'platform') every row is visible, as before; with a förbund's id only that förbund's rows are
 * seen, changed or written, so a query whose WHERE organisation_id was forgotten returns nothing of another
 * förbund. FORCE makes them bind the schema's owner too (a deployment that connects as the owner); migrations
 * run unscoped and see every row. Only a superuser or a BYPASSRLS role is not subject to them.
 */
export class TenantRls1763930000000 implements MigrationInterface {
  name = 'TenantRls1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The förbund the current transaction is scoped to; NULL when unscoped or explicitly platform-wide.
      CREATE FUNCTION app_tenant_id() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT nullif(nullif(current_setting('app.organisation_id', true), ''), 'platform')::uuid $$;
    `);
    for (const { table, nullable } of RLS_TENANT_TABLES) await enableTenantRls(q, table, nullable);
    for (const child of RLS_CHILD_TABLES) await enableChildRls(q, child);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of [...RLS_TENANT_TABLES, ...RLS_CHILD_TABLES]) {
      await q.query(`DROP POLICY IF EXISTS ${POLICY} ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY`);
    }
    await q.query('DROP FUNCTION IF EXISTS app_tenant_id()');
  }
}
