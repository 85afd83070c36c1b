import { MigrationInterface, QueryRunner } from 'typeorm';

/** Personnummer for BankID signing, and BankID orders in progress. */
export class BankId1763881200000 implements MigrationInterface {
  name = 'BankId1763881200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person ADD COLUMN personal_number text CHECK (personal_number ~ '^[0-9]{12}$');
      CREATE TABLE bankid_order (
        order_ref text PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES signing_request(id),
        person_id uuid NOT NULL REFERENCES person(id),
        qr_start_token text NOT NULL,
        qr_start_secret text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        hint_code text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE IF EXISTS bankid_order; ALTER TABLE person DROP COLUMN IF EXISTS personal_number;',
    );
  }
}
