import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_DB_ROLE } from './1763910000000-audit-evidence';

/**
 * The audit trail as a transparency log (issue 17): the change's transaction inserts its entry with the hash of
 * its own content (content_hash) and no place in the chain; a sequencer fills seq, prev_hash and hash (the
 * chain link) shortly after the commit, in its own short transaction under the chain's advisory lock. So no
 * writer of a förbund waits on another one's audit entry.
 *
 * What the database enforces (a trigger the application's role cannot disable, as it is not the owner):
 * - an entry is inserted unsequenced, with its content hash;
 * - the one update allowed is the sequencer's fill: seq, prev_hash and hash from NULL to a value, once;
 *   every content column (and content_hash, insert_order) stays as inserted; a second fill is refused;
 * - deleting and truncating stay refused; the application's role may update only the three link columns.
 * Entries from before this migration keep their hash over content and link (content_hash NULL).
 */
export class AuditSequencer1764094000000 implements MigrationInterface {
  name = 'AuditSequencer1764094000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_entry
        ADD COLUMN content_hash text,
        ADD COLUMN insert_order bigint GENERATED ALWAYS AS IDENTITY,
        ALTER COLUMN seq DROP NOT NULL,
        ALTER COLUMN hash DROP NOT NULL,
        DROP CONSTRAINT audit_entry_chain,
        ADD CONSTRAINT audit_entry_link_whole CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NOT NULL OR prev_hash IS NULL)),
        ADD CONSTRAINT audit_entry_hashed CHECK (content_hash IS NOT NULL OR seq IS NOT NULL);
      -- One entry per place in a chain (the platform's chain is organisation_id NULL): a fork cannot be stored.
      CREATE UNIQUE INDEX audit_entry_chain ON audit_entry (organisation_id, seq) NULLS NOT DISTINCT WHERE seq IS NOT NULL;
      -- What the sequencer picks up, in insert order.
      CREATE INDEX audit_entry_unsequenced ON audit_entry (organisation_id, insert_order) WHERE seq IS NULL;

      CREATE FUNCTION audit_entry_insert_unsequenced() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.seq IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.hash IS NOT NULL OR NEW.content_hash IS NULL THEN
          RAISE EXCEPTION 'audit_entry: an entry is inserted with its content hash and without a place in the chain'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER audit_entry_insert BEFORE INSERT ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_insert_unsequenced();

      CREATE FUNCTION audit_entry_sequence_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.seq IS NOT NULL OR OLD.hash IS NOT NULL OR OLD.prev_hash IS NOT NULL
           OR NEW.seq IS NULL OR NEW.hash IS NULL
           OR (NEW.id, NEW.organisation_id, NEW.at, NEW.actor_id, NEW.action, NEW.entity_type, NEW.entity_id,
               NEW.from_state, NEW.to_state, NEW.payload, NEW.document_hash, NEW.content_hash, NEW.insert_order)
              IS DISTINCT FROM
              (OLD.id, OLD.organisation_id, OLD.at, OLD.actor_id, OLD.action, OLD.entity_type, OLD.entity_id,
               OLD.from_state, OLD.to_state, OLD.payload, OLD.document_hash, OLD.content_hash, OLD.insert_order)
        THEN
          RAISE EXCEPTION 'audit_entry is append-only: only its place in the chain is filled, once'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      DROP TRIGGER audit_entry_no_update ON audit_entry;
      CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
      CREATE TRIGGER audit_entry_sequence BEFORE UPDATE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_sequence_once();
    `);
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_DB_ROLE}') THEN
          GRANT UPDATE (seq, prev_hash, hash) ON audit_entry TO ${APP_DB_ROLE};
        END IF;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_DB_ROLE}') THEN
          REVOKE UPDATE (seq, prev_hash, hash) ON audit_entry FROM ${APP_DB_ROLE};
        END IF;
      END $$;
    `);
    await q.query(`
      DROP TRIGGER audit_entry_sequence ON audit_entry;
      DROP TRIGGER audit_entry_no_delete ON audit_entry;
      DROP TRIGGER audit_entry_insert ON audit_entry;
      DROP FUNCTION audit_entry_sequence_once();
      DROP FUNCTION audit_entry_insert_unsequenced();
      CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
      DROP INDEX audit_entry_unsequenced;
      DROP INDEX audit_entry_chain;
      ALTER TABLE audit_entry
        DROP CONSTRAINT audit_entry_hashed,
        DROP CONSTRAINT audit_entry_link_whole,
        DROP COLUMN insert_order,
        DROP COLUMN content_hash,
        ADD CONSTRAINT audit_entry_chain UNIQUE NULLS NOT DISTINCT (organisation_id, seq);
    `);
  }
}
