import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { authenticator } from 'otplib';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import { codes, FIXTURES, orgId, tenantBundle, TestApi, upload } from '../helpers/api';
import { mailProblems } from '../helpers/mail-content';
import { startWorker } from '../helpers/worker';
import { SigningReminderHandler } from '../../apps/worker/src/mail/signing-reminder.handler';
import { FakeBankIdRpApi } from '../helpers/fake-bankid';
import { VirtualAuthenticator } from '../helpers/virtual-authenticator';
import { BankIdClient } from '../../libs/infra/src';

const SR =
  'id status orderMode sealedPdfFileId documentSha256 signers { personId name role state signedAt method }';
interface Req {
  id: string;
  status: string;
  sealedPdfFileId: string | null;
  signers: Array<{ name: string; role: string; state: string; method: string | null }>;
}

const ORG_NAME = 'Samordningsförbundet Signering';

describe('e-signing: the board signs, the förbund seals, anyone verifies', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let chef: string;
  const tmp = mkdtempSync(join(tmpdir(), 'signing-'));
  const secrets = new Map<string, string>();
  const tokens = new Map<string, string>();
  const PASSWORD = 'Demo-Samspelet-2025!';
  const ledamoter = Array.from({ length: 7 }, (_, i) => `ledamot${i + 1}@signering.example`);
  const revisorer = ['revisor1@signering.example', 'revisor2@signering.example'];

  const token = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await api.login(email));
    return tokens.get(email)!;
  };
  // A code is good once (issue 11): wait for a 30-second step after the person's last used one.
  const freshStep = async (email: string) => {
    const [row] = await api.ds.query(
      'SELECT t.last_used_step FROM person_totp t JOIN person p ON p.id = t.person_id WHERE p.email = $1',
      [email],
    );
    while (row?.last_used_step != null && Math.floor(Date.now() / 30000) <= Number(row.last_used_step) + 1)
      await new Promise((r) => setTimeout(r, 500));
  };
  const sign = async (requestId: string, email: string) => {
    await freshStep(email);
    return api.gql<{ signWithTotp: Req }>(
      `mutation($r: ID!, $p: String!, $c: String!){ signWithTotp(requestId: $r, password: $p, code: $c){ ${SR} } }`,
      { r: requestId, p: PASSWORD, c: authenticator.generate(secrets.get(email) ?? 'JBSWY3DPEHPK3PXP') },
      await token(email),
    );
  };
  async function compiled(kind: string): Promise<string> {
    const { done } = await api.compileReport(org, kind, chef);
    expect(done.status).toBe('READY');
    return done.id;
  }
  async function download(fileId: string, as: string): Promise<Buffer> {
    const res = await api.download(fileId, as);
    expect(res.status).toBe(200);
    return res.body;
  }
  const pdfsig = (file: string) => {
    try {
      return execFileSync('pdfsig', [file], { encoding: 'utf8' });
    } catch (e) {
      return String((e as { stdout?: string }).stdout ?? '');
    }
  };

  const bankid = new FakeBankIdRpApi();

  beforeAll(async () => {
    await bankid.start();
    process.env.BANKID_URL = bankid.url;
    api = await TestApi.start();
    worker = await startWorker();
    const bundle = tenantBundle('signering', ORG_NAME);
    bundle.people.find((x: { email: string }) => x.email === 'ledamot1@signering.example').personalNumber =
      '196501011234';
    bundle.people.find((x: { email: string }) => x.email === 'ledamot2@signering.example').personalNumber =
      '197002022345';
    const dir = join(tmp, 'seed');
    mkdirSync(dir, { recursive: true });
    cpSync(join(FIXTURES, 'sie'), join(dir, 'sie'), { recursive: true });
    cpSync(join(FIXTURES, 'submissions'), join(dir, 'submissions'), { recursive: true });
    writeFileSync(join(dir, 'organisation.json'), JSON.stringify(bundle));
    await api.app.get(DemoSeedService).seed(dir);
    org = await orgId(api, 'signering');
    chef = await token('forbundschef@signering.example');
    for (const email of [...ledamoter, ...revisorer]) {
      const t = await token(email);
      const s = await api.ok<{ setupTotp: { secret: string; otpauthUrl: string } }>(
        'mutation($p: String){ setupTotp(password: $p) { secret otpauthUrl } }',
        { p: PASSWORD },
        t,
      );
      expect(s.setupTotp.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
      await api.ok(
        'mutation($c: String!){ confirmTotp(code: $c) }',
        { c: authenticator.generate(s.setupTotp.secret) },
        t,
      );
      secrets.set(email, s.setupTotp.secret);
    }
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await bankid.stop();
  });

  it('seven ledamöter and two revisorer sign in groups; the sealed PDF passes pdfsig and lists all nine', async () => {
    const reportId = await compiled('ARSREDOVISNING');
    const created = await api.ok<{ createSigningRequest: Req }>(
      `mutation($r: ID!){ createSigningRequest(reportId: $r, order: GROUPS, expiresInDays: 14){ ${SR} } }`,
      { r: reportId },
      chef,
    );
    const req = created.createSigningRequest;
    expect(req.signers.map((s) => [s.role, s.state])).toEqual([
      ...ledamoter.map(() => ['STYRELSELEDAMOT', 'SENT']),
      ['REVISOR', 'NOT_SENT'],
      ['REVISOR', 'NOT_SENT'],
    ]);
    const auditCount = async () =>
      (
        await api.ds.query(
          `SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action <> 'signing.attempt_refused'`,
          [req.id],
        )
      )[0].n;
    const before = await auditCount();

    // refused: a revisor out of turn, an ersättare not on the list; nothing recorded but the attempt
    expect(codes(await sign(req.id, revisorer[0]))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await sign(req.id, 'ersattare1@signering.example'))).toEqual(['FORBIDDEN']);
    expect(await auditCount()).toBe(before);
    const attempts = await api.ds.query(
      `SELECT payload->>'reason' AS reason FROM audit_entry WHERE entity_id = $1 AND action = 'signing.attempt_refused' ORDER BY seq, insert_order`,
      [req.id],
    );
    expect(attempts.map((a: { reason: string }) => a.reason)).toEqual(['OUT_OF_TURN', 'NOT_ON_LIST']);

    const link = await api.ok<{ viewSigningDocument: string }>(
      'mutation($r: ID!){ viewSigningDocument(requestId: $r) }',
      { r: req.id },
      await token(ledamoter[0]),
    );
    expect(link.viewSigningDocument).toMatch(/^\/files\/.*signature=/);
    for (const email of ledamoter) expect((await sign(req.id, email)).errors).toBeUndefined();
    // a second signature by the same person is refused
    expect(codes(await sign(req.id, ledamoter[0]))).toEqual(['INVALID_TRANSITION']);
    for (const email of revisorer) expect((await sign(req.id, email)).errors).toBeUndefined();

    let done: Req | null = null;
    for (let i = 0; i < 600 && !done?.sealedPdfFileId; i++) {
      done = (
        await api.ok<{ signingRequest: Req }>(
          `query($r: ID!){ signingRequest(reportId: $r){ ${SR} } }`,
          { r: reportId },
          chef,
        )
      ).signingRequest;
      if (!done.sealedPdfFileId) await new Promise((res) => setTimeout(res, 100));
    }
    expect(done!.status).toBe('COMPLETED');
    expect(done!.signers.every((s) => s.state === 'SIGNED' && s.method === 'TOTP')).toBe(true);

    const sealed = await download(done!.sealedPdfFileId!, chef);
    const file = join(tmp, 'sealed.pdf');
    writeFileSync(file, sealed);
    expect(pdfsig(file)).toContain('Signature Validation: Signature is Valid.');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const lastPages = execFileSync(
      'pdftotext',
      ['-f', String(pages - 1), '-l', String(pages), '-layout', file, '-'],
      { encoding: 'utf8' },
    );
    expect(lastPages).toContain('Signeringsintyg');
    expect(lastPages).toContain('Underskrifter (9)');
    for (const name of done!.signers.map((s) => s.name)) expect(lastPages).toContain(name);

    // one byte changed: both pdfsig and verifyDocument say so
    const altered = Buffer.from(sealed);
    altered[Math.floor(altered.length / 3)] ^= 0x01;
    const alteredFile = join(tmp, 'altered.pdf');
    writeFileSync(alteredFile, altered);
    expect(pdfsig(alteredFile)).toContain('Digest Mismatch');
    const anyone = await token('projektagare.stegen@signering.example');
    const VERIFY =
      'mutation($f: ID!){ verifyDocument(fileId: $f){ sealed unaltered reportId signers { name signedAt method } } }';
    const upOk = await upload(api, anyone, sealed, 'signerad.pdf', { organisationId: org });
    const ok = await api.ok<{
      verifyDocument: { sealed: boolean; unaltered: boolean; reportId: string; signers: unknown[] };
    }>(VERIFY, { f: upOk.body.id }, anyone);
    expect(ok.verifyDocument).toEqual(expect.objectContaining({ sealed: true, unaltered: true, reportId }));
    expect(ok.verifyDocument.signers).toHaveLength(9);
    const upBad = await upload(api, anyone, altered, 'andrad.pdf', { organisationId: org });
    const bad = await api.ok<{ verifyDocument: { sealed: boolean; unaltered: boolean; reportId: string } }>(
      VERIFY,
      { f: upBad.body.id },
      anyone,
    );
    expect(bad.verifyDocument).toEqual(expect.objectContaining({ sealed: true, unaltered: false, reportId }));

    // Anyone who holds the PDF may verify it, also a person of another förbund whose requests run scoped to
    // their own förbund (row-level security): the seal is looked up across förbund on purpose.
    const granne = await api.ok<{ importOrganisationBundle: { id: string } }>(
      'mutation($b: JSON!){ importOrganisationBundle(bundle: $b){ id } }',
      { b: tenantBundle('signering-granne', 'Samordningsförbundet Signeringsgrannen') },
      await api.adminToken(),
    );
    const stranger = await token('forbundschef@signering-granne.example');
    const upStranger = await upload(api, stranger, sealed, 'signerad.pdf', {
      organisationId: granne.importOrganisationBundle.id,
    });
    expect(upStranger.status).toBe(201);
    const theirs = await api.ok<{
      verifyDocument: { sealed: boolean; unaltered: boolean; signers: unknown[] };
    }>(VERIFY, { f: upStranger.body.id }, stranger);
    expect(theirs.verifyDocument).toEqual(
      expect.objectContaining({ sealed: true, unaltered: true, reportId }),
    );
    expect(theirs.verifyDocument.signers).toHaveLength(9);
  });

  it('refuses signatures on a cancelled or an expired request, and needs a written override for failing checks', async () => {
    const reportId = await compiled('DELARSRAPPORT');
    await api.ds.query('UPDATE report SET checks_passed = false WHERE id = $1', [reportId]);
    const CREATE =
      'mutation($r: ID!, $o: String){ createSigningRequest(reportId: $r, overrideReason: $o){ id status } }';
    const refused = await api.gql(CREATE, { r: reportId }, chef);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toMatch(/skriftlig motivering/);
    const req = (
      await api.ok<{ createSigningRequest: { id: string } }>(
        CREATE,
        { r: reportId, o: 'Avvikelsen gäller en avrundning som revisorn godkänt.' },
        chef,
      )
    ).createSigningRequest;
    const [override] = await api.ds.query(
      `SELECT payload->>'reason' AS reason FROM audit_entry WHERE entity_id = $1 AND action = 'signing.override'`,
      [req.id],
    );
    expect(override.reason).toBe('Avvikelsen gäller en avrundning som revisorn godkänt.');
    expect(
      codes(
        await api.gql(
          'mutation($r: ID!){ cancelSigningRequest(requestId: $r, reason: "x"){ id } }',
          { r: req.id },
          await token(ledamoter[0]),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    await api.ok(
      'mutation($r: ID!){ cancelSigningRequest(requestId: $r, reason: "Fel version skickades."){ id } }',
      { r: req.id },
      chef,
    );
    expect(codes(await sign(req.id, ledamoter[1]))).toEqual(['INVALID_TRANSITION']);

    const again = (
      await api.ok<{ createSigningRequest: { id: string } }>(
        CREATE,
        { r: reportId, o: 'Samma motivering.' },
        chef,
      )
    ).createSigningRequest;
    await api.ds.query(`UPDATE signing_request SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      again.id,
    ]);
    const expired = await sign(again.id, ledamoter[1]);
    expect(codes(expired)).toEqual(['INVALID_TRANSITION']);
    expect(expired.errors![0].message).toMatch(/gått ut/);
    const [{ n }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM signing_signer WHERE request_id = ANY($1) AND state = 'SIGNED'`,
      [[req.id, again.id]],
    );
    expect(n).toBe(0);
  });

  it('signs with BankID through the RP API (a local fake): hash bound, QR animated server-side, hints in Swedish', async () => {
    const reportId = await compiled('DELARSRAPPORT');
    const req = (
      await api.ok<{ createSigningRequest: Req }>(
        `mutation($r: ID!){ createSigningRequest(reportId: $r, order: PARALLEL){ ${SR} } }`,
        { r: reportId },
        chef,
      )
    ).createSigningRequest;
    const [{ document_sha256: hash }] = await api.ds.query(
      'SELECT document_sha256 FROM signing_request WHERE id = $1',
      [req.id],
    );
    const l1 = await token(ledamoter[0]);
    const started = await api.ok<{ startBankIdSigning: { orderRef: string; qrData: string } }>(
      'mutation($r: ID!){ startBankIdSigning(requestId: $r){ orderRef autoStartToken qrData } }',
      { r: req.id },
      l1,
    );
    const { orderRef } = started.startBankIdSigning;
    const order = bankid.orders.get(orderRef)!;
    expect(Buffer.from(order.request.userNonVisibleData, 'base64').toString()).toBe(hash);
    expect(Buffer.from(order.request.userVisibleData, 'base64').toString()).toContain('Delårsrapport 2025');
    expect(started.startBankIdSigning.qrData).toMatch(/^bankid\.[0-9a-f-]+\.0\.[0-9a-f]{64}$/);
    const COLLECT =
      'mutation($o: String!){ collectBankIdSigning(orderRef: $o){ status hintCode message signingRequest { status } } }';
    const pending = await api.ok<{ collectBankIdSigning: { status: string; message: string } }>(
      COLLECT,
      { o: orderRef },
      l1,
    );
    expect(pending.collectBankIdSigning).toEqual(
      expect.objectContaining({ status: 'pending', message: 'Starta BankID-appen och skanna QR-koden.' }),
    );
    bankid.scan(orderRef);
    expect(
      (await api.ok<{ collectBankIdSigning: { message: string } }>(COLLECT, { o: orderRef }, l1))
        .collectBankIdSigning.message,
    ).toMatch(/säkerhetskod/);
    bankid.approve(orderRef, { personalNumber: '196501011234', name: 'Ledamot Ett' });
    const done = await api.ok<{ collectBankIdSigning: { status: string } }>(COLLECT, { o: orderRef }, l1);
    expect(done.collectBankIdSigning.status).toBe('complete');
    // the order is audited when started and completed, and BankID's completion data is kept as evidence
    const [evidence] = await api.ds.query(
      'SELECT status, signature, ocsp_response, completion_data FROM bankid_order WHERE order_ref = $1',
      [orderRef],
    );
    expect(evidence).toEqual(
      expect.objectContaining({
        status: 'complete',
        signature: expect.stringMatching(/.{20,}/),
        ocsp_response: expect.stringMatching(/.{20,}/),
      }),
    );
    expect(evidence.completion_data.user.personalNumber).toBe('196501011234');
    const orderAudit = await api.ds.query(
      `SELECT action FROM audit_entry WHERE entity_id = $1 AND payload->>'orderRef' = $2 ORDER BY seq, insert_order`,
      [req.id, orderRef],
    );
    expect(orderAudit.map((x: { action: string }) => x.action)).toEqual([
      'bankid.order_started',
      'bankid.order_completed',
    ]);
    // the QR code's content is computed on the server from the secret, and changes with time
    const qr = await api.ok<{ bankIdQr: string }>(
      'query($o: String!){ bankIdQr(orderRef: $o) }',
      { o: orderRef },
      l1,
    );
    expect(qr.bankIdQr).toMatch(/^bankid\.[0-9a-f-]+\.\d+\.[0-9a-f]{64}$/);
    expect(BankIdClient.qrData({ qrStartToken: 'abc', qrStartSecret: 'secret' }, 3)).toBe(
      `bankid.abc.3.${createHmac('sha256', 'secret').update('3').digest('hex')}`,
    );

    // someone else's BankID does not sign for ledamot 2
    const l2 = await token(ledamoter[1]);
    const s2 = await api.ok<{ startBankIdSigning: { orderRef: string } }>(
      'mutation($r: ID!){ startBankIdSigning(requestId: $r){ orderRef } }',
      { r: req.id },
      l2,
    );
    bankid.approve(s2.startBankIdSigning.orderRef, { personalNumber: '196501011234', name: 'Ledamot Ett' });
    expect(codes(await api.gql(COLLECT, { o: s2.startBankIdSigning.orderRef }, l2))).toEqual([
      'BAD_USER_INPUT',
    ]);
    // a ledamot without a personnummer is told to use the code instead
    expect(
      codes(
        await api.gql(
          'mutation($r: ID!){ startBankIdSigning(requestId: $r){ orderRef } }',
          { r: req.id },
          await token(ledamoter[2]),
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);

    for (const email of [...ledamoter.slice(1), ...revisorer])
      expect((await sign(req.id, email)).errors).toBeUndefined();
    let final: Req | null = null;
    for (let i = 0; i < 600 && !final?.sealedPdfFileId; i++) {
      final = (
        await api.ok<{ signingRequest: Req }>(
          `query($r: ID!){ signingRequest(reportId: $r){ ${SR} } }`,
          { r: reportId },
          chef,
        )
      ).signingRequest;
      if (!final.sealedPdfFileId) await new Promise((res) => setTimeout(res, 100));
    }
    expect(final!.signers.map((s) => s.method)).toEqual(['BANKID', ...Array(8).fill('TOTP')]);
    const sealed = join(tmp, 'sealed-bankid.pdf');
    writeFileSync(sealed, await download(final!.sealedPdfFileId!, chef));
    expect(pdfsig(sealed)).toContain('Signature is Valid.');
  });

  it('signs with a passkey whose challenge binds the document, the signer and the request', async () => {
    const reportId = await compiled('DELARSRAPPORT');
    const req = (
      await api.ok<{ createSigningRequest: Req }>(
        `mutation($r: ID!){ createSigningRequest(reportId: $r){ ${SR} } }`,
        { r: reportId },
        chef,
      )
    ).createSigningRequest;
    const l3 = await token(ledamoter[2]);
    const authenticator3 = new VirtualAuthenticator(
      'localhost',
      `http://localhost:${process.env.PORT ?? 3000}`,
    );
    const reg = await api.ok<{ passkeyRegistrationOptions: { challenge: string; user: { id: string } } }>(
      'mutation($p: String){ passkeyRegistrationOptions(password: $p) }',
      { p: PASSWORD },
      l3,
    );
    expect(
      await api.ok(
        'mutation($r: JSON!){ registerPasskey(response: $r) }',
        { r: authenticator3.create(reg.passkeyRegistrationOptions) },
        l3,
      ),
    ).toEqual({ registerPasskey: true });
    const opts = await api.ok<{
      passkeySigningOptions: {
        challenge: string;
        binding: { documentSha256: string; requestId: string; nonce: string };
      };
    }>('mutation($r: ID!){ passkeySigningOptions(requestId: $r) }', { r: req.id }, l3);
    const [{ document_sha256: hash }] = await api.ds.query(
      'SELECT document_sha256 FROM signing_request WHERE id = $1',
      [req.id],
    );
    const { binding, challenge } = opts.passkeySigningOptions;
    expect(binding.documentSha256).toBe(hash);
    const me = (await api.ok<{ me: { id: string } }>('{ me { id } }', {}, l3)).me.id;
    expect(challenge).toBe(
      createHash('sha256').update(`${hash}:${me}:${req.id}:${binding.nonce}`).digest('base64url'),
    );
    // an assertion for another challenge (not this document) is refused
    const forged = authenticator3.get({
      challenge: createHash('sha256').update('another document').digest('base64url'),
    });
    expect(
      codes(
        await api.gql(
          `mutation($r: ID!, $a: JSON!){ signWithPasskey(requestId: $r, response: $a){ id } }`,
          { r: req.id, a: forged },
          l3,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    // an assertion without user verification (no PIN or biometrics on the authenticator) is refused
    expect(
      codes(
        await api.gql(
          `mutation($r: ID!, $a: JSON!){ signWithPasskey(requestId: $r, response: $a){ id } }`,
          { r: req.id, a: authenticator3.get(opts.passkeySigningOptions, { userVerified: false }) },
          l3,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const signed = await api.ok<{ signWithPasskey: Req }>(
      `mutation($r: ID!, $a: JSON!){ signWithPasskey(requestId: $r, response: $a){ ${SR} } }`,
      { r: req.id, a: authenticator3.get(opts.passkeySigningOptions) },
      l3,
    );
    expect(signed.signWithPasskey.signers.find((x) => x.name.startsWith('Ledamot 3'))).toEqual(
      expect.objectContaining({ state: 'SIGNED', method: 'PASSKEY' }),
    );
    await api.ok(
      'mutation($r: ID!){ cancelSigningRequest(requestId: $r, reason: "Passkey-test klart."){ id } }',
      { r: req.id },
      chef,
    );
  });

  it('reminds the signers who have not signed, every N days while the request is open', async () => {
    const reportId = await compiled('DELARSRAPPORT');
    const req = (
      await api.ok<{ createSigningRequest: Req }>(
        `mutation($r: ID!){ createSigningRequest(reportId: $r, expiresInDays: 10, reminderDays: 3){ ${SR} } }`,
        { r: reportId },
        chef,
      )
    ).createSigningRequest;
    const jobs = await api.ds.query(
      `SELECT (payload->>'round')::int AS round, round(extract(epoch FROM delay_until - created_at) / 86400) AS days FROM outbox WHERE job_name = 'signing-reminder' AND payload->>'requestId' = $1 ORDER BY 1`,
      [req.id],
    );
    expect(jobs.map((j: { round: number; days: string }) => [j.round, Number(j.days)])).toEqual([
      [1, 3],
      [2, 6],
      [3, 9],
    ]);
    expect((await sign(req.id, ledamoter[0])).errors).toBeUndefined();
    const handler = worker.get(SigningReminderHandler);
    expect(await handler.handle({ requestId: req.id, round: 1 })).toEqual({ reminded: 8 });
    const mails = await api.ds.query(
      `SELECT payload->>'to' AS "to" FROM outbox WHERE job_name = 'send-email' AND payload->>'eventId' = $1`,
      [`signing-reminder-${req.id}-1`],
    );
    expect(mails.map((m: { to: string }) => m.to)).not.toContain(ledamoter[0]);
    expect(mails).toHaveLength(8);
    await api.ok(
      'mutation($r: ID!){ cancelSigningRequest(requestId: $r, reason: "Test klart."){ id } }',
      { r: req.id },
      chef,
    );
    expect(await handler.handle({ requestId: req.id, round: 2 })).toEqual({ reminded: 0 });
  });

  it("requires a signature on a workflow step the förbund marks so (here the förbundschef's approval)", async () => {
    const b = tenantBundle('signerat-flode', 'Samordningsförbundet Signerat flöde');
    b.workflow = {
      steps: [
        { role: 'STYRGRUPP', quorum: 1 },
        { role: 'FORBUNDSCHEF', quorum: 1, requireSignature: true },
      ],
    };
    await api.ok(
      'mutation($b: JSON!){ importOrganisationBundle(bundle: $b){ id } }',
      { b },
      await api.adminToken(),
    );
    const o = await orgId(api, 'signerat-flode');
    const [{ id: insatsId }] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'tris'",
      [o],
    );
    const owner = await api.login('projektagare.tris@signerat-flode.example');
    const answers = JSON.parse(
      readFileSync(join(FIXTURES, 'submissions', 'tris-helar-2025.json'), 'utf8'),
    ).answers;
    const s = (
      await api.ok<{ startSubmission: { id: string; version: number } }>(
        'mutation($i: ID!){ startSubmission(insatsId: $i, period: "HELAR-2025"){ id version } }',
        { i: insatsId },
        owner,
      )
    ).startSubmission;
    const saved = (
      await api.ok<{ saveSubmission: { version: number } }>(
        'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }',
        { id: s.id, v: s.version, a: answers },
        owner,
      )
    ).saveSubmission;
    await api.ok(
      'mutation($id: ID!, $v: Int!){ submitSubmission(id: $id, version: $v){ id } }',
      { id: s.id, v: saved.version },
      owner,
    );
    await api.ok(
      'mutation($id: ID!){ approveSubmission(id: $id){ id } }',
      { id: s.id },
      await api.login('styrgrupp1.tris@signerat-flode.example'),
    );
    const chefToken = await api.login('forbundschef@signerat-flode.example');
    const unsigned = await api.gql(
      'mutation($id: ID!){ approveSubmission(id: $id){ status } }',
      { id: s.id },
      chefToken,
    );
    expect(codes(unsigned)).toEqual(['BAD_USER_INPUT']);
    expect(unsigned.errors![0].message).toMatch(/undertecknas/);
    const setup = await api.ok<{ setupTotp: { secret: string } }>(
      'mutation($p: String){ setupTotp(password: $p) { secret } }',
      { p: 'Demo-Samspelet-2025!' },
      chefToken,
    );
    await api.ok(
      'mutation($c: String!){ confirmTotp(code: $c) }',
      { c: authenticator.generate(setup.setupTotp.secret) },
      chefToken,
    );
    const wrong = await api.gql(
      'mutation($id: ID!){ approveSubmission(id: $id, password: "fel-losenord-1", code: "000000"){ status } }',
      { id: s.id },
      chefToken,
    );
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    const ok = await api.ok<{ approveSubmission: { status: string } }>(
      'mutation($id: ID!, $c: String!){ approveSubmission(id: $id, password: "Demo-Samspelet-2025!", code: $c){ status } }',
      { id: s.id, c: authenticator.generate(setup.setupTotp.secret) },
      chefToken,
    );
    expect(ok.approveSubmission.status).toBe('APPROVED');
    const [entry] = await api.ds.query(
      `SELECT payload FROM audit_entry WHERE entity_id = $1 AND action = 'submission.approved' AND to_state = 'APPROVED'`,
      [s.id],
    );
    expect(entry.payload.signed).toEqual({
      method: 'TOTP',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('keeps other förbund out of the signing, telling them no more than for an unknown id', async () => {
    const [r] = await api.ds.query(
      `SELECT id, report_id FROM signing_request WHERE organisation_id = $1 LIMIT 1`,
      [org],
    );
    const { tenantBundle: tb } = await import('../helpers/api');
    const other = tb('grannforbundet', 'Samordningsförbundet Grannen', 'grannen');
    await api.ok(
      'mutation($b: JSON!){ importOrganisationBundle(bundle: $b){ id } }',
      { b: other },
      await api.adminToken(),
    );
    const neighbour = await api.login('forbundschef@grannen.example');
    expect(
      codes(
        await api.gql(`query($r: ID!){ signingRequest(reportId: $r){ id } }`, { r: r.report_id }, neighbour),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      codes(
        await api.gql(
          `mutation($r: ID!){ createSigningRequest(reportId: $r){ id } }`,
          { r: r.report_id },
          neighbour,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    const [file] = await api.ds.query(
      `SELECT id FROM stored_file WHERE organisation_id = $1 AND purpose = 'sealed' LIMIT 1`,
      [org],
    );
    expect(
      codes(
        await api.gql(
          'mutation($f: ID!){ verifyDocument(fileId: $f){ sealed reportId signers { name } } }',
          { f: file.id },
          neighbour,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      codes(
        await api.gql(
          `mutation($r: ID!){ cancelSigningRequest(requestId: $r, reason: "x"){ id } }`,
          { r: r.id },
          neighbour,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
  });

  it('adds a sign-in factor only with the current password: audited and mailed to the person', async () => {
    const email = revisorer[1];
    const t = await token(email);
    for (const q of [
      'mutation { setupTotp { secret } }',
      'mutation { setupTotp(password: "fel-losenord-1") { secret } }',
      'mutation { passkeyRegistrationOptions }',
      'mutation { passkeyRegistrationOptions(password: "fel-losenord-1") }',
    ])
      expect(codes(await api.gql(q, {}, t))).toEqual(['BAD_USER_INPUT']);
    const before = await api.ds.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'send-email' AND payload->>'to' = $1 AND payload->>'subject' LIKE 'Ny inloggningsmetod%'`,
      [email],
    );
    const s = await api.ok<{ setupTotp: { secret: string } }>(
      'mutation($p: String){ setupTotp(password: $p) { secret } }',
      { p: PASSWORD },
      t,
    );
    await api.ok(
      'mutation($c: String!){ confirmTotp(code: $c) }',
      { c: authenticator.generate(s.setupTotp.secret) },
      t,
    );
    secrets.set(email, s.setupTotp.secret);
    const me = (await api.ok<{ me: { id: string } }>('{ me { id } }', {}, t)).me.id;
    const audited = await api.ds.query(
      `SELECT payload FROM audit_entry WHERE action = 'person.factor_enrolled' AND entity_id = $1`,
      [me],
    );
    expect(audited.map((x: { payload: { factor: string } }) => x.payload.factor)).toContain('TOTP');
    const after = await api.ds.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'send-email' AND payload->>'to' = $1 AND payload->>'subject' LIKE 'Ny inloggningsmetod%'`,
      [email],
    );
    expect(after[0].n).toBe(before[0].n + 1);
  });

  it('takes a one-time code once across requests: the same code on a second request is refused', async () => {
    const reportId = await compiled('DELARSRAPPORT');
    const create = async () =>
      (
        await api.ok<{ createSigningRequest: Req }>(
          `mutation($r: ID!){ createSigningRequest(reportId: $r, order: PARALLEL){ ${SR} } }`,
          { r: reportId },
          chef,
        )
      ).createSigningRequest;
    const email = ledamoter[0];
    // a fresh 30-second step, so the first use is not refused for an earlier test's code
    const [{ last_used_step: last }] = await api.ds.query(
      'SELECT last_used_step FROM person_totp t JOIN person p ON p.id = t.person_id WHERE p.email = $1',
      [email],
    );
    while (last !== null && Math.floor(Date.now() / 30000) <= Number(last) + 1)
      await new Promise((r) => setTimeout(r, 1000));
    const code = authenticator.generate(secrets.get(email)!);
    const signWith = async (requestId: string) =>
      api.gql<{ signWithTotp: Req }>(
        `mutation($r: ID!, $p: String!, $c: String!){ signWithTotp(requestId: $r, password: $p, code: $c){ ${SR} } }`,
        { r: requestId, p: PASSWORD, c: code },
        await token(email),
      );
    const first = await create();
    expect((await signWith(first.id)).errors).toBeUndefined();
    await api.ok(
      'mutation($r: ID!){ cancelSigningRequest(requestId: $r, reason: "Engångskodstest."){ id } }',
      { r: first.id },
      chef,
    );
    const second = await create();
    const replay = await signWith(second.id);
    expect(codes(replay)).toEqual(['BAD_USER_INPUT']);
    await api.ok(
      'mutation($r: ID!){ cancelSigningRequest(requestId: $r, reason: "Engångskodstest klart."){ id } }',
      { r: second.id },
      chef,
    );
  });

  it('rate-limits one-time code attempts per person before checking them', async () => {
    // the förbundschef has made no one-time code attempts in this file
    const attempt = () => api.gql('mutation { confirmTotp(code: "000000") }', {}, chef);
    for (let i = 0; i < 5; i++) expect(codes(await attempt())).toEqual(['BAD_USER_INPUT']);
    expect(codes(await attempt())).toEqual(['RATE_LIMITED']);
  });

  it('mails only what people can act on: signing requests, reminders and factor changes, text and HTML', async () => {
    // Every mail of this file's förbund and of the demo förbund beside it, each checked against its own förbund.
    const rows: Array<{
      forbund: string | null;
      payload: { subject: string; text: string; html?: string; eventId: string };
    }> = await api.ds.query(
      `SELECT org.name AS forbund, o.payload FROM outbox o LEFT JOIN organisation org ON org.id = o.organisation_id
        WHERE o.job_name = 'send-email' ORDER BY o.created_at`,
    );
    expect(rows.filter((r) => r.forbund === ORG_NAME).length).toBeGreaterThan(10);
    const kinds = (prefix: string) => rows.filter((r) => r.payload.eventId.startsWith(prefix)).length;
    expect(
      [kinds('signing-'), kinds('signing-reminder-'), kinds('factor-enrolled-')].every((n) => n > 0),
    ).toBe(true);
    for (const { forbund, payload: m } of rows)
      expect({
        subject: m.subject,
        problems: mailProblems({ ...m, html: m.html ?? null }, forbund ?? ''),
      }).toEqual({
        subject: m.subject,
        problems: [],
      });
    const asked = rows.find((r) => /^signing-[0-9a-f-]+-sent$/.test(r.payload.eventId))!.payload;
    expect(asked.subject).toMatch(/^(Årsredovisning|Delårsrapport|Verksamhetsplan och budget) 20\d\d för /);
    expect(asked.text).toMatch(/\/rapporter\/[0-9a-f-]{36}\n/);
    expect(asked.text).toMatch(/gäller till och med 20\d\d-\d\d-\d\d kl\. \d\d:\d\d \(svensk tid\)/);
  });
});
