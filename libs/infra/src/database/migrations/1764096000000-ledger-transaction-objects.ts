import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ledger_transaction.objects held every row's object list as jsonb, although nearly every row's only object is its
 * cost centre, which cost_centre already holds; parsing and storing that jsonb was about a third of PostgreSQL's
 * work per row in the SIE import (bench/NOTES.md). From now on the importer stores objects only when a row has
 * objects beyond its cost centre. Rows stored before keep their list, which the rule below reads the same way, so
 * nothing is rewritten. The rule is written on the column, where a reader of the table finds it.
 */
export class LedgerTransactionObjects1764096000000 implements MigrationInterface {
  name = 'LedgerTransactionObjects1764096000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      COMMENT ON COLUMN ledger_transaction.objects IS
        'The #TRANS row''s objects as [[dimension, code], …], all of them, when it has objects beyond its cost centre. NULL: its only object is cost_centre (dimension 1), or it has none when cost_centre is NULL too.'
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`COMMENT ON COLUMN ledger_transaction.objects IS NULL`);
  }
}
