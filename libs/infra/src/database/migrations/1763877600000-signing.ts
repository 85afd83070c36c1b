import { MigrationInterface, QueryRunner } from 'typeorm';

/** Signing requests on report versions, their signers, and people's one-time-code secrets. */
export class Signing1763877600000 implements MigrationInterface {
  name = 'Signing1763877600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE signing_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        report_id uuid NOT NULL REFERENCES report(id),
        document_file_id uuid NOT NULL REFERENCES stored_file(id),
        document_sha256 text NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN','SEALING','COMPLETED','CANCELLED','DECLINED','EXPIRED')),
        order_mode text NOT NULL CHECK (order_mode IN ('PARALLEL','SEQUENTIAL','GROUPS')),
        expires_at timestamptz NOT NULL,
        reminder_days integer,
        override_reason text,
        cancel_reason text,
        sealed_file_id uuid REFERENCES stored_file(id),
        sealed_sha256 text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES person(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX signing_request_one_open ON signing_request (report_id) WHERE status IN ('OPEN','SEALING');
      CREATE INDEX signing_request_sealed ON signing_request (sealed_sha256);

      CREATE TABLE signing_signer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES signing_request(id),
        person_id uuid NOT NULL REFERENCES person(id),
        name text NOT NULL,
        role text NOT NULL,
        title text,
        position integer NOT NULL,
        grp integer NOT NULL,
        state text NOT NULL CHECK (state IN ('NOT_SENT','SENT','VIEWED','SIGNED','DECLINED')),
        viewed_at timestamptz,
        signed_at timestamptz,
        method text,
        decline_reason text,
        UNIQUE (request_id, person_id)
      );

      CREATE TABLE person_totp (
        person_id uuid PRIMARY KEY REFERENCES person(id),
        secret text NOT NULL,
        confirmed_at timestamptz,
        last_used_step bigint
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS person_totp, signing_signer, signing_request');
  }
}
