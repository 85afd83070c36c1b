import { MigrationInterface, QueryRunner } from 'typeorm';

/** Passkeys (WebAuthn credentials) and the one-time challenges they answer. */
export class Passkeys1763884800000 implements MigrationInterface {
  name = 'Passkeys1763884800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_passkey (
        id text PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES person(id),
        public_key bytea NOT NULL,
        counter bigint NOT NULL DEFAULT 0,
        transports jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE webauthn_challenge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id),
        purpose text NOT NULL CHECK (purpose IN ('REGISTER','SIGN')),
        request_id uuid REFERENCES signing_request(id),
        challenge text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX webauthn_challenge_person ON webauthn_challenge (person_id, purpose);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS webauthn_challenge, person_passkey');
  }
}
