import { MigrationInterface, QueryRunner } from 'typeorm';

/** The verksamhetsplan is compiled and signed like a report; a decided plan remembers the report it was signed as. */
export class PlanReports1763920200000 implements MigrationInterface {
  name = 'PlanReports1763920200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report DROP CONSTRAINT IF EXISTS report_kind_check;
      ALTER TABLE report ADD CONSTRAINT report_kind_check
        CHECK (kind IN ('DELARSRAPPORT','ARSREDOVISNING','VERKSAMHETSPLAN'));
      ALTER TABLE plan ADD COLUMN decided_report_id uuid REFERENCES report(id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE plan DROP COLUMN IF EXISTS decided_report_id;
      ALTER TABLE report DROP CONSTRAINT IF EXISTS report_kind_check;
      ALTER TABLE report ADD CONSTRAINT report_kind_check CHECK (kind IN ('DELARSRAPPORT','ARSREDOVISNING'));
    `);
  }
}
