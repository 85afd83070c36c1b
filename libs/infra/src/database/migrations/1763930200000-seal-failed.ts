import { MigrationInterface, QueryRunner } from 'typeorm';

/** A seal that fails for good ends SEAL_FAILED with its reason (never SEALING forever) and can be tried again. */
export class SealFailed1763930200000 implements MigrationInterface {
  name = 'SealFailed1763930200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE signing_request DROP CONSTRAINT IF EXISTS signing_request_status_check;
      ALTER TABLE signing_request ADD CONSTRAINT signing_request_status_check
        CHECK (status IN ('OPEN','SEALING','SEAL_FAILED','COMPLETED','CANCELLED','DECLINED','EXPIRED'));
      ALTER TABLE signing_request ADD COLUMN failure_reason text;
      ALTER TABLE signing_request ADD COLUMN seal_retries integer NOT NULL DEFAULT 0;
      DROP INDEX IF EXISTS signing_request_one_open;
      CREATE UNIQUE INDEX signing_request_one_open ON signing_request (report_id)
        WHERE status IN ('OPEN','SEALING','SEAL_FAILED');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS signing_request_one_open;
      CREATE UNIQUE INDEX signing_request_one_open ON signing_request (report_id) WHERE status IN ('OPEN','SEALING');
      ALTER TABLE signing_request DROP COLUMN IF EXISTS seal_retries;
      ALTER TABLE signing_request DROP COLUMN IF EXISTS failure_reason;
      ALTER TABLE signing_request DROP CONSTRAINT IF EXISTS signing_request_status_check;
      ALTER TABLE signing_request ADD CONSTRAINT signing_request_status_check
        CHECK (status IN ('OPEN','SEALING','COMPLETED','CANCELLED','DECLINED','EXPIRED'));
    `);
  }
}
