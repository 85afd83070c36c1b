import { MigrationInterface, QueryRunner } from 'typeorm';

/** Compiled reports: each compilation is a version; the files appear only when complete. */
export class Reports1763870400000 implements MigrationInterface {
  name = 'Reports1763870400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        kind text NOT NULL CHECK (kind IN ('DELARSRAPPORT','ARSREDOVISNING')),
        year integer NOT NULL,
        version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('QUEUED','RUNNING','READY','FAILED')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        stage text,
        model jsonb,
        checks jsonb,
        checks_passed boolean,
        pdf_file_id uuid REFERENCES stored_file(id),
        xlsx_file_id uuid REFERENCES stored_file(id),
        json_file_id uuid REFERENCES stored_file(id),
        error text,
        attempts integer NOT NULL DEFAULT 0,
        requested_by uuid REFERENCES person(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (organisation_id, kind, year, version)
      );
      CREATE INDEX report_org ON report (organisation_id, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS report');
  }
}
