import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kansli keeps its insatser in the platform (issue 18): an insats may run without a decided end (it is ended
 * by setting one), carries the decision that granted it (date, body, text), and a version that guards edits
 * against overwriting each other. No new table: insats already has its row-level-security policy.
 */
export class InsatsRegister1764010000000 implements MigrationInterface {
  name = 'InsatsRegister1764010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE insats ALTER COLUMN end_date DROP NOT NULL;
      ALTER TABLE insats
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN decided_on date,
        ADD COLUMN decision_body text,
        ADD COLUMN decision_text text,
        ADD CONSTRAINT insats_period CHECK (end_date IS NULL OR end_date >= start_date);

      -- Any change to the row (a bundle import too) moves the version on, so an edit based on an older read is
      -- refused; an update that sets the version itself (the kansli's edit) is left as it is.
      CREATE FUNCTION insats_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.version = OLD.version AND (NEW.*) IS DISTINCT FROM (OLD.*) THEN
          NEW.version := OLD.version + 1;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER insats_version BEFORE UPDATE ON insats FOR EACH ROW EXECUTE FUNCTION insats_bump_version();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS insats_version ON insats;
      DROP FUNCTION IF EXISTS insats_bump_version();
      ALTER TABLE insats DROP CONSTRAINT IF EXISTS insats_period,
        DROP COLUMN IF EXISTS decision_text, DROP COLUMN IF EXISTS decision_body,
        DROP COLUMN IF EXISTS decided_on, DROP COLUMN IF EXISTS version;
      UPDATE insats SET end_date = make_date(extract(year FROM start_date)::int + 2, 12, 31) WHERE end_date IS NULL;
      ALTER TABLE insats ALTER COLUMN end_date SET NOT NULL;
    `);
  }
}
