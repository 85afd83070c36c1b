import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report rules that are the förbund's data, not one seed's: its report settings (delår end, deviation sign,
 * driftredovisning columns), income budgeted on a budget line with its source, and the checks as a working
 * document of their own (a PDF beside the published report, never a chapter of it).
 */
export class ReportRules1764040000000 implements MigrationInterface {
  name = 'ReportRules1764040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation ADD COLUMN report_settings jsonb NOT NULL DEFAULT '{}'::jsonb;
      ALTER TABLE budget_line ADD COLUMN income numeric(18,2);
      ALTER TABLE budget_line ADD COLUMN income_source text;
      ALTER TABLE budget_line ADD CONSTRAINT budget_line_income_source_check
        CHECK ((income IS NULL) = (income_source IS NULL));
      ALTER TABLE report ADD COLUMN checks_file_id uuid REFERENCES stored_file(id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report DROP COLUMN IF EXISTS checks_file_id;
      ALTER TABLE budget_line DROP CONSTRAINT IF EXISTS budget_line_income_source_check;
      ALTER TABLE budget_line DROP COLUMN IF EXISTS income_source;
      ALTER TABLE budget_line DROP COLUMN IF EXISTS income;
      ALTER TABLE organisation DROP COLUMN IF EXISTS report_settings;
    `);
  }
}
