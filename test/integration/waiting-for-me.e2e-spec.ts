import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLate, periodDeadline, periodsDueNow, swedishDate } from '@app/domain';
import { FIXTURES, importBundle, tenantBundle, TestApi } from '../helpers/api';

interface Item {
  kind: string;
  kindLabel: string;
  title: string;
  dueDate: string | null;
  late: boolean;
  targetId: string;
  period: string | null;
  organisationId: string;
  organisationName: string;
}
const Q =
  '{ waitingForMe { kind kindLabel title dueDate late targetId period organisationId organisationName } }';
const answers = (file: string) =>
  JSON.parse(readFileSync(join(FIXTURES, 'submissions', file), 'utf8')).answers;

/**
 * "Väntar på dig" (issue 13, item 3) over HTTP: each role finds what waits for it (follow-ups owed and not
 * started, drafts, returned ones, reviews at its step, signatures, reports to send) and nothing of another förbund.
 */
describe('waitingForMe: everything that waits for me', () => {
  let api: TestApi;
  const org: Record<'a' | 'b', string> = { a: '', b: '' };
  const insats: Record<string, string> = {};
  const tokens = new Map<string, string>();
  const as = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await api.login(email));
    return tokens.get(email)!;
  };
  const waiting = async (email: string) =>
    (await api.ok<{ waitingForMe: Item[] }>(Q, {}, await as(email))).waitingForMe;
  const personId = async (email: string) =>
    (await api.ds.query('SELECT id FROM person WHERE email = $1', [email]))[0].id as string;

  /** A compiled report (READY) of a förbund, and optionally an open signing request with its signers' states. */
  async function report(organisationId: string, kind: string, signers: Array<[string, string]> = []) {
    const [file] = await api.ds.query(
      `INSERT INTO stored_file (organisation_id, sha256, size, content_type, purpose) VALUES ($1, $2, 10, 'application/pdf', 'REPORT') RETURNING id`,
      [organisationId, 'ab'.repeat(32)],
    );
    const [rep] = await api.ds.query(
      `INSERT INTO report (organisation_id, kind, year, version, status, progress, model, pdf_file_id)
       VALUES ($1, $2, 2025, 1, 'READY', 100, '{}'::jsonb, $3) RETURNING id`,
      [organisationId, kind, file.id],
    );
    if (signers.length) {
      const [req] = await api.ds.query(
        `INSERT INTO signing_request (organisation_id, report_id, document_file_id, document_sha256, status, order_mode, expires_at)
         VALUES ($1, $2, $3, $4, 'OPEN', 'PARALLEL', now() + interval '30 days') RETURNING id`,
        [organisationId, rep.id, file.id, 'ab'.repeat(32)],
      );
      let pos = 0;
      for (const [email, state] of signers)
        await api.ds.query(
          `INSERT INTO signing_signer (request_id, person_id, name, role, position, grp, state) VALUES ($1, $2, 'Ledamot', 'STYRELSELEDAMOT', $3, 1, $4)`,
          [req.id, await personId(email), ++pos, state],
        );
    }
    return rep.id as string;
  }

  beforeAll(async () => {
    api = await TestApi.start();
    org.a = (await importBundle(api, tenantBundle('vantar', 'Samordningsförbundet Väntar'))).id;
    org.b = (await importBundle(api, tenantBundle('vantargrannen', 'Samordningsförbundet Grannväntan'))).id;
    for (const r of await api.ds.query('SELECT id, key FROM insats WHERE organisation_id = $1', [org.a]))
      insats[r.key] = r.id;
  });
  afterAll(() => api.close());

  it('a projektägare sees the follow-ups their insats owes and nobody has started, with "sen" in Swedish time', async () => {
    // Lärvux runs from last year into next, whenever the test runs: last year's periods are owed (and late).
    const year = Number(swedishDate(new Date()).slice(0, 4));
    const dates = { start: `${year - 1}-01-01`, end: `${year + 1}-12-31` };
    await api.ds.query('UPDATE insats SET start_date = $2, end_date = $3 WHERE id = $1', [
      insats.larvux,
      dates.start,
      dates.end,
    ]);
    const mine = (await waiting('projektagare.larvux@vantar.example')).filter(
      (i) => i.kind === 'FOLLOW_UP_TO_START',
    );
    const owed = periodsDueNow(dates, new Date());
    expect(owed).toEqual(expect.arrayContaining([`DELAR-${year - 1}`, `HELAR-${year - 1}`]));
    expect(mine.map((i) => i.period).sort()).toEqual([...owed].sort());
    for (const i of mine) {
      const deadline = periodDeadline(
        i.period!.slice(0, 5) as 'DELAR' | 'HELAR',
        Number(i.period!.slice(6)),
        null,
      );
      expect(i).toMatchObject({
        targetId: insats.larvux,
        dueDate: deadline,
        late: isLate(deadline, new Date()),
        kindLabel: 'Uppföljning att påbörja',
        organisationId: org.a,
      });
      expect(i.title).toMatch(/^Samordnare Lärvuxlärling, (Delår|Helår) \d{4}$/);
    }
    expect(mine.find((i) => i.period === `DELAR-${year - 1}`)!.late).toBe(true);

    // Started, it is no longer "to start" but a draft; the other periods still wait.
    const started = await api.ok<{ startSubmission: { id: string } }>(
      'mutation($i: ID!, $p: String!){ startSubmission(insatsId: $i, period: $p){ id } }',
      { i: insats.larvux, p: `DELAR-${year - 1}` },
      await as('projektagare.larvux@vantar.example'),
    );
    const after = await waiting('projektagare.larvux@vantar.example');
    expect(after.filter((i) => i.kind === 'FOLLOW_UP_TO_START').map((i) => i.period)).not.toContain(
      `DELAR-${year - 1}`,
    );
    expect(after.find((i) => i.kind === 'FOLLOW_UP_DRAFT')).toMatchObject({
      targetId: started.startSubmission.id,
      period: `DELAR-${year - 1}`,
      kindLabel: 'Utkast att skicka in',
      late: true,
    });
    // Another insats' projektägare sees none of it.
    expect(
      (await waiting('projektagare.tris@vantar.example')).filter((i) => i.targetId === insats.larvux),
    ).toEqual([]);
  });

  it('the styrgrupp sees a review at its step; once returned, the projektägare sees it returned', async () => {
    const owner = await as('projektagare.stegen@vantar.example');
    const s = (
      await api.ok<{ startSubmission: { id: string; version: number } }>(
        'mutation($i: ID!){ startSubmission(insatsId: $i, period: "HELAR-2025"){ id version } }',
        { i: insats.stegen },
        owner,
      )
    ).startSubmission;
    const saved = await api.ok<{ saveSubmission: { version: number } }>(
      'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }',
      { id: s.id, v: s.version, a: answers('stegen-helar-2025.json') },
      owner,
    );
    await api.ok(
      'mutation($id: ID!, $v: Int!){ submitSubmission(id: $id, version: $v){ id } }',
      {
        id: s.id,
        v: saved.saveSubmission.version,
      },
      owner,
    );

    const review = (await waiting('styrgrupp1.stegen@vantar.example')).filter((i) => i.targetId === s.id);
    expect(review).toEqual([
      expect.objectContaining({
        kind: 'FOLLOW_UP_TO_REVIEW',
        kindLabel: 'Uppföljning att granska',
        title: 'Stegen Kristinehamn, Helår 2025',
        dueDate: '2026-02-15',
        late: false,
        period: 'HELAR-2025',
      }),
    ]);
    // Not at the förbundschef's step yet, and another insats' styrgrupp never sees it.
    expect((await waiting('forbundschef@vantar.example')).map((i) => i.targetId)).not.toContain(s.id);
    expect((await waiting('styrgrupp1.tris@vantar.example')).map((i) => i.targetId)).not.toContain(s.id);

    await api.ok(
      'mutation($id: ID!){ returnSubmission(id: $id, comment: "Komplettera deltagarna."){ id } }',
      { id: s.id },
      await as('styrgrupp1.stegen@vantar.example'),
    );
    expect((await waiting('styrgrupp1.stegen@vantar.example')).map((i) => i.targetId)).not.toContain(s.id);
    expect(
      (await waiting('projektagare.stegen@vantar.example')).find((i) => i.targetId === s.id),
    ).toMatchObject({
      kind: 'FOLLOW_UP_RETURNED',
      kindLabel: 'Återsänd: rätta och skicka in igen',
    });

    // The styrgrupp member can always list every follow-up of its insats, not only those waiting for it.
    const all = await api.ok<{ submissions: Array<{ id: string; insatsId: string }> }>(
      'query($o: ID!){ submissions(organisationId: $o){ id insatsId } }',
      { o: org.a },
      await as('styrgrupp1.stegen@vantar.example'),
    );
    expect(all.submissions.map((x) => x.id)).toContain(s.id);
    expect(new Set(all.submissions.map((x) => x.insatsId))).toEqual(new Set([insats.stegen]));
  });

  it('a ledamot sees the signature waiting for them; the förbundschef sees a report to send; no förbund sees another', async () => {
    const sent = await report(org.a, 'ARSREDOVISNING', [
      ['ledamot1@vantar.example', 'SENT'],
      ['ledamot2@vantar.example', 'NOT_SENT'],
      ['ledamot3@vantar.example', 'SIGNED'],
    ]);
    const toSend = await report(org.a, 'DELARSRAPPORT');
    // Another förbund's open request and report; A's ledamot1 on B's request (holding no role in B) sees nothing of it.
    const otherSent = await report(org.b, 'ARSREDOVISNING', [
      ['ledamot1@vantargrannen.example', 'VIEWED'],
      ['ledamot1@vantar.example', 'SENT'],
    ]);
    const otherToSend = await report(org.b, 'DELARSRAPPORT');

    const ledamot = await waiting('ledamot1@vantar.example');
    expect(ledamot).toEqual([
      expect.objectContaining({
        kind: 'SIGNATURE',
        kindLabel: 'Väntar på din underskrift',
        title: 'Årsredovisning 2025',
        targetId: sent,
        organisationId: org.a,
        organisationName: 'Samordningsförbundet Väntar',
        late: false,
      }),
    ]);
    expect(ledamot[0].dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Not yet sent to them, or already signed: nothing waits.
    expect(await waiting('ledamot2@vantar.example')).toEqual([]);
    expect(await waiting('ledamot3@vantar.example')).toEqual([]);
    expect((await waiting('ledamot1@vantargrannen.example')).map((i) => i.targetId)).toEqual([otherSent]);

    const chef = await waiting('forbundschef@vantar.example');
    expect(chef.filter((i) => i.kind === 'REPORT_TO_SEND')).toEqual([
      expect.objectContaining({ targetId: toSend, kindLabel: 'Rapport att skicka för underskrift' }),
    ]);
    expect(chef.every((i) => i.organisationId === org.a)).toBe(true);
    const otherChef = await waiting('forbundschef@vantargrannen.example');
    expect(otherChef.filter((i) => i.kind === 'REPORT_TO_SEND').map((i) => i.targetId)).toEqual([
      otherToSend,
    ]);
    expect(otherChef.every((i) => i.organisationId === org.b)).toBe(true);
    // The kansli and a revisor have no report to send (only the förbundschef sends for signing).
    expect((await waiting('kansli@vantar.example')).filter((i) => i.kind === 'REPORT_TO_SEND')).toEqual([]);
    expect(await waiting('revisor1@vantar.example')).toEqual([]);

    // Once the request is cancelled, the report is the chef's to send again, and the ledamot's signature is gone.
    await api.ds.query(`UPDATE signing_request SET status = 'CANCELLED' WHERE report_id = $1`, [sent]);
    expect(await waiting('ledamot1@vantar.example')).toEqual([]);
    expect(
      (await waiting('forbundschef@vantar.example'))
        .filter((i) => i.kind === 'REPORT_TO_SEND')
        .map((i) => i.targetId),
    ).toEqual(expect.arrayContaining([sent, toSend]));
  });

  it('asks without a login are refused', async () => {
    const r = await api.gql(Q);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
