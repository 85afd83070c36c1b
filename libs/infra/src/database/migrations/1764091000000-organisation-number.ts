import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A förbund's organisationsnummer (issue 18: the platform admin creates a förbund from nothing). Optional for the
 * förbund set up from bundles before; unique where given, so one legal entity is not set up twice.
 */
export class OrganisationNumber1764091000000 implements MigrationInterface {
  name = 'OrganisationNumber1764091000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation ADD COLUMN organisation_number text
        CHECK (organisation_number IS NULL OR organisation_number ~ '^\\d{6}-\\d{4}$');
      CREATE UNIQUE INDEX organisation_number_unique ON organisation (organisation_number)
        WHERE organisation_number IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS organisation_number_unique;
      ALTER TABLE organisation DROP COLUMN IF EXISTS organisation_number;
    `);
  }
}
