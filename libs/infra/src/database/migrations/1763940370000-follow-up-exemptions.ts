import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The förbundschef may exempt an insats from a period's follow-up, with a reason: the report then shows
 * "Undantagen: <skäl>" instead of failing its check. One row per insats and period; the audit trail keeps
 * every decision.
 */
export class FollowUpExemptions1763940370000 implements MigrationInterface {
  name = 'FollowUpExemptions1763940370000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE follow_up_exemption (
        insats_id uuid NOT NULL REFERENCES insats(id) ON DELETE CASCADE,
        period text NOT NULL CHECK (period ~ '^(DELAR|HELAR)-[0-9]{4}$'),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        decided_by uuid REFERENCES person(id) ON DELETE SET NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (insats_id, period)
      );
      CREATE INDEX follow_up_exemption_org_period ON follow_up_exemption (organisation_id, period);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS follow_up_exemption');
  }
}
