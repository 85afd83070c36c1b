import { createHmac } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { authenticator } from 'otplib';
import request from 'supertest';
import { DemoSeedService } from '../../apps/api/src/demo/demo-seed.service';
import { codes, FIXTURES, GqlResult, importBundle, orgId, tenantBundle, TestApi } from '../helpers/api';
import { startWorker } from '../helpers/worker';

/**
 * The security review of issue 18.2 and issue 13 item 6 as an attacker: signing in another's place (an ersättare of
 * another party, one whose mandate has ended by the decision date, one of another förbund, signing twice, in place
 * of someone who has signed), reminders (who may, and two at once), and the inline viewer's short-lived signed link
 * (another document, an expired link, a made-up id). Every refusal leaves no audit entry behind.
 */
const SLUG = 'signangrepp';
const OTHER = 'signgrannen';
const PASSWORD = 'Demo-Samspelet-2025!';
const at = (who: string, slug = SLUG) => `${who}@${slug}.example`;

const SR = 'id status signers { personId role state inPlaceOfName }';
interface Req {
  id: string;
  status: string;
  signers: Array<{ personId: string; role: string; state: string; inPlaceOfName: string | null }>;
}
const IN_PLACE = `mutation($r: ID!, $l: ID!, $e: ID!, $why: String!){ signInPlaceOf(requestId: $r, ledamotPersonId: $l, ersattarePersonId: $e, reason: $why){ ${SR} } }`;
const REMIND = 'mutation($r: ID!){ remindSigners(requestId: $r){ reminded nextAllowedAt } }';
const VIEW = 'mutation($r: ID!){ viewSigningDocument(requestId: $r) }';

describe('signing under attack: in another’s place, reminders and the signed link', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let reportId: string;
  let requestId: string;
  const tokens = new Map<string, string>();
  const secrets = new Map<string, string>();
  const token = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await api.login(email));
    return tokens.get(email)!;
  };
  const personId = async (email: string): Promise<string> =>
    (await api.ds.query('SELECT id FROM person WHERE email = $1', [email]))[0].id;
  const audits = async (action: string): Promise<number> =>
    (
      await api.ds.query(
        'SELECT count(*)::int AS n FROM audit_entry WHERE organisation_id = $1 AND action = $2',
        [org, action],
      )
    )[0].n;
  const signers = async () =>
    JSON.stringify(
      await api.ds.query(
        'SELECT person_id, role, state, in_place_of_person_id FROM signing_signer WHERE request_id = $1 ORDER BY position',
        [requestId],
      ),
    );

  beforeAll(async () => {
    delete process.env.BANKID_URL;
    api = await TestApi.start();
    worker = await startWorker();
    await importBundle(api, tenantBundle(OTHER, 'Samordningsförbundet Signgrannen'));
    const bundle = tenantBundle(SLUG, 'Samordningsförbundet Signangrepp');
    const gone = /^(ledamot[3-7]|ersattare[5-7]|revisor2)@/;
    bundle.people = bundle.people.filter((p: { email: string }) => !gone.test(p.email));
    bundle.boardMandates = [
      { email: at('ledamot1'), name: 'x', role: 'STYRELSELEDAMOT', title: 'ORDFORANDE', appointedBy: 'AF' },
      { email: at('ledamot2'), name: 'x', role: 'STYRELSELEDAMOT', appointedBy: 'REGION' },
      { email: at('ersattare1'), name: 'x', role: 'STYRELSEERSATTARE', appointedBy: 'AF' },
      // Region's first ersättare left at year-end; the second sits.
      {
        email: at('ersattare2'),
        name: 'x',
        role: 'STYRELSEERSATTARE',
        appointedBy: 'REGION',
        to: '2025-12-31',
      },
      { email: at('ersattare4'), name: 'x', role: 'STYRELSEERSATTARE', appointedBy: 'REGION' },
      { email: at('ersattare3'), name: 'x', role: 'STYRELSEERSATTARE', appointedBy: 'HAMMARO' },
      { email: at('revisor1'), name: 'x', role: 'REVISOR', title: 'Auktoriserad revisor' },
    ];
    const dir = join(mkdtempSync(join(tmpdir(), 'signangrepp-')), 'seed');
    mkdirSync(dir, { recursive: true });
    cpSync(join(FIXTURES, 'sie'), join(dir, 'sie'), { recursive: true });
    cpSync(join(FIXTURES, 'submissions'), join(dir, 'submissions'), { recursive: true });
    writeFileSync(join(dir, 'organisation.json'), JSON.stringify(bundle));
    await api.app.get(DemoSeedService).seed(dir);
    org = await orgId(api, SLUG);
    const chef = await token(at('forbundschef'));
    const { done } = await api.compileReport(org, 'ARSREDOVISNING', chef);
    expect(done.status).toBe('READY');
    reportId = done.id;
    const created = await api.ok<{ createSigningRequest: Req }>(
      `mutation($r: ID!){ createSigningRequest(reportId: $r, decisionDate: "2026-04-20", overrideReason: "Kända avvikelser"){ ${SR} } }`,
      { r: reportId },
      chef,
    );
    requestId = created.createSigningRequest.id;
  }, 300_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function enrolTotp(email: string): Promise<void> {
    const t = await token(email);
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
  }

  async function sign(email: string): Promise<GqlResult> {
    const [row] = await api.ds.query(
      'SELECT t.last_used_step FROM person_totp t JOIN person p ON p.id = t.person_id WHERE p.email = $1',
      [email],
    );
    while (row?.last_used_step != null && Math.floor(Date.now() / 30000) <= Number(row.last_used_step) + 1)
      await new Promise((r) => setTimeout(r, 500));
    return api.gql(
      'mutation($r: ID!, $p: String!, $c: String!){ signWithTotp(requestId: $r, password: $p, code: $c){ id } }',
      { r: requestId, p: PASSWORD, c: authenticator.generate(secrets.get(email)!) },
      await token(email),
    );
  }

  /** Refused as bad input with `message`, the signer list and the audit trail as they were. */
  async function refusedInPlace(vars: Record<string, string>, as: string, message: string): Promise<void> {
    const before = [await signers(), await audits('signing.substituted')];
    const r = await api.gql(IN_PLACE, { r: requestId, why: 'Ledamoten är sjuk.', ...vars }, await token(as));
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].message).toBe(message);
    expect([await signers(), await audits('signing.substituted')]).toEqual(before);
  }

  it('refuses an ersättare without a mandate on the decision date, of another party, or of another förbund', async () => {
    const chef = at('forbundschef');
    const ledamot1 = await personId(at('ledamot1'));
    const ledamot2 = await personId(at('ledamot2'));
    // Region's ersättare whose mandate ended 2025-12-31, before the decision on 2026-04-20.
    await refusedInPlace(
      { l: ledamot2, e: await personId(at('ersattare2')) },
      chef,
      'Personen har inget mandat som ersättare på beslutsdagen.',
    );
    // Hammarö's ersättare for AF's ledamot.
    await refusedInPlace(
      { l: ledamot1, e: await personId(at('ersattare3')) },
      chef,
      'Ersättaren är utsedd av en annan part än ledamoten.',
    );
    // An ersättare of another förbund answers as a person who does not exist: nothing is said about them.
    const theirs = await personId(at('ersattare1', OTHER));
    await refusedInPlace(
      { l: ledamot1, e: theirs },
      chef,
      'Personen har inget mandat som ersättare på beslutsdagen.',
    );
    await refusedInPlace(
      { l: ledamot1, e: '00000000-0000-4000-8000-000000000000' },
      chef,
      'Personen har inget mandat som ersättare på beslutsdagen.',
    );
    // The revisor is no ledamot, and neither is a ledamot of the other förbund.
    await refusedInPlace(
      { l: await personId(at('revisor1')), e: await personId(at('ersattare1')) },
      chef,
      'Personen är ingen ledamot bland undertecknarna för det här dokumentet.',
    );
    await refusedInPlace(
      { l: await personId(at('ledamot1', OTHER)), e: await personId(at('ersattare1')) },
      chef,
      'Personen är ingen ledamot bland undertecknarna för det här dokumentet.',
    );
  });

  it('takes a reason of a paragraph, not a document: a huge one is refused at its field, nothing changes', async () => {
    const huge = 'Skäl. '.repeat(2000);
    await refusedInPlace(
      { l: await personId(at('ledamot1')), e: await personId(at('ersattare1')), why: huge },
      at('ersattare1'),
      'Skälet är för långt; skriv det kortare.',
    );
    const before = [await signers(), await audits('signing.cancelled'), await audits('signing.declined')];
    const cancel = await api.gql(
      'mutation($r: ID!, $why: String!){ cancelSigningRequest(requestId: $r, reason: $why){ id } }',
      { r: requestId, why: huge },
      await token(at('forbundschef')),
    );
    expect(codes(cancel)).toEqual(['BAD_USER_INPUT']);
    expect(cancel.errors![0].extensions!.details).toEqual([
      { path: '$.reason', message: 'får vara högst 1 000 tecken' },
    ]);
    const decline = await api.gql(
      'mutation($r: ID!, $why: String!){ declineSigning(requestId: $r, reason: $why){ id } }',
      { r: requestId, why: huge },
      await token(at('revisor1')),
    );
    expect(codes(decline)).toEqual(['BAD_USER_INPUT']);
    expect([await signers(), await audits('signing.cancelled'), await audits('signing.declined')]).toEqual(
      before,
    );
  });

  it('lets no one without the right step in, nor the same ersättare sign twice', async () => {
    const ledamot1 = await personId(at('ledamot1'));
    const ledamot2 = await personId(at('ledamot2'));
    const ersattare1 = await personId(at('ersattare1'));
    const before = await signers();
    for (const who of [
      'projektagare.stegen',
      'styrgrupp1.stegen',
      'revisor1',
      'ledamot2',
      at('ledamot1', OTHER),
    ]) {
      const email = who.includes('@') ? who : at(who);
      const r = await api.gql(
        IN_PLACE,
        { r: requestId, l: ledamot1, e: ersattare1, why: 'Sjuk' },
        await token(email),
      );
      // The förbund's own people lack the role (FORBIDDEN); another förbund's board member is refused at the door
      // as if the request did not exist (the guard: NOT_FOUND, no existence leak).
      expect([email, codes(r)]).toEqual([email, [who.includes('@') ? 'NOT_FOUND' : 'FORBIDDEN']]);
    }
    expect(await signers()).toBe(before);

    // AF's ersättare steps in for AF's ordförande …
    const swapped = await api.ok<{ signInPlaceOf: Req }>(
      IN_PLACE,
      { r: requestId, l: ledamot1, e: ersattare1, why: 'Ordföranden är jävig.' },
      await token(at('ersattare1')),
    );
    expect(swapped.signInPlaceOf.signers.find((s) => s.personId === ersattare1)).toMatchObject({
      role: 'STYRELSEERSATTARE',
    });
    expect(await audits('signing.substituted')).toBe(1);
    // … and cannot take a second seat to sign twice, not even by the förbundschef's hand.
    await refusedInPlace(
      { l: ledamot2, e: ersattare1 },
      at('forbundschef'),
      'Ersättaren finns redan bland undertecknarna.',
    );
    // The ordförande replaced can no longer sign.
    await enrolTotp(at('ledamot1'));
    expect(codes(await sign(at('ledamot1')))).toEqual(['FORBIDDEN']);
  });

  it('puts no ersättare in place of a ledamot who has already signed', async () => {
    await enrolTotp(at('ledamot2'));
    expect((await sign(at('ledamot2'))).errors).toBeUndefined();
    await refusedInPlace(
      { l: await personId(at('ledamot2')), e: await personId(at('ersattare4')) },
      at('forbundschef'),
      'Ledamoten har redan undertecknat eller avböjt; ingen ersättare kan träda in.',
    );
  });

  it('reminders: only the förbundschef, and of two at the same moment exactly one goes out', async () => {
    for (const who of ['kansli', 'ledamot2', 'revisor1', 'ersattare1', 'projektagare.stegen'])
      expect([who, codes(await api.gql(REMIND, { r: requestId }, await token(at(who))))]).toEqual([
        who,
        ['FORBIDDEN'],
      ]);
    expect(codes(await api.gql(REMIND, { r: requestId }, await token(at('forbundschef', OTHER))))).toEqual([
      'NOT_FOUND',
    ]);
    const chef = await token(at('forbundschef'));
    const both = await Promise.all([
      api.gql(REMIND, { r: requestId }, chef),
      api.gql(REMIND, { r: requestId }, chef),
    ]);
    expect(both.map((r) => codes(r).join() || 'OK').sort()).toEqual(['OK', 'RATE_LIMITED']);
    expect(await audits('signing.reminded')).toBe(1);
    const jobs = await api.ds.query(
      "SELECT count(*)::int AS n FROM outbox WHERE payload->>'requestId' = $1 AND (payload->>'round')::int > 100",
      [requestId],
    );
    expect(jobs[0].n).toBe(1);
  });

  it('the signed link opens only its own document, only until it expires, and a made-up id says nothing', async () => {
    const link = (
      await api.ok<{ viewSigningDocument: string }>(VIEW, { r: requestId }, await token(at('revisor1')))
    ).viewSigningDocument;
    const url = new URL(link, 'http://x');
    const fileId = url.pathname.split('/').pop()!;
    const expires = url.searchParams.get('expires')!;
    const signature = url.searchParams.get('signature')!;
    const http = request(api.app.getHttpServer());
    expect((await http.get(link)).status).toBe(200);
    // The same signature on another file of the förbund (the checks PDF of the same report)
    const [{ checks }] = await api.ds.query('SELECT checks_file_id AS checks FROM report WHERE id = $1', [
      reportId,
    ]);
    expect(checks).toBeTruthy();
    const other = await http.get(
      `/files/${checks}?expires=${expires}&signature=${signature}&disposition=inline`,
    );
    expect(other.status).toBe(404);
    // A link made with the right key for a moment already past
    const past = Math.floor(Date.now() / 1000) - 1;
    const pastSig = createHmac('sha256', process.env.JWT_SECRET!)
      .update(`file:${fileId}:${past}`)
      .digest('base64url');
    expect((await http.get(`/files/${fileId}?expires=${past}&signature=${pastSig}`)).status).toBe(404);
    // A later expiry under the old signature
    expect(
      (await http.get(`/files/${fileId}?expires=${Number(expires) + 3600}&signature=${signature}`)).status,
    ).toBe(404);
    // Ids that are no file, or no id at all: the same 404 as a file one may not read, never a server error
    for (const id of ['00000000-0000-4000-8000-000000000000', 'inte-ett-id', "'; DROP TABLE file; --"]) {
      const r = await http.get(`/files/${encodeURIComponent(id)}?expires=${expires}&signature=${signature}`);
      expect([id, r.status]).toEqual([id, 404]);
    }
  });
});
