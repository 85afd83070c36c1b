import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A förbund's self-signed sealing key lives in the database (PKCS#12, protected by a passphrase derived from
 * SEAL_KEY_SECRET), so every worker machine seals with the same key; it used to sit on one machine's disk.
 */
export class SealKeys1763930100000 implements MigrationInterface {
  name = 'SealKeys1763930100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seal_key (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id),
        p12 bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS seal_key;');
  }
}
