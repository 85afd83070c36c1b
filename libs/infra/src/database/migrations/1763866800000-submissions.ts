import { MigrationInterface, QueryRunner } from 'typeorm';

/** Form templates, submissions with their approvals and comments. */
export class Submissions1763866800000 implements MigrationInterface {
  name = 'Submissions1763866800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE form_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid REFERENCES organisation(id),
        key text NOT NULL,
        version integer NOT NULL,
        title text NOT NULL,
        definition jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES person(id),
        CONSTRAINT form_template_version UNIQUE NULLS NOT DISTINCT (organisation_id, key, version)
      );
      -- A published version never changes.
      CREATE FUNCTION form_template_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published form template never changes; publish a new version' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER form_template_no_update BEFORE UPDATE ON form_template FOR EACH ROW EXECUTE FUNCTION form_template_immutable();

      CREATE TABLE submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        insats_id uuid NOT NULL REFERENCES insats(id),
        period text NOT NULL CHECK (period ~ '^(DELAR|HELAR)-[0-9]{4}$'),
        revision integer NOT NULL DEFAULT 1,
        is_current boolean NOT NULL DEFAULT true,
        template_id uuid NOT NULL REFERENCES form_template(id),
        status text NOT NULL CHECK (status IN ('DRAFT','SUBMITTED','STYRGRUPP_APPROVED','APPROVED','RETURNED','WITHDRAWN')),
        step integer NOT NULL DEFAULT 0,
        approvals_at_step integer NOT NULL DEFAULT 0,
        round integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        answers jsonb NOT NULL,
        content_hash text,
        submitted_at timestamptz,
        approved_at timestamptz,
        previous_revision_id uuid REFERENCES submission(id),
        created_by uuid REFERENCES person(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (insats_id, period, revision)
      );
      CREATE UNIQUE INDEX submission_one_current ON submission (insats_id, period) WHERE is_current;
      CREATE INDEX submission_org ON submission (organisation_id, period);

      CREATE TABLE submission_approval (
        submission_id uuid NOT NULL REFERENCES submission(id),
        round integer NOT NULL,
        step integer NOT NULL,
        person_id uuid NOT NULL REFERENCES person(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (submission_id, round, step, person_id)
      );

      CREATE TABLE submission_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submission(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        parent_id uuid REFERENCES submission_comment(id),
        field_path text,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        author_id uuid NOT NULL REFERENCES person(id),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES person(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX submission_comment_sub ON submission_comment (submission_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS submission_comment, submission_approval, submission;
      DROP TRIGGER IF EXISTS form_template_no_update ON form_template;
      DROP TABLE IF EXISTS form_template;
      DROP FUNCTION IF EXISTS form_template_immutable();
    `);
  }
}
