import { Client } from 'pg';

/**
 * The application's database role cannot tamper with the audit trail: the schema belongs to the owner role
 * that ran the migrations, and the app role has only SELECT and INSERT on audit_entry, plus UPDATE of the three
 * columns the sequencer fills once (seq, prev_hash, hash; the table's trigger refuses a second fill, see
 * audit-sequencer.e2e-spec.ts).
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

  it('may update only the columns the sequencer fills', async () => {
    const { rows } = await app.query(
      `SELECT c, has_column_privilege('audit_entry', c, 'UPDATE') AS ok
         FROM unnest(ARRAY['seq','prev_hash','hash','content_hash','action','payload','at','organisation_id']) c`,
    );
    expect(Object.fromEntries(rows.map((r: { c: string; ok: boolean }) => [r.c, r.ok]))).toEqual({
      seq: true,
      prev_hash: true,
      hash: true,
      content_hash: false,
      action: false,
      payload: false,
      at: false,
      organisation_id: false,
    });
  });

  it.each([
    ['ALTER TABLE audit_entry DISABLE TRIGGER ALL', /must be owner/],
    ['UPDATE audit_entry SET action = action', /permission denied/],
    ['UPDATE audit_entry SET content_hash = content_hash', /permission denied/],
    ['DELETE FROM audit_entry', /permission denied/],
    ['TRUNCATE audit_entry', /permission denied/],
  ])('cannot run %s', async (sql, error) => {
    await expect(app.query(sql)).rejects.toThrow(error);
  });
});
