import { createHash } from 'node:crypto';
import request from 'supertest';
import { resetConfigForTests } from '@app/infra';
import { importBundle, orgId, samspeletBundle, tenantBundle, TestApi, upload } from '../helpers/api';

describe('files: upload and download', () => {
  let api: TestApi;
  let token: string;
  let org: string;
  beforeAll(async () => {
    api = await TestApi.start();
    await importBundle(api, samspeletBundle());
    org = await orgId(api, 'samspelet');
    token = await api.login('projektagare.stegen@samspelet.example');
  });
  afterAll(() => api.close());

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

  it('stores a PDF content-addressed and gives it back with its hash', async () => {
    const up = await upload(api, token, pdf, 'rapport.pdf', { organisationId: org });
    expect(up.status).toBe(201);
    expect(up.body).toEqual({
      id: expect.any(String),
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size: pdf.length,
      contentType: 'application/pdf',
    });
    const dl = await api.download(up.body.id, token);
    expect(dl.status).toBe(200);
    expect(Buffer.compare(dl.body, pdf)).toBe(0);
    expect((await request(api.url).get(`/files/${up.body.id}`)).status).toBe(401);
  });

  it('refuses an .exe renamed .pdf, by content', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
    const up = await upload(api, token, exe, 'faktura.pdf', { organisationId: org });
    expect(up.status).toBe(400);
    expect(up.body).toEqual(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: [{ path: '$.file', message: expect.stringContaining('otillåten filtyp') }],
      }),
    );
  });

  it('refuses a 30 MB bilaga while streaming', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(30 * 1024 * 1024, 0x20)]);
    const up = await upload(api, token, big, 'stor.pdf', { organisationId: org });
    expect(up.status).toBe(413);
    expect(up.body.message).toBe('Filen är för stor; högst 20 MB är tillåtet.');
  });

  it('refuses uploads without a token', async () => {
    const res = await request(api.url).post('/files').attach('file', pdf, 'a.pdf');
    expect(res.status).toBe(401);
    expect(res.body).toEqual(
      expect.objectContaining({ code: 'UNAUTHENTICATED', message: expect.stringContaining('logga in') }),
    );
  });
});

describe('files: a quota per förbund', () => {
  let api: TestApi;
  let token: string;
  let org: string;
  beforeAll(async () => {
    process.env.FILE_QUOTA_BYTES_PER_ORGANISATION = String(64 * 1024);
    resetConfigForTests();
    api = await TestApi.start();
    org = (await importBundle(api, tenantBundle('kvoten', 'Samordningsförbundet Kvoten'))).id;
    token = await api.login('kansli@kvoten.example');
  });
  afterAll(async () => {
    delete process.env.FILE_QUOTA_BYTES_PER_ORGANISATION;
    resetConfigForTests();
    await api.close();
  });

  const pdf = (fill: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(40 * 1024, fill)]);

  it('refuses an upload over the quota with a Swedish message, stores nothing, and audits what it stored', async () => {
    const first = await upload(api, token, pdf(0x20), 'forsta.pdf', { organisationId: org });
    expect(first.status).toBe(201);
    const second = await upload(api, token, pdf(0x21), 'andra.pdf', { organisationId: org });
    expect(second.status).toBeGreaterThanOrEqual(400);
    expect(second.body).toEqual(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: 'Förbundets utrymme för filer är fullt (högst 64 kB sammanlagt); filen har inte sparats.',
      }),
    );
    const [files] = await api.ds.query(
      'SELECT count(*)::int AS n FROM stored_file WHERE organisation_id = $1',
      [org],
    );
    expect(files.n).toBe(1);
    const audits = await api.ds.query(
      "SELECT entity_id, payload FROM audit_entry WHERE organisation_id = $1 AND action = 'file.uploaded'",
      [org],
    );
    expect(audits).toEqual([
      {
        entity_id: first.body.id,
        payload: expect.objectContaining({ name: 'forsta.pdf', size: 40 * 1024 + 9 }),
      },
    ]);
  });
});
