import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import { testPng } from '../../libs/reporting/src/render/__fixtures__/png';
import { parentTreeGaps, run, structAlts } from '../../libs/reporting/src/render/__fixtures__/pdf-probe';
import { codes, FIXTURES, importBundle, orgId, otherBundle, TestApi, upload } from '../helpers/api';
import { startWorker } from '../helpers/worker';

/** Issue 18.4: the förbundschef uploads the förbund's logo; the published report carries it on its cover. */
describe('the förbund’s logo', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let chef: string;
  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    await api.app.get(DemoSeedService).seed(FIXTURES);
    org = await orgId(api, 'samspelet');
    chef = await api.login('forbundschef@samspelet.example');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const logoOf = async (token: string) =>
    (
      await api.ok<{ organisation: { logoFileId: string | null } }>(
        'query($s: String!){ organisation(slug: $s){ logoFileId } }',
        { s: 'samspelet' },
        token,
      )
    ).organisation.logoFileId;

  /** The förbundschef compiles the årsredovisning; its PDF, once READY. */
  const compiledArsredovisning = async (): Promise<Buffer> => {
    const { done } = await api.compileReport<{ id: string; status: string; pdfFileId: string }>(
      org,
      'ARSREDOVISNING',
      chef,
      'id status pdfFileId',
    );
    expect(done.status).toBe('READY');
    return (await api.download(done.pdfFileId, chef)).body as Buffer;
  };

  it('refuses what cannot be a logo, by content and size, and anyone but the förbundschef and the kansli', async () => {
    const pdf = await upload(api, chef, Buffer.from('%PDF-1.4\n%%EOF\n'), 'logo.png', {
      organisationId: org,
      purpose: 'logo',
    });
    expect([pdf.status, pdf.body.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(pdf.body.message).toContain('PNG eller JPEG');
    const tiny = await upload(api, chef, testPng(8, 8), 'liten.png', {
      organisationId: org,
      purpose: 'logo',
    });
    expect([tiny.status, tiny.body.reason, tiny.body.message]).toEqual([
      400,
      'FILE_LOGO_INVALID',
      'Logotypen ska vara mellan 32 och 4000 bildpunkter bred och hög.',
    ]);
    const big = await upload(
      api,
      chef,
      Buffer.concat([testPng(64, 64), Buffer.alloc(3 * 1024 * 1024)]),
      'stor.png',
      { organisationId: org, purpose: 'logo' },
    );
    expect([big.status, big.body.message]).toEqual([413, 'Filen är för stor; högst 2 MB är tillåtet.']);
    const owner = await api.login('projektagare.stegen@samspelet.example');
    const byOwner = await upload(api, owner, testPng(64, 64), 'logo.png', {
      organisationId: org,
      purpose: 'logo',
    });
    expect([byOwner.status, byOwner.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await logoOf(chef)).toBeNull();
  });

  it('sets the logo with an audit entry, and the compiled årsredovisning shows it on the cover as a named figure', async () => {
    const png = testPng(240, 120);
    const up = await upload(api, chef, png, 'samspelet.png', { organisationId: org, purpose: 'logo' });
    expect([up.status, up.body.contentType]).toEqual([201, 'image/png']);
    expect(await logoOf(chef)).toBe(up.body.id);
    const audits = await api.ds.query(
      "SELECT payload FROM audit_entry WHERE organisation_id = $1 AND action = 'organisation.logo_set'",
      [org],
    );
    expect(audits).toEqual([
      {
        payload: expect.objectContaining({
          fileId: up.body.id,
          width: 240,
          height: 120,
          previousFileId: null,
        }),
      },
    ]);
    // a member sees the logo (the settings page previews it)
    const dl = await api.download(up.body.id, chef);
    expect([dl.status, Buffer.compare(dl.body, png)]).toEqual([200, 0]);

    const pdf = await compiledArsredovisning();
    expect(await structAlts(pdf, 'Figure')).toContain('Samordningsförbundet Samspelet logotyp');
    expect(await parentTreeGaps(pdf)).toEqual([]);
    const file = join(mkdtempSync(join(tmpdir(), 'logo-e2e-')), 'ar.pdf');
    writeFileSync(file, pdf);
    expect(run('pdfinfo', [file])).toMatch(/^Tagged:\s+yes$/m);
    expect(run('pdfinfo', ['-meta', file])).toMatch(/pdfaid:part>2</);
  });

  const REMOVE = 'mutation($o: ID!){ removeOrganisationLogo(organisationId: $o){ id logoFileId } }';

  it('the förbundschef removes the logo with an audit entry; another förbund and a projektägare are refused', async () => {
    const logo = await logoOf(chef);
    expect(logo).not.toBeNull();
    // another förbund's förbundschef and kansli, and this förbund's projektägare, may not remove it
    await importBundle(api, otherBundle());
    for (const email of ['forbundschef@grannen.example', 'kansli@grannen.example']) {
      const r = await api.gql(REMOVE, { o: org }, await api.login(email));
      // another förbund's people are told what an unknown förbund would tell them (no existence leak)
      expect([email, r.data?.removeOrganisationLogo ?? null, codes(r)]).toEqual([email, null, ['NOT_FOUND']]);
    }
    const owner = await api.gql(REMOVE, { o: org }, await api.login('projektagare.stegen@samspelet.example'));
    expect([owner.data?.removeOrganisationLogo ?? null, codes(owner)]).toEqual([null, ['FORBIDDEN']]);
    expect(await logoOf(chef)).toBe(logo);

    const removed = await api.ok<{ removeOrganisationLogo: { id: string; logoFileId: string | null } }>(
      REMOVE,
      { o: org },
      chef,
    );
    expect(removed.removeOrganisationLogo).toEqual({ id: org, logoFileId: null });
    expect(await logoOf(chef)).toBeNull();
    const audits = await api.ds.query(
      "SELECT actor_id, entity_type, entity_id, payload FROM audit_entry WHERE organisation_id = $1 AND action = 'organisation.logo_removed'",
      [org],
    );
    expect(audits).toEqual([
      expect.objectContaining({
        entity_type: 'organisation',
        entity_id: org,
        payload: expect.objectContaining({ fileId: logo }),
      }),
    ]);
    // the stored file stays (the storage's normal rules), and a second removal changes nothing and audits nothing
    expect((await api.download(logo!, chef)).status).toBe(200);
    await api.ok(REMOVE, { o: org }, chef);
    const after = await api.ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE organisation_id = $1 AND action = 'organisation.logo_removed'",
      [org],
    );
    expect(after).toEqual([{ n: 1 }]);
  });

  it('the next compiled report has no logo on its cover', async () => {
    const pdf = await compiledArsredovisning();
    expect(await structAlts(pdf, 'Figure')).not.toContain('Samordningsförbundet Samspelet logotyp');
    const file = join(mkdtempSync(join(tmpdir(), 'logo-e2e-')), 'ar-utan-logotyp.pdf');
    writeFileSync(file, pdf);
    // no image on the cover page at all
    expect(
      run('pdfimages', ['-list', '-f', '1', '-l', '1', file]).split('\n').slice(2).filter(Boolean),
    ).toEqual([]);
  });
});
