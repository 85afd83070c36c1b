import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './1763930000000-tenant-rls';

const VERSIONED = ['cost_centre', 'party', 'financial_goal', 'budget', 'forecast', 'funding'];

/**
 * Issue 18: the kansli sets up its förbund's finances itself. A cost centre may split its costs (stored as data),
 * the kommuner's key (fördelningsnyckel) has a home, and every set-up row carries a version so a save that started
 * from an older reading is refused. The version moves on every update, a bundle import's included (a trigger).
 */
export class FinanceSetup1764020000000 implements MigrationInterface {
  name = 'FinanceSetup1764020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION setup_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.version = OLD.version THEN NEW.version := OLD.version + 1; END IF;
        RETURN NEW;
      END $$;
      ALTER TABLE cost_centre ADD COLUMN split jsonb;
      CREATE TABLE kommun_key (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
        shares jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
    for (const table of [...VERSIONED, 'kommun_key']) {
      if (table !== 'kommun_key')
        await q.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1`);
      await q.query(
        `CREATE TRIGGER ${table}_version BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION setup_bump_version()`,
      );
    }
    await enableTenantRls(q, 'kommun_key');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of VERSIONED) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_version ON ${table}`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS version`);
    }
    await q.query('DROP TABLE IF EXISTS kommun_key');
    await q.query('ALTER TABLE cost_centre DROP COLUMN IF EXISTS split');
    await q.query('DROP FUNCTION IF EXISTS setup_bump_version()');
  }
}
