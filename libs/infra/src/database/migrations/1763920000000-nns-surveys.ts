import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The NNS indikatorenkät: the national catalogue (versions are immutable; a förbund cannot reword a question)
 * and each förbund's answer counts per year. Counts hold no personal data: numbers per answer option only.
 */
export class NnsSurveys1763920000000 implements MigrationInterface {
  name = 'NnsSurveys1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE nns_catalogue (
        version integer PRIMARY KEY,
        catalogue_key text NOT NULL,
        data jsonb NOT NULL,
        sha256 text NOT NULL,
        loaded_by uuid REFERENCES person(id),
        loaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE FUNCTION nns_catalogue_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'a loaded NNS catalogue version is immutable'; END $$;
      CREATE TRIGGER nns_catalogue_immutable BEFORE UPDATE OR DELETE ON nns_catalogue
        FOR EACH ROW EXECUTE FUNCTION nns_catalogue_immutable();
      CREATE TABLE survey_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        year integer NOT NULL,
        source text NOT NULL CHECK (source IN ('IMPORT')),
        catalogue_version integer NOT NULL REFERENCES nns_catalogue(version),
        counts jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES person(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, year)
      );
      -- Rounds answered in the platform: participants with one-time codes on an anonymous link, the board and
      -- the beredningsgrupp signed in. Answers are only ever added to tallies: nothing ties an answer to a code,
      -- a person or a device (codes are hashed and only marked used; who answered is kept apart from what).
      CREATE TABLE survey_collection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        year integer NOT NULL,
        survey text NOT NULL,
        insats_id uuid REFERENCES insats(id),
        catalogue_version integer NOT NULL REFERENCES nns_catalogue(version),
        mode text NOT NULL CHECK (mode IN ('CODES','SIGNED_IN')),
        link_id text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('OPEN','CLOSED')),
        asked integer NOT NULL DEFAULT 0,
        answered integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        opened_by uuid REFERENCES person(id),
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      );
      CREATE INDEX survey_collection_org_year ON survey_collection (organisation_id, year);
      CREATE TABLE survey_code (
        collection_id uuid NOT NULL REFERENCES survey_collection(id),
        code_hash text NOT NULL,
        used boolean NOT NULL DEFAULT false,
        PRIMARY KEY (collection_id, code_hash)
      );
      CREATE TABLE survey_respondent (
        collection_id uuid NOT NULL REFERENCES survey_collection(id),
        person_id uuid NOT NULL REFERENCES person(id),
        PRIMARY KEY (collection_id, person_id)
      );
      CREATE TABLE survey_tally (
        collection_id uuid NOT NULL REFERENCES survey_collection(id),
        question integer NOT NULL,
        option text NOT NULL,
        count integer NOT NULL CHECK (count >= 0),
        PRIMARY KEY (collection_id, question, option)
      );
      -- A förbund's NNS settings: which indicators its årsredovisning's annex shows (empty: every indicator with
      -- counts) and the smallest group it reports a share for (to protect participants).
      CREATE TABLE nns_settings (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id),
        indicators integer[] NOT NULL DEFAULT '{}',
        min_group_size integer NOT NULL DEFAULT 5 CHECK (min_group_size BETWEEN 1 AND 100),
        updated_by uuid REFERENCES person(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- An account of the national network (NNS): sees the national roll-up, never any förbund's data.
      ALTER TABLE person ADD COLUMN is_national_network boolean NOT NULL DEFAULT false;
      -- A förbund's board decision to contribute its counts to the national roll-up (never its own shares).
      CREATE TABLE nns_national_consent (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id),
        opted_in boolean NOT NULL,
        decided_at date NOT NULL,
        decision_reference text NOT NULL,
        updated_by uuid REFERENCES person(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS nns_national_consent; DROP TABLE IF EXISTS nns_settings; ALTER TABLE person DROP COLUMN IF EXISTS is_national_network; DROP TABLE IF EXISTS survey_tally; DROP TABLE IF EXISTS survey_respondent; DROP TABLE IF EXISTS survey_code; DROP TABLE IF EXISTS survey_collection; DROP TABLE IF EXISTS survey_round; DROP TABLE IF EXISTS nns_catalogue;
      DROP FUNCTION IF EXISTS nns_catalogue_immutable();`);
  }
}
