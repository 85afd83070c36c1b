import { MigrationInterface, QueryRunner } from 'typeorm';

/** BankID's completion data (signature and OCSP response from collect) kept as evidence of the signature. */
export class SigningEvidence1763900000000 implements MigrationInterface {
  name = 'SigningEvidence1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE bankid_order
        ADD COLUMN signature text,
        ADD COLUMN ocsp_response text,
        ADD COLUMN completion_data jsonb;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE bankid_order DROP COLUMN IF EXISTS signature, DROP COLUMN IF EXISTS ocsp_response, DROP COLUMN IF EXISTS completion_data;',
    );
  }
}
