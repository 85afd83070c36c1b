import { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the application connects as (a group role; the login role is made a member of it). */
export const APP_DB_ROLE = 'samordning_app';

/**
 * Least privilege for the application. The schema belongs to the role that runs the migrations; the
 * application's role gets only what it needs, and on the audit trail and its checkpoints only SELECT and INSERT, so it can
 * neither disable the audit triggers (only an owner can) nor rewrite, delete or truncate entries.
 * Tables created by later migrations get the same default grants. Where the role does not exist (a
 * deployment that still connects as the owner) nothing changes.
 */
export class AuditEvidence1763910000000 implements MigrationInterface {
  name = 'AuditEvidence1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Signed chain heads per förbund (HMAC with a key outside the database): deleting the newest entries
      -- or recomputing hashes no longer goes unnoticed.
      CREATE TABLE audit_checkpoint (
        id bigserial PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        seq bigint NOT NULL,
        hash text NOT NULL,
        at timestamptz NOT NULL,
        signature text NOT NULL
      );
      CREATE INDEX audit_checkpoint_latest ON audit_checkpoint (organisation_id, seq DESC, id DESC);
    `);
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_DB_ROLE}') THEN
          GRANT USAGE ON SCHEMA public TO ${APP_DB_ROLE};
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_DB_ROLE};
          GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_DB_ROLE};
          ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_DB_ROLE};
          ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_DB_ROLE};
          REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entry, audit_checkpoint FROM ${APP_DB_ROLE};
          REVOKE ALL ON typeorm_migrations FROM ${APP_DB_ROLE};
          GRANT SELECT ON typeorm_migrations TO ${APP_DB_ROLE};
        END IF;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS audit_checkpoint');
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_DB_ROLE}') THEN
          ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_DB_ROLE};
          ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_DB_ROLE};
          REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_DB_ROLE};
          REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_DB_ROLE};
        END IF;
      END $$;
    `);
  }
}
