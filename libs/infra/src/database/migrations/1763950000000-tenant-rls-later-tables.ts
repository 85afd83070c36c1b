import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './1763930000000-tenant-rls';

/** Row-level security on the tenant tables made after the policies were introduced. */
export class TenantRlsLaterTables1763950000000 implements MigrationInterface {
  name = 'TenantRlsLaterTables1763950000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['seal_key', 'membership', 'follow_up_exemption']) await enableTenantRls(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['seal_key', 'membership', 'follow_up_exemption'])
      await q.query(
        `DROP POLICY IF EXISTS tenant_isolation ON ${table}; ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY`,
      );
  }
}
