import { MigrationInterface, QueryRunner } from 'typeorm';

/** Förbund, their set-up, people and roles, the audit trail and the job outbox. */
export class Foundation1763859600000 implements MigrationInterface {
  name = 'Foundation1763859600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pgcrypto;

      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        reporting_unit text NOT NULL CHECK (reporting_unit IN ('tkr','kr')),
        vision text,
        account_mapping jsonb,
        workflow_config jsonb,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE party (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        key text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('STAT','REGION','KOMMUN')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, key)
      );

      CREATE TABLE funding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        year integer NOT NULL,
        party_key text NOT NULL,
        amount numeric(18,2) NOT NULL,
        account text NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, year, party_key)
      );

      CREATE TABLE cost_centre (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        category text NOT NULL CHECK (category IN ('ADMINISTRATION','FORBUND','INSATS')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, code)
      );

      CREATE TABLE budget (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        year integer NOT NULL,
        decided date NOT NULL,
        kind text NOT NULL DEFAULT 'ORDINARY' CHECK (kind IN ('ORDINARY','SUPPLEMENTARY')),
        funded_by text,
        outlook jsonb,
        financing jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, year, decided, kind)
      );

      CREATE TABLE budget_line (
        budget_id uuid NOT NULL REFERENCES budget(id) ON DELETE CASCADE,
        cost_centre_code text NOT NULL,
        amount numeric(18,2) NOT NULL,
        PRIMARY KEY (budget_id, cost_centre_code)
      );

      CREATE TABLE forecast (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        year integer NOT NULL,
        as_of date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, year, as_of)
      );

      CREATE TABLE forecast_line (
        forecast_id uuid NOT NULL REFERENCES forecast(id) ON DELETE CASCADE,
        cost_centre_code text NOT NULL,
        amount numeric(18,2) NOT NULL,
        PRIMARY KEY (forecast_id, cost_centre_code)
      );

      CREATE TABLE financial_goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        year integer NOT NULL,
        key text NOT NULL,
        text text NOT NULL,
        metric text NOT NULL,
        op text NOT NULL,
        value numeric(24,6) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, year, key)
      );

      CREATE TABLE historical_key_figure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        year integer NOT NULL,
        figures jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, year)
      );

      CREATE TABLE insats (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        key text NOT NULL,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('INDIVID','STRUKTUR')),
        owner_party_key text NOT NULL,
        cost_centre_code text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, key)
      );

      CREATE TABLE insats_budget (
        insats_id uuid NOT NULL REFERENCES insats(id) ON DELETE CASCADE,
        year integer NOT NULL,
        amount numeric(18,2) NOT NULL,
        decision text,
        PRIMARY KEY (insats_id, year)
      );

      CREATE TABLE matpunkt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        insats_id uuid NOT NULL REFERENCES insats(id) ON DELETE CASCADE,
        year integer NOT NULL,
        key text NOT NULL,
        text text NOT NULL,
        metric text,
        op text,
        target numeric(24,6),
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (insats_id, year, key)
      );

      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text,
        is_platform_admin boolean NOT NULL DEFAULT false,
        token_version integer NOT NULL DEFAULT 1,
        invitation_token_hash text UNIQUE,
        invitation_expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE role_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        role text NOT NULL,
        insats_id uuid REFERENCES insats(id) ON DELETE CASCADE,
        party_key text,
        title text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX role_assignment_unique ON role_assignment (person_id, organisation_id, role, COALESCE(insats_id, '00000000-0000-0000-0000-000000000000'::uuid));
      CREATE INDEX role_assignment_org ON role_assignment (organisation_id, role);

      -- Append-only, hash-chained audit trail: one chain per förbund (NULL: the platform's own chain).
      CREATE TABLE audit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid REFERENCES organisation(id),
        seq bigint NOT NULL,
        at timestamptz NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        from_state text,
        to_state text,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        document_hash text,
        prev_hash text,
        hash text NOT NULL,
        CONSTRAINT audit_entry_chain UNIQUE NULLS NOT DISTINCT (organisation_id, seq)
      );
      CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id);

      CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

      -- Jobs are written here in the same transaction as the change, then relayed to BullMQ.
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid,
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL UNIQUE,
        payload jsonb NOT NULL,
        delay_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      );
      CREATE INDEX outbox_pending ON outbox (created_at) WHERE relayed_at IS NULL;

      -- What the mail worker has sent, by job id, so a retried job never mails twice.
      CREATE TABLE mail_log (
        job_id text PRIMARY KEY,
        recipient text NOT NULL,
        subject text NOT NULL,
        message_id text,
        sent_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS mail_log, outbox;
      DROP TRIGGER IF EXISTS audit_entry_no_update ON audit_entry;
      DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry;
      DROP TABLE IF EXISTS audit_entry;
      DROP FUNCTION IF EXISTS audit_entry_refuse_change();
      DROP TABLE IF EXISTS role_assignment, person, matpunkt, insats_budget, insats, historical_key_figure,
        financial_goal, forecast_line, forecast, budget_line, budget, cost_centre, funding, party, organisation;
    `);
  }
}
