import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import {
  BLOB_CHUNK_BYTES,
  FileTooLargeError,
  openDatabase,
  PostgresFileStorage,
  resetConfigForTests,
} from '@app/infra';
import { importBundle, tenantBundle, TestApi, upload } from '../helpers/api';

const read = async (r: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of r) parts.push(c as Buffer);
  return Buffer.concat(parts);
};

/**
 * Several API and worker machines share one file store: with FILE_STORAGE_BACKEND=postgres the contents live
 * in PostgreSQL, which every instance reaches, in chunks written in one transaction.
 */
describe('file storage in PostgreSQL (FILE_STORAGE_BACKEND=postgres)', () => {
  let a: DataSource;
  let b: DataSource;

  beforeAll(async () => {
    a = await openDatabase(process.env.DATABASE_URL as string, { poolSize: 3 });
    b = await openDatabase(process.env.DATABASE_URL as string, { poolSize: 3 });
  });
  afterAll(async () => {
    await a.destroy();
    await b.destroy();
  });

  it('stores content in chunks on one instance and gives it back whole on another', async () => {
    const content = randomBytes(2 * BLOB_CHUNK_BYTES + 12345);
    const put = await new PostgresFileStorage(a).put(Readable.from([content]));
    expect(put).toEqual({
      sha256: createHash('sha256').update(content).digest('hex'),
      size: content.length,
      head: content.subarray(0, 64 * 1024),
    });
    const other = new PostgresFileStorage(b);
    expect(await other.exists(put.sha256)).toBe(true);
    expect(Buffer.compare(await read(other.open(put.sha256)), content)).toBe(0);
    const [{ n }] = await b.query('SELECT count(*)::int AS n FROM file_blob_chunk WHERE blob_key = $1', [
      put.sha256,
    ]);
    expect(n).toBe(3);
  });

  it('stores the same content once', async () => {
    const content = Buffer.from('%PDF-1.4\nsamma innehåll två gånger\n');
    const storage = new PostgresFileStorage(a);
    const first = await storage.put(Readable.from([content]));
    const second = await storage.put(Readable.from([content]));
    expect(second.sha256).toBe(first.sha256);
    const [{ n }] = await a.query('SELECT count(*)::int AS n FROM file_blob_chunk WHERE blob_key = $1', [
      first.sha256,
    ]);
    expect(n).toBe(1);
    const [{ tmp }] = await a.query(
      "SELECT count(*)::int AS tmp FROM file_blob_chunk WHERE blob_key LIKE 'tmp-%'",
    );
    expect(tmp).toBe(0);
  });

  it('refuses content over the limit and keeps nothing of it', async () => {
    const content = randomBytes(BLOB_CHUNK_BYTES + 10);
    await expect(
      new PostgresFileStorage(a).put(Readable.from([content]), { maxBytes: BLOB_CHUNK_BYTES }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    const sha = createHash('sha256').update(content).digest('hex');
    expect(await new PostgresFileStorage(b).exists(sha)).toBe(false);
    const [{ tmp }] = await a.query(
      "SELECT count(*)::int AS tmp FROM file_blob_chunk WHERE blob_key LIKE 'tmp-%'",
    );
    expect(tmp).toBe(0);
  });

  it('fails a read of content it does not have, like a missing file', async () => {
    await expect(read(new PostgresFileStorage(b).open('0'.repeat(64)))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  describe('two API instances with their own disks', () => {
    let one: TestApi;
    let two: TestApi;
    const saved = { dir: process.env.FILE_STORAGE_DIR };
    const disks: string[] = [];

    beforeAll(async () => {
      process.env.FILE_STORAGE_BACKEND = 'postgres';
      disks.push(mkdtempSync(join(tmpdir(), 'instans-ett-')), mkdtempSync(join(tmpdir(), 'instans-tva-')));
      process.env.FILE_STORAGE_DIR = disks[0];
      resetConfigForTests();
      one = await TestApi.start();
      process.env.FILE_STORAGE_DIR = disks[1];
      resetConfigForTests();
      two = await TestApi.start();
    });
    afterAll(async () => {
      delete process.env.FILE_STORAGE_BACKEND;
      process.env.FILE_STORAGE_DIR = saved.dir;
      resetConfigForTests();
      await one?.close();
      await two?.close();
    });

    it('a bilaga uploaded to one is downloaded from the other, and no disk holds it', async () => {
      const org = (await importBundle(one, tenantBundle('delat', 'Samordningsförbundet Delat'))).id;
      const token = await one.login('kansli@delat.example');
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000)]);
      const up = await upload(one, token, pdf, 'bilaga.pdf', { organisationId: org });
      expect(up.status).toBe(201);
      const dl = await two.download(up.body.id, token);
      expect(dl.status).toBe(200);
      expect(Buffer.compare(dl.body, pdf)).toBe(0);
      for (const dir of disks)
        expect(existsSync(join(dir, 'sha256')) ? readdirSync(join(dir, 'sha256')) : []).toEqual([]);
    });
  });
});
