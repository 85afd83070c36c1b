import { Client } from 'pg';

/**
 * The application's database role cannot tamper with the audit trail: the schema belongs to the owner role
 * that ran the migrations, and the app role has only SELECT and INSERT on audit_entry.
 */
describe('audit trail: the application role', () => {
  let app: Client;

  beforeAll(async () => {
    expect(process.env.TEST_DATABASE_MIGRATION_URL).toBeDefined();
    app = new Client({ connectionString: process.env.DATABASE_URL });
    await app.connect();
  });
  afterAll(() => app.end());

  it('is not the owner of the schema', async () => {
    const { rows } = await app.query(
      "SELECT current_user AS me, tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'audit_entry'",
    );
    expect(rows[0].tableowner).not.toBe(rows[0].me);
  });

  it('may read and append, nothing else', async () => {
    const { rows } = await app.query(
      `SELECT p, has_table_privilege('audit_entry', p) AS ok
         FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','TRIGGER','REFERENCES']) p`,
    );
    expect(Object.fromEntries(rows.map((r: { p: string; ok: boolean }) => [r.p, r.ok]))).toEqual({
      SELECT: true,
      INSERT: true,
      UPDATE: false,
      DELETE: false,
      TRUNCATE: false,
      TRIGGER: false,
      REFERENCES: false,
    });
  });

  it.each([
    ['ALTER TABLE audit_entry DISABLE TRIGGER ALL', /must be owner/],
    ['UPDATE audit_entry SET hash = hash', /permission denied/],
    ['DELETE FROM audit_entry', /permission denied/],
    ['TRUNCATE audit_entry', /permission denied/],
  ])('cannot run %s', async (sql, error) => {
    await expect(app.query(sql)).rejects.toThrow(error);
  });
});
