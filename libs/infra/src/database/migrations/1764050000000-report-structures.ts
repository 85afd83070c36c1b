import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './1763930000000-tenant-rls';

/**
 * A förbund's report structure per report kind (which sections from the catalogue, in which order, with which
 * headings), versioned like form templates: every change is a new row, the highest version is in force, and a
 * compiled report records the version it followed (NULL: the seeds' default).
 */
export class ReportStructures1764050000000 implements MigrationInterface {
  name = 'ReportStructures1764050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_structure (
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('DELARSRAPPORT','ARSREDOVISNING')),
        version integer NOT NULL CHECK (version > 0),
        entries jsonb NOT NULL CHECK (jsonb_typeof(entries) = 'array'),
        created_by uuid REFERENCES person(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, kind, version)
      );
      ALTER TABLE report ADD COLUMN structure_version integer;
    `);
    await enableTenantRls(q, 'report_structure');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE report DROP COLUMN IF EXISTS structure_version');
    await q.query('DROP TABLE IF EXISTS report_structure');
  }
}
