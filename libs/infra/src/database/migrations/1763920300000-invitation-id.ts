import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An invitation gets an id that its mail job carries instead of the secret: the worker mints the link when it
 * sends the mail and stores only the link's hash on the invitation it names (never in the outbox or Redis).
 */
export class InvitationId1763920300000 implements MigrationInterface {
  name = 'InvitationId1763920300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person ADD COLUMN invitation_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person DROP COLUMN IF EXISTS invitation_id`);
  }
}
