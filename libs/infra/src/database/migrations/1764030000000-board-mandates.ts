import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './1763930000000-tenant-rls';

/**
 * Board mandates (issue 18.2): each ledamot, ersättare and revisor with the party that appointed them (none: the
 * förbund itself), their period and title. The role assignment stays what gives access; the mandate is the record
 * of who sat when, so it hangs on the person, not on the membership (it outlives the person's roles). Every board
 * role assignment becomes an open-ended mandate. A signing request records the decision date its signers were
 * chosen by, and a signer who signs in a ledamot's place records whom and why.
 */
export class BoardMandates1764030000000 implements MigrationInterface {
  name = 'BoardMandates1764030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE board_mandate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id),
        role text NOT NULL CHECK (role IN ('STYRELSELEDAMOT','STYRELSEERSATTARE','REVISOR')),
        title text,
        appointed_by text,
        valid_from date,
        valid_to date,
        gender text CHECK (gender IN ('KVINNA','MAN','ANNAT')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
        CHECK (role = 'REVISOR' OR appointed_by IS NOT NULL)
      );
      CREATE INDEX board_mandate_org ON board_mandate (organisation_id, role);
      INSERT INTO board_mandate (organisation_id, person_id, role, title, appointed_by)
        SELECT organisation_id, person_id, role, title, party_key FROM role_assignment
         WHERE role IN ('STYRELSELEDAMOT','STYRELSEERSATTARE','REVISOR')
           AND (role = 'REVISOR' OR party_key IS NOT NULL);

      ALTER TABLE signing_request ADD COLUMN decision_date date;
      ALTER TABLE signing_signer ADD COLUMN in_place_of_person_id uuid REFERENCES person(id),
        ADD COLUMN in_place_of_name text, ADD COLUMN substitution_reason text;
    `);
    await enableTenantRls(q, 'board_mandate');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE signing_signer DROP COLUMN IF EXISTS in_place_of_person_id,
        DROP COLUMN IF EXISTS in_place_of_name, DROP COLUMN IF EXISTS substitution_reason;
      ALTER TABLE signing_request DROP COLUMN IF EXISTS decision_date;
      DROP TABLE IF EXISTS board_mandate;
    `);
  }
}
