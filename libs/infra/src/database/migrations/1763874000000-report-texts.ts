import { MigrationInterface, QueryRunner } from 'typeorm';

/** The förbundschef's own texts for a report (förvaltningsberättelse), versioned for safe concurrent editing. */
export class ReportTexts1763874000000 implements MigrationInterface {
  name = 'ReportTexts1763874000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_text (
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        kind text NOT NULL CHECK (kind IN ('DELARSRAPPORT','ARSREDOVISNING')),
        year integer NOT NULL,
        texts jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES person(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, kind, year)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS report_text');
  }
}
