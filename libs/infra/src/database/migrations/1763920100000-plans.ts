import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The verksamhetsplan och budget as data: one row per revision of a förbund's plan for a year. Only one
 * revision per year is current (not superseded); `version` guards concurrent edits.
 */
export class Plans1763920100000 implements MigrationInterface {
  name = 'Plans1763920100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        year integer NOT NULL,
        revision integer NOT NULL DEFAULT 1,
        status text NOT NULL CHECK (status IN ('DRAFT','FOR_DECISION','DECIDED','SUPERSEDED')),
        data jsonb NOT NULL,
        based_on uuid REFERENCES plan(id),
        version integer NOT NULL DEFAULT 1,
        decided_at date,
        created_by uuid REFERENCES person(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES person(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, year, revision)
      );
      -- At most one revision being written or decided on, and at most one decided, per förbund and year.
      CREATE UNIQUE INDEX plan_one_open ON plan (organisation_id, year) WHERE status IN ('DRAFT','FOR_DECISION');
      CREATE UNIQUE INDEX plan_one_decided ON plan (organisation_id, year) WHERE status = 'DECIDED';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS plan');
  }
}
