import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './1763930000000-tenant-rls';

/**
 * The answers as they were each time a follow-up was submitted: a reviewer sees what changed since the
 * previous submission (after a return or a withdrawal). One row per submission; isolated per förbund.
 */
export class SubmissionSnapshots1764070000000 implements MigrationInterface {
  name = 'SubmissionSnapshots1764070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE submission_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        version int NOT NULL,
        answers jsonb NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX submission_snapshot_submission ON submission_snapshot (submission_id, submitted_at DESC);
    `);
    await enableTenantRls(q, 'submission_snapshot');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS submission_snapshot');
  }
}
