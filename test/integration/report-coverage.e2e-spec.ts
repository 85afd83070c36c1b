import { INestApplicationContext } from '@nestjs/common';
import { codes, importBundle, seedFixture, tenantBundle, TestApi } from '../helpers/api';
import { startWorker } from '../helpers/worker';

const FIELDS =
  'id status checksPassed pdfFileId checksFileId checks { id status message } followUpCoverage { insatsKey insatsId insatsName period state reason }';
interface Compiled {
  id: string;
  status: string;
  checksPassed: boolean;
  pdfFileId: string;
  checksFileId: string;
  checks: Array<{ id: string; status: string; message: string }>;
  followUpCoverage: Array<{
    insatsKey: string;
    insatsId: string | null;
    insatsName: string;
    period: string;
    state: string;
    reason: string | null;
  }>;
}
const CREATE_SIGNING =
  'mutation($r: ID!, $o: String){ createSigningRequest(reportId: $r, overrideReason: $o){ id status } }';
const EXEMPT =
  'mutation($i: ID!, $p: String!, $r: String!){ exemptFollowUp(insatsId: $i, period: $p, reason: $r){ insatsKey period reason decidedAt } }';
const REASON = 'Insatsen pausades hela hösten; styrelsen informerades 2025-10-14.';

describe('a report accounts for every insats funded in the period', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let chef: string;
  let stegenId: string;

  async function compiled(kind: string): Promise<Compiled> {
    const { done } = await api.compileReport<Compiled>(org, kind, chef, FIELDS);
    expect(done.status).toBe('READY');
    return done;
  }
  const pdfText = (fileId: string) => api.pdfText(fileId, chef);

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    // Samspelet's follow-ups, all approved by the demo seed, except Stegen's Helår 2025.
    org = await seedFixture(api, tenantBundle('tacker', 'Samordningsförbundet Täcker'), [
      'submissions/stegen-helar-2025.json',
    ]);
    chef = await api.login('forbundschef@tacker.example');
    [{ id: stegenId }] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
      [org],
    );
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('names the insats without an approved follow-up in a failing check, and shows it as "Uppföljning saknas"', async () => {
    const r = await compiled('ARSREDOVISNING');
    expect(r.checksPassed).toBe(false);
    const failing = r.checks.filter((c) => c.status === 'FAIL');
    expect(failing.map((c) => c.id)).toEqual(['uppfoljning_finns_stegen']);
    expect(failing[0].message).toContain('Stegen Kristinehamn');
    expect(failing[0].message).toContain('Helår 2025');
    // Every insats funded in 2025 is in the report: seven, Stegen's missing.
    expect(r.followUpCoverage.map((c) => [c.insatsKey, c.state])).toEqual([
      ['forb-grums', 'GODKAND'],
      ['forb-hammaro', 'GODKAND'],
      ['forb-karlstad', 'GODKAND'],
      ['larvux', 'GODKAND'],
      ['stegen', 'SAKNAS'],
      ['tillitsbyran', 'GODKAND'],
      ['tris', 'GODKAND'],
    ]);
    expect(r.followUpCoverage.find((c) => c.insatsKey === 'stegen')!.insatsId).toBe(stegenId);
    const text = await pdfText(r.pdfFileId);
    expect(text).toMatch(/Stegen Kristinehamn\s+Uppföljning saknas/);
    expect(text).toContain('Uppföljning Stegen Kristinehamn, Helår 2025');
    expect(await pdfText(r.checksFileId)).toContain('EJ GODKÄND');
  });

  it('a Delår report owes nothing of the insatser that started after June', async () => {
    const r = await compiled('DELARSRAPPORT');
    expect(r.followUpCoverage.map((c) => c.insatsKey)).toEqual(['larvux', 'stegen', 'tillitsbyran', 'tris']);
    expect(r.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
  });

  it('refuses to send it for signing without an override reason', async () => {
    const r = await compiled('ARSREDOVISNING');
    const refused = await api.gql(CREATE_SIGNING, { r: r.id }, chef);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toMatch(/skriftlig motivering/);
  });

  it('lets only the förbundschef of the förbund exempt an insats, with a reason', async () => {
    const owner = await api.login('projektagare.stegen@tacker.example');
    const vars = { i: stegenId, p: 'HELAR-2025', r: REASON };
    expect(codes(await api.gql(EXEMPT, vars, owner))).toEqual(['FORBIDDEN']);
    const kansli = await api.login('kansli@tacker.example');
    expect(codes(await api.gql(EXEMPT, vars, kansli))).toEqual(['FORBIDDEN']);
    await importBundle(api, tenantBundle('grannen-tacker', 'Samordningsförbundet Grannen'));
    const neighbour = await api.login('forbundschef@grannen-tacker.example');
    expect(codes(await api.gql(EXEMPT, vars, neighbour))).toEqual(['NOT_FOUND']);
    const blank = await api.gql(EXEMPT, { ...vars, r: '   ' }, chef);
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect((blank.errors![0].extensions!.details as Array<{ path: string }>)[0].path).toBe('$.reason');
    // A period the insats does not run in cannot be exempted (Hammarö starts 2025-09-01: no Delår 2025).
    const [{ id: hammaro }] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'forb-hammaro'",
      [org],
    );
    expect(codes(await api.gql(EXEMPT, { i: hammaro, p: 'DELAR-2025', r: REASON }, chef))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const [{ n: before }] = await api.ds.query(
      'SELECT count(*)::int AS n FROM follow_up_exemption WHERE organisation_id = $1',
      [org],
    );
    expect(before).toBe(0);
  });

  it('an exempted insats shows "Undantagen: <skäl>", the check passes, and signing needs no override', async () => {
    const done = await api.ok<{ exemptFollowUp: { insatsKey: string; reason: string } }>(
      EXEMPT,
      { i: stegenId, p: 'HELAR-2025', r: `  ${REASON} ` },
      chef,
    );
    expect(done.exemptFollowUp).toEqual(expect.objectContaining({ insatsKey: 'stegen', reason: REASON }));
    const [audit] = await api.ds.query(
      `SELECT payload, actor_id FROM audit_entry WHERE organisation_id = $1 AND action = 'follow_up.exempted'`,
      [org],
    );
    expect(audit.payload).toEqual(
      expect.objectContaining({
        insatsId: stegenId,
        period: 'HELAR-2025',
        reason: REASON,
        previousReason: null,
      }),
    );
    expect(audit.actor_id).toBeTruthy();
    const listed = await api.ok<{ followUpExemptions: Array<{ insatsKey: string; reason: string }> }>(
      'query($o: ID!){ followUpExemptions(organisationId: $o, year: 2025){ insatsKey reason } }',
      { o: org },
      chef,
    );
    expect(listed.followUpExemptions).toEqual([{ insatsKey: 'stegen', reason: REASON }]);

    const r = await compiled('ARSREDOVISNING');
    expect(r.checks.filter((c) => c.status === 'FAIL')).toEqual([]);
    expect(r.checksPassed).toBe(true);
    expect(r.followUpCoverage.find((c) => c.insatsKey === 'stegen')).toEqual(
      expect.objectContaining({ state: 'UNDANTAGEN', reason: REASON }),
    );
    const text = await pdfText(r.pdfFileId);
    expect(text).toContain('Undantagen: Insatsen pausades hela hösten');
    const req = await api.gql(CREATE_SIGNING, { r: r.id }, chef);
    expect(req.errors).toBeUndefined();
  });

  it('removing the exemption makes the insats owe its follow-up again', async () => {
    await api.ok(
      'mutation($i: ID!, $p: String!){ removeFollowUpExemption(insatsId: $i, period: $p) }',
      { i: stegenId, p: 'HELAR-2025' },
      chef,
    );
    const r = await compiled('ARSREDOVISNING');
    expect(r.checks.filter((c) => c.status === 'FAIL').map((c) => c.id)).toEqual([
      'uppfoljning_finns_stegen',
    ]);
    const [{ n }] = await api.ds.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE organisation_id = $1 AND action = 'follow_up.exemption_removed'`,
      [org],
    );
    expect(n).toBe(1);
  });
});
