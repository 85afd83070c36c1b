import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The förbund's logo for its published reports (issue 18.4): a stored file of the förbund itself. A column of the
 * organisation (no new tenant table); the file row keeps its own organisation_id and row-level security.
 */
export class OrganisationLogo1764093000000 implements MigrationInterface {
  name = 'OrganisationLogo1764093000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation ADD COLUMN logo_file_id uuid REFERENCES stored_file(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE organisation DROP COLUMN IF EXISTS logo_file_id');
  }
}
