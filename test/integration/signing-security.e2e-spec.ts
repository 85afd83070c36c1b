import { INestApplicationContext } from '@nestjs/common';
import { authenticator } from 'otplib';
import { codes, DEMO_PASSWORD, importBundle, tenantBundle, TestApi } from '../helpers/api';
import { startWorker } from '../helpers/worker';
import { compiledPlanReport, savedDemoPlan } from '../helpers/plan';

/**
 * A one-time code works once across every use. TypeORM answers UPDATE … RETURNING with [rows, count], so a
 * guard that tested `.length` on it let a replayed code through; this signs twice with the same code.
 */
describe('signing: a code works once, and a file says nothing to another förbund', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let chef: string;

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    org = (await importBundle(api, tenantBundle('repris', 'Samordningsförbundet Repris'))).id;
    chef = await api.login('forbundschef@repris.example');
    await savedDemoPlan(api, org, chef);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function compiledRequest(): Promise<string> {
    const reportId = await compiledPlanReport(api, org, chef);
    const created = await api.ok<{ createSigningRequest: { id: string } }>(
      'mutation($r: ID!){ createSigningRequest(reportId: $r){ id } }',
      { r: reportId },
      chef,
    );
    return created.createSigningRequest.id;
  }

  it('refuses the same code on a second request', async () => {
    const ordforande = await api.login('ledamot1@repris.example');
    const setup = await api.ok<{ setupTotp: { secret: string } }>(
      'mutation($p: String){ setupTotp(password: $p){ secret } }',
      { p: DEMO_PASSWORD },
      ordforande,
    );
    const secret = setup.setupTotp.secret;
    await api.ok(
      'mutation($c: String!){ confirmTotp(code: $c) }',
      { c: authenticator.generate(secret) },
      ordforande,
    );
    const SIGN =
      'mutation($r: ID!, $p: String!, $c: String!){ signWithTotp(requestId: $r, password: $p, code: $c){ id } }';

    const code = authenticator.generate(secret);
    const first = await compiledRequest();
    expect(codes(await api.gql(SIGN, { r: first, p: DEMO_PASSWORD, c: code }, ordforande))).toEqual([]);
    await api.ok(
      'mutation($r: ID!){ cancelSigningRequest(requestId: $r, reason: "Ny version av planen") { id } }',
      { r: first },
      chef,
    );
    // The same code again, on a new request, a moment later: refused, and nothing is signed.
    const second = await compiledRequest();
    const replay = await api.gql(SIGN, { r: second, p: DEMO_PASSWORD, c: code }, ordforande);
    expect(codes(replay)).toEqual(['BAD_USER_INPUT']);
    const [{ n }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM signing_signer WHERE request_id = $1 AND state = 'SIGNED'",
      [second],
    );
    expect(n).toBe(0);
  });

  it("verifyDocument with another förbund's file id says nothing, not even its signers", async () => {
    await importBundle(api, tenantBundle('grannrepris', 'Samordningsförbundet Grannrepris'));
    const other = await api.login('forbundschef@grannrepris.example');
    const [{ id: fileId }] = await api.ds.query(
      "SELECT pdf_file_id AS id FROM report WHERE organisation_id = $1 AND status = 'READY' LIMIT 1",
      [org],
    );
    const VERIFY = 'mutation($f: ID!){ verifyDocument(fileId: $f){ sealed unaltered signers { name } } }';
    const refused = await api.gql(VERIFY, { f: fileId }, other);
    expect(codes(refused)).toEqual(['NOT_FOUND']);
    expect(refused.data).toBeNull();
    const own = await api.ok<{ verifyDocument: { sealed: boolean } }>(VERIFY, { f: fileId }, chef);
    expect(own.verifyDocument.sealed).toBe(false);
  });

  it('removes a factor only with the password, audited and mailed to the person', async () => {
    const ledamot = await api.login('ledamot2@repris.example');
    const setup = await api.ok<{ setupTotp: { secret: string } }>(
      'mutation($p: String){ setupTotp(password: $p){ secret } }',
      { p: DEMO_PASSWORD },
      ledamot,
    );
    await api.ok(
      'mutation($c: String!){ confirmTotp(code: $c) }',
      { c: authenticator.generate(setup.setupTotp.secret) },
      ledamot,
    );
    const REMOVE = 'mutation($p: String){ removeSigningFactor(factor: TOTP, password: $p) }';
    const [{ id: personId }] = await api.ds.query(
      "SELECT id FROM person WHERE email = 'ledamot2@repris.example'",
    );
    const totps = async () =>
      (await api.ds.query('SELECT count(*)::int AS n FROM person_totp WHERE person_id = $1', [personId]))[0]
        .n;

    // A stolen session without the password cannot strip the signer's factor.
    expect(codes(await api.gql(REMOVE, { p: 'fel-lösenord' }, ledamot))).toEqual(['BAD_USER_INPUT']);
    expect(await totps()).toBe(1);

    expect(
      (await api.ok<{ removeSigningFactor: boolean }>(REMOVE, { p: DEMO_PASSWORD }, ledamot))
        .removeSigningFactor,
    ).toBe(true);
    expect(await totps()).toBe(0);
    const audit = await api.ds.query(
      "SELECT payload FROM audit_entry WHERE action = 'person.factor_removed' AND entity_id = $1",
      [personId],
    );
    expect(audit).toEqual([{ payload: { factor: 'TOTP' } }]);
    const mails = await api.ds.query(
      "SELECT 1 FROM outbox WHERE payload->>'subject' = 'En inloggningsmetod har tagits bort från ditt konto' AND payload->>'to' = 'ledamot2@repris.example'",
    );
    expect(mails).toHaveLength(1);
    // Nothing left to remove: a clear refusal, not a silent true.
    expect(codes(await api.gql(REMOVE, { p: DEMO_PASSWORD }, ledamot))).toEqual(['NOT_FOUND']);
  });
});
