import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { authenticator } from 'otplib';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import { codes, DEMO_PASSWORD, FIXTURES, orgId, tenantBundle, TestApi } from '../helpers/api';
import { startWorker } from '../helpers/worker';

/**
 * Issue 13 item 6: signing without friction. Only the methods the installation has are offered, each saying
 * whether I am ready for it; the document opens in the browser; the förbundschef reminds (audited, once a day)
 * and a report version says whether it is signed or replaced by a newer one.
 */
const SLUG = 'paminnelse';
const mail = (local: string) => `${local}@${SLUG}.example`;

describe('signing follow-up: methods, the document inline, reminders and a version’s signing state', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let chef: string;
  let ledamot: string;
  let reportId: string;
  let requestId: string;

  beforeAll(async () => {
    delete process.env.BANKID_URL;
    api = await TestApi.start();
    worker = await startWorker();
    const dir = join(mkdtempSync(join(tmpdir(), 'paminnelse-')), 'seed');
    mkdirSync(dir, { recursive: true });
    cpSync(join(FIXTURES, 'sie'), join(dir, 'sie'), { recursive: true });
    cpSync(join(FIXTURES, 'submissions'), join(dir, 'submissions'), { recursive: true });
    writeFileSync(join(dir, 'organisation.json'), JSON.stringify(tenantBundle(SLUG, 'Förbundet Påminnelse')));
    await api.app.get(DemoSeedService).seed(dir);
    org = await orgId(api, SLUG);
    chef = await api.login(mail('forbundschef'));
    ledamot = await api.login(mail('ledamot1'));
    const { done } = await api.compileReport(org, 'ARSREDOVISNING', chef);
    expect(done.status).toBe('READY');
    reportId = done.id;
    const created = await api.ok<{ createSigningRequest: { id: string } }>(
      'mutation($r: ID!){ createSigningRequest(reportId: $r, order: PARALLEL, overrideReason: "Kända avvikelser"){ id } }',
      { r: reportId },
      chef,
    );
    requestId = created.createSigningRequest.id;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const METHODS = 'query($r: ID!){ signingMethods(requestId: $r){ method label ready requirement } }';
  type Method = { method: string; label: string; ready: boolean; requirement: string };

  it('offers only the configured methods, each with whether I am ready and what it needs', async () => {
    const before = await api.ok<{ signingMethods: Method[] }>(METHODS, { r: requestId }, ledamot);
    // No BANKID_URL on this installation: BankID is not offered.
    expect(before.signingMethods.map((m) => [m.method, m.ready])).toEqual([
      ['TOTP', false],
      ['PASSKEY', false],
    ]);
    expect(before.signingMethods[0].requirement).toContain('autentiseringsapp');
    expect(before.signingMethods[0].label).toBe('Lösenord och engångskod');

    const s = await api.ok<{ setupTotp: { secret: string } }>(
      'mutation($p: String){ setupTotp(password: $p){ secret } }',
      { p: DEMO_PASSWORD },
      ledamot,
    );
    await api.ok(
      'mutation($c: String!){ confirmTotp(code: $c) }',
      { c: authenticator.generate(s.setupTotp.secret) },
      ledamot,
    );
    const after = await api.ok<{ signingMethods: Method[] }>(METHODS, { r: requestId }, ledamot);
    expect(after.signingMethods.find((m) => m.method === 'TOTP')!.ready).toBe(true);
  });

  it('shows the document in the browser: the signed link answers inline, as a PDF', async () => {
    const link = await api.ok<{ viewSigningDocument: string }>(
      'mutation($r: ID!){ viewSigningDocument(requestId: $r) }',
      { r: requestId },
      ledamot,
    );
    expect(link.viewSigningDocument).toMatch(
      /^\/files\/[0-9a-f-]+\?expires=\d+&signature=[\w-]+&disposition=inline$/,
    );
    const res = await request(api.app.getHttpServer()).get(link.viewSigningDocument);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline/);
    // Without the signature the same file is not served.
    const [path] = link.viewSigningDocument.split('?');
    expect((await request(api.app.getHttpServer()).get(`${path}?disposition=inline`)).status).toBe(401);
  });

  it('the förbundschef reminds those who have not signed: audited, through the reminder job, once a day', async () => {
    const REMIND = 'mutation($r: ID!){ remindSigners(requestId: $r){ reminded nextAllowedAt } }';
    // A board member may not remind.
    expect(codes(await api.gql(REMIND, { r: requestId }, ledamot))).toEqual(['FORBIDDEN']);
    const first = await api.ok<{ remindSigners: { reminded: number; nextAllowedAt: string } }>(
      REMIND,
      { r: requestId },
      chef,
    );
    const [{ n: waiting }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM signing_signer WHERE request_id = $1 AND state IN ('SENT','VIEWED')",
      [requestId],
    );
    expect(first.remindSigners.reminded).toBe(waiting);
    expect(new Date(first.remindSigners.nextAllowedAt).getTime()).toBeGreaterThan(
      Date.now() + 23 * 3600 * 1000,
    );
    const audit = await api.ds.query(
      "SELECT actor_id, payload FROM audit_entry WHERE entity_id = $1 AND action = 'signing.reminded'",
      [requestId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].payload).toMatchObject({ signers: waiting, round: 101 });
    const jobs = await api.ds.query(
      "SELECT payload FROM outbox WHERE job_name = 'signing-reminder' AND payload->>'requestId' = $1",
      [requestId],
    );
    expect(jobs.map((j: { payload: { round: number } }) => j.payload.round)).toContain(101);

    // A second reminder the same day is refused, with when the next may go.
    const again = await api.gql(REMIND, { r: requestId }, chef);
    expect(codes(again)).toEqual(['RATE_LIMITED']);
    expect(again.errors![0].message).toContain('senaste dygnet');
    expect(
      (
        await api.ds.query("SELECT 1 FROM audit_entry WHERE entity_id = $1 AND action = 'signing.reminded'", [
          requestId,
        ])
      ).length,
    ).toBe(1);
  });

  it('each report version says how far its signing has come and whether a newer version replaces it', async () => {
    const LIST =
      'query($o: ID!){ reports(organisationId: $o){ id version signing { status signed signers newestVersion signedVersion } } }';
    type Row = {
      id: string;
      version: number;
      signing: {
        status: string | null;
        signed: number;
        signers: number;
        newestVersion: number;
        signedVersion: number | null;
      };
    };
    const before = (await api.ok<{ reports: Row[] }>(LIST, { o: org }, chef)).reports.find(
      (r) => r.id === reportId,
    )!;
    expect(before.signing).toMatchObject({
      status: 'OPEN',
      signed: 0,
      newestVersion: before.version,
      signedVersion: null,
    });
    expect(before.signing.signers).toBeGreaterThan(0);

    const { done } = await api.compileReport(org, 'ARSREDOVISNING', chef);
    const after = (await api.ok<{ reports: Row[] }>(LIST, { o: org }, chef)).reports;
    const old = after.find((r) => r.id === reportId)!;
    const newer = after.find((r) => r.id === done.id)!;
    expect(old.signing.newestVersion).toBe(newer.version);
    expect(newer.signing).toMatchObject({
      status: null,
      signed: 0,
      signers: 0,
      newestVersion: newer.version,
    });
  });

  it('a cancelled request is not reminded', async () => {
    await api.ok(
      'mutation($r: ID!){ cancelSigningRequest(requestId: $r, reason: "Ny version"){ id } }',
      { r: requestId },
      chef,
    );
    const r = await api.gql(
      'mutation($r: ID!){ remindSigners(requestId: $r){ reminded } }',
      { r: requestId },
      chef,
    );
    expect(codes(r)).toEqual(['INVALID_TRANSITION']);
  });
});
