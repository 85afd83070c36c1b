import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's place in a förbund is a row of its own (issue 11.4): what one förbund's kansli keeps about a person
 * (the personnummer used for BankID; titles stay on the förbund's role rows) lives in that förbund's membership,
 * so another förbund never reads or overwrites it. Every role hangs on a membership; the global person keeps only
 * what belongs to the person (name, e-mail, password).
 */
export class Memberships1763930400000 implements MigrationInterface {
  name = 'Memberships1763930400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membership (
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        personal_number text CHECK (personal_number ~ '^[0-9]{12}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, person_id)
      );
      CREATE INDEX membership_person ON membership (person_id);
      INSERT INTO membership (organisation_id, person_id, personal_number)
        SELECT DISTINCT r.organisation_id, r.person_id, p.personal_number
          FROM role_assignment r JOIN person p ON p.id = r.person_id;
      ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_membership
        FOREIGN KEY (organisation_id, person_id) REFERENCES membership (organisation_id, person_id) ON DELETE CASCADE;
      ALTER TABLE person DROP COLUMN personal_number;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person ADD COLUMN personal_number text CHECK (personal_number ~ '^[0-9]{12}$');
      UPDATE person p SET personal_number = m.personal_number
        FROM (SELECT DISTINCT ON (person_id) person_id, personal_number FROM membership
               WHERE personal_number IS NOT NULL ORDER BY person_id, updated_at DESC) m
       WHERE m.person_id = p.id;
      ALTER TABLE role_assignment DROP CONSTRAINT IF EXISTS role_assignment_membership;
      DROP TABLE IF EXISTS membership;
    `);
  }
}
