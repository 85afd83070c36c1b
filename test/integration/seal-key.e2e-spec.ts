import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig, openDatabase, readP12 } from '@app/infra';
import { sealCertificate } from '../../apps/worker/src/signing/seal-key';

/**
 * Several worker machines seal for one förbund with one key: the self-signed sealing key lives in the
 * database, not on whichever machine sealed first.
 */
describe('the förbund sealing key on several worker machines', () => {
  let ds: DataSource;
  const org = async (slug: string): Promise<string> =>
    (
      await ds.query(
        "INSERT INTO organisation (slug, name, reporting_unit) VALUES ($1, 'Samordningsförbundet Sigillet', 'kr') RETURNING id",
        [slug],
      )
    )[0].id;

  beforeAll(async () => {
    ds = await openDatabase(process.env.DATABASE_URL as string, { poolSize: 4 });
  });
  afterAll(() => ds.destroy());

  it('two machines with their own disks make one key, kept in the database and on neither disk', async () => {
    const id = await org('sigillet');
    const machines = [1, 2].map(() => ({
      ...loadConfig(),
      FILE_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'maskin-')),
    }));
    const [one, two] = await Promise.all(
      machines.map((config) => sealCertificate(ds.manager, config, id, 'Samordningsförbundet Sigillet')),
    );
    expect(Buffer.compare(one.p12, two.p12)).toBe(0);
    expect(one.passphrase).toBe(two.passphrase);
    expect(readP12(one.p12, one.passphrase).certificate).toBeDefined();
    for (const m of machines) expect(existsSync(join(m.FILE_STORAGE_DIR, 'seal'))).toBe(false);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM seal_key WHERE organisation_id = $1', [
      id,
    ]);
    expect(n).toBe(1);
    // A later seal on a third machine uses the same key.
    const three = await sealCertificate(
      ds.manager,
      { ...loadConfig(), FILE_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'maskin-')) },
      id,
      'Samordningsförbundet Sigillet',
    );
    expect(Buffer.compare(three.p12, one.p12)).toBe(0);
  });

  it('moves a key an earlier version kept on disk into the database', async () => {
    const id = await org('sigillet-gammal');
    const dir = mkdtempSync(join(tmpdir(), 'gammal-'));
    const config = { ...loadConfig(), FILE_STORAGE_DIR: dir };
    // A key made for this förbund, then kept only on disk as an earlier version did.
    const legacy = (
      await sealCertificate(
        ds.manager,
        { ...config, FILE_STORAGE_DIR: mkdtempSync(join(tmpdir(), 'x-')) },
        id,
        'x',
      )
    ).p12;
    await ds.query('DELETE FROM seal_key WHERE organisation_id = $1', [id]);
    mkdirSync(join(dir, 'seal'), { recursive: true });
    writeFileSync(join(dir, 'seal', `${id}.p12`), legacy);
    const moved = await sealCertificate(ds.manager, config, id, 'Samordningsförbundet Sigillet');
    expect(Buffer.compare(moved.p12, legacy)).toBe(0);
    const [{ p12 }] = await ds.query('SELECT p12 FROM seal_key WHERE organisation_id = $1', [id]);
    expect(Buffer.compare(p12, legacy)).toBe(0);
  });
});
