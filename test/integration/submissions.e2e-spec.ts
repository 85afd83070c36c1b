import request from 'supertest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import {
  codes,
  FIXTURES,
  importBundle,
  insatserRunOn,
  orgId,
  otherBundle,
  tenantBundle,
  TestApi,
} from '../helpers/api';
import { enqueueJob, JobName } from '@app/infra';
import { MailCatcher } from '../helpers/mail';
import { mailProblems } from '../helpers/mail-content';
import { RedisProcess } from '../helpers/redis-process';
import { startWorker } from '../helpers/worker';

type Fixture = { insats: string; period: string; answers: Record<string, unknown> };
const allFixtures: Fixture[] = readdirSync(join(FIXTURES, 'submissions'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, 'submissions', f), 'utf8')));
// Hammarö's HELAR-2025 is kept for the return-and-fix journey below; every other fixture goes straight through.
const hammaro = allFixtures.find((x) => x.insats === 'forb-hammaro' && x.period === 'HELAR-2025');
const fixtures = allFixtures.filter((x) => x !== hammaro);

const S = 'id status version period validationErrors { path message } contentHash waitingFor';
const START = `mutation($i: ID!, $p: String!){ startSubmission(insatsId: $i, period: $p){ ${S} } }`;
const SAVE = `mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ ${S} answers } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!){ submitSubmission(id: $id, version: $v){ ${S} } }`;
const APPROVE = `mutation($id: ID!, $c: String){ approveSubmission(id: $id, comment: $c){ ${S} } }`;
const RETURN = `mutation($id: ID!, $c: String!){ returnSubmission(id: $id, comment: $c){ ${S} } }`;
type Sub = {
  id: string;
  status: string;
  version: number;
  validationErrors: Array<{ path: string; message: string }>;
  contentHash: string | null;
  waitingFor: string | null;
};

describe('follow-ups: drafts, the approval chain, audit trail, e-mail', () => {
  const mail = new MailCatcher();
  const redis = new RedisProcess(63000 + Math.floor(Math.random() * 900));
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  const tokens: Record<string, string> = {};
  const insatsId: Record<string, string> = {};

  const tok = async (email: string) => (tokens[email] ??= await api.login(email));
  const ownerOf = (insats: string) => tok(`projektagare.${insats}@flodet.example`);
  const sg1 = (insats: string) => tok(`styrgrupp1.${insats}@flodet.example`);
  const sg2 = (insats: string) => tok(`styrgrupp2.${insats}@flodet.example`);
  const chef = () => tok('forbundschef@flodet.example');

  async function draft(insats: string, period: string, answers: Record<string, unknown>): Promise<Sub> {
    const owner = await ownerOf(insats);
    const started = (await api.ok<{ startSubmission: Sub }>(START, { i: insatsId[insats], p: period }, owner))
      .startSubmission;
    return (
      await api.ok<{ saveSubmission: Sub }>(SAVE, { id: started.id, v: started.version, a: answers }, owner)
    ).saveSubmission;
  }

  beforeAll(async () => {
    await mail.start();
    await redis.start();
    process.env.SMTP_URL = mail.url;
    process.env.REDIS_URL = redis.url;
    api = await TestApi.start();
    worker = await startWorker();
    await importBundle(api, tenantBundle('flodet', 'Samordningsförbundet Flödet'));
    await importBundle(api, otherBundle());
    org = await orgId(api, 'flodet');
    await insatserRunOn(api, org);
    for (const r of await api.ds.query('SELECT id, key FROM insats WHERE organisation_id = $1', [org]))
      insatsId[r.key] = r.id;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis.stop();
    await mail.stop();
  });

  it('carries every fixture follow-up from draft to approved with the right people, refusing the wrong ones', async () => {
    for (const f of fixtures) {
      const d = await draft(f.insats, f.period, f.answers);
      expect([f.insats, f.period, d.status, d.validationErrors]).toEqual([f.insats, f.period, 'DRAFT', []]);
      // wrong people before submit
      expect(codes(await api.gql(SUBMIT, { id: d.id, v: d.version }, await sg1(f.insats)))).toEqual([
        'FORBIDDEN',
      ]);
      const submitted = (
        await api.ok<{ submitSubmission: Sub }>(SUBMIT, { id: d.id, v: d.version }, await ownerOf(f.insats))
      ).submitSubmission;
      expect([submitted.status, submitted.waitingFor]).toEqual(['SUBMITTED', 'STYRGRUPP']);
      // the förbundschef may not skip the styrgrupp, the owner may not approve, another insats' styrgrupp may not
      expect(codes(await api.gql(APPROVE, { id: d.id }, await chef()))).toEqual(['FORBIDDEN']);
      expect(codes(await api.gql(APPROVE, { id: d.id }, await ownerOf(f.insats)))).toEqual(['FORBIDDEN']);
      const other = f.insats === 'tris' ? 'stegen' : 'tris';
      expect(codes(await api.gql(APPROVE, { id: d.id }, await sg1(other)))).toEqual(['FORBIDDEN']);
      const sg = (await api.ok<{ approveSubmission: Sub }>(APPROVE, { id: d.id }, await sg1(f.insats)))
        .approveSubmission;
      expect([sg.status, sg.waitingFor]).toEqual(['STYRGRUPP_APPROVED', 'FORBUNDSCHEF']);
      // the other styrgrupp member comes too late: the step is decided
      expect(codes(await api.gql(APPROVE, { id: d.id }, await sg2(f.insats)))).toEqual([
        'INVALID_TRANSITION',
      ]);
      expect(codes(await api.gql(APPROVE, { id: d.id }, await ownerOf(f.insats)))).toEqual(['FORBIDDEN']);
      const done = (
        await api.ok<{ approveSubmission: Sub }>(APPROVE, { id: d.id, c: 'Godkänd.' }, await chef())
      ).approveSubmission;
      expect(done.status).toBe('APPROVED');
      expect(done.contentHash).toMatch(/^[0-9a-f]{64}$/);
      // approved is locked
      expect(
        codes(await api.gql(SAVE, { id: d.id, v: done.version, a: f.answers }, await ownerOf(f.insats))),
      ).toEqual(['INVALID_TRANSITION']);
    }
    const [{ n }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM submission WHERE organisation_id = $1 AND status = 'APPROVED'",
      [org],
    );
    expect(n).toBe(fixtures.length);
  });

  it('mails the styrgrupp when submitted and the förbundschef when the styrgrupp approved', async () => {
    const mails = await mail.waitFor(
      (m) =>
        m.filter((x) => x.subject.startsWith('Uppföljning att granska: Stegen Kristinehamn, Helår 2025'))
          .length >= 3,
    );
    const review = mails.filter(
      (x) => x.subject === 'Uppföljning att granska: Stegen Kristinehamn, Helår 2025',
    );
    expect(review.map((m) => m.to[0]).sort()).toEqual([
      'forbundschef@flodet.example',
      'styrgrupp1.stegen@flodet.example',
      'styrgrupp2.stegen@flodet.example',
    ]);
  });

  it('returns with a required comment, and the fixed follow-up is submitted again', async () => {
    const f = hammaro ?? {
      insats: 'forb-hammaro',
      period: 'HELAR-2025',
      answers: { ...fixtures.find((x) => x.insats === 'forb-karlstad')!.answers },
    };
    const answers = JSON.parse(JSON.stringify(f.answers));
    answers.resultat = [{ matpunkt: 'personer', utfall: '12', bedomning: 'UPPFYLLT', kommentar: '' }];
    answers.ekonomi = { beviljat: '215000.00', utfall: '215000.00', kommentar: '' };
    const d = await draft('forb-hammaro', 'HELAR-2025', answers);
    expect(d.validationErrors).toEqual([]);
    const owner = await ownerOf('forb-hammaro');
    await api.ok(SUBMIT, { id: d.id, v: d.version }, owner);
    expect(codes(await api.gql(RETURN, { id: d.id, c: '   ' }, await sg1('forb-hammaro')))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const ret = (
      await api.ok<{ returnSubmission: Sub }>(
        RETURN,
        { id: d.id, c: 'Komplettera verksamhetsbeskrivningen.' },
        await sg1('forb-hammaro'),
      )
    ).returnSubmission;
    expect([ret.status, ret.waitingFor]).toEqual(['RETURNED', 'PROJEKTAGARE']);
    const returnedMail = await mail.waitFor((m) =>
      m.some((x) => x.subject.startsWith('Uppföljningen har skickats tillbaka: Förberedande insats Hammarö')),
    );
    expect(returnedMail.find((x) => x.subject.startsWith('Uppföljningen har skickats tillbaka'))?.to).toEqual(
      ['projektagare.forb-hammaro@flodet.example'],
    );
    const fixed = (
      await api.ok<{ saveSubmission: Sub }>(
        SAVE,
        {
          id: d.id,
          v: ret.version,
          a: {
            ...answers,
            verksamhet: 'Uppstart av förberedande insats med kartläggning och individuella planer.',
          },
        },
        owner,
      )
    ).saveSubmission;
    const again = (await api.ok<{ submitSubmission: Sub }>(SUBMIT, { id: d.id, v: fixed.version }, owner))
      .submitSubmission;
    expect(again.status).toBe('SUBMITTED');
    const history = await api.ok<{
      submission: {
        history: Array<{ action: string; fromState: string | null; toState: string | null }>;
        comments: Array<{ body: string }>;
      };
    }>(
      'query($id: ID!){ submission(id: $id){ history { action fromState toState } comments { body } } }',
      { id: d.id },
      owner,
    );
    expect(history.submission.history.map((h) => h.action)).toEqual([
      'submission.started',
      'submission.saved',
      'submission.submitted',
      'submission.returned',
      'submission.saved',
      'submission.submitted',
    ]);
    expect(history.submission.comments.map((c) => c.body)).toEqual(['Komplettera verksamhetsbeskrivningen.']);
  });

  describe('workflow integrity (issue 11, item 8)', () => {
    const APPROVE_SEEN = `mutation($id: ID!, $v: Int, $ack: Boolean){ approveSubmission(id: $id, version: $v, acknowledgeOpenComments: $ack){ ${S} } }`;
    const COMMENT = 'mutation($id: ID!, $b: String!){ addComment(submissionId: $id, body: $b) }';
    const submitted = async (period: string): Promise<Sub> => {
      const f = fixtures.find((x) => x.insats === 'tris' && x.period === 'HELAR-2025')!;
      const d = await draft('tris', period, {
        ...f.answers,
        resultat: [],
        ekonomi: { beviljat: '3823000.00', utfall: '3800000.00', kommentar: '' },
      });
      return (
        await api.ok<{ submitSubmission: Sub }>(SUBMIT, { id: d.id, v: d.version }, await ownerOf('tris'))
      ).submitSubmission;
    };
    const audits = async (id: string) =>
      (
        await api.ds.query(
          "SELECT action FROM audit_entry WHERE entity_type = 'submission' AND entity_id = $1 ORDER BY seq, insert_order",
          [id],
        )
      ).map((r: { action: string }) => r.action);

    it('refuses an approval of a version the approver did not see, changing nothing', async () => {
      const s = await submitted('HELAR-2027');
      const before = await audits(s.id);
      const stale = await api.gql(APPROVE_SEEN, { id: s.id, v: s.version - 1 }, await sg1('tris'));
      expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
      const [row] = await api.ds.query('SELECT status, version FROM submission WHERE id = $1', [s.id]);
      expect(row).toEqual({ status: 'SUBMITTED', version: s.version });
      expect(await audits(s.id)).toEqual(before);
      const ok = await api.ok<{ approveSubmission: Sub }>(
        APPROVE_SEEN,
        { id: s.id, v: s.version },
        await sg1('tris'),
      );
      expect(ok.approveSubmission.status).toBe('STYRGRUPP_APPROVED');
    });

    it('asks for an acknowledgement of open comments, naming how many, before approving', async () => {
      const s = await submitted('HELAR-2029');
      await api.ok(COMMENT, { id: s.id, b: 'Stämmer siffran?' }, await sg2('tris'));
      await api.ok(COMMENT, { id: s.id, b: 'Och den här?' }, await sg2('tris'));
      const refused = await api.gql(APPROVE_SEEN, { id: s.id, v: s.version }, await sg1('tris'));
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors?.[0]?.message).toContain('2 olösta kommentarer');
      const [row] = await api.ds.query('SELECT status, version FROM submission WHERE id = $1', [s.id]);
      expect(row).toEqual({ status: 'SUBMITTED', version: s.version });
      const ok = await api.ok<{ approveSubmission: Sub }>(
        APPROVE_SEEN,
        { id: s.id, v: s.version, ack: true },
        await sg1('tris'),
      );
      expect(ok.approveSubmission.status).toBe('STYRGRUPP_APPROVED');
    });

    it('refuses one person approving two steps of the same submission', async () => {
      const [chefPerson] = await api.ds.query(
        "SELECT id FROM person WHERE email = 'forbundschef@flodet.example'",
      );
      await api.ds.query(
        "INSERT INTO role_assignment (person_id, organisation_id, role, insats_id) VALUES ($1, $2, 'STYRGRUPP', $3)",
        [chefPerson.id, org, insatsId['tris']],
      );
      try {
        const both = await api.login('forbundschef@flodet.example');
        const s = await submitted('HELAR-2028');
        const sg = await api.ok<{ approveSubmission: Sub }>(APPROVE_SEEN, { id: s.id, v: s.version }, both);
        expect(sg.approveSubmission.status).toBe('STYRGRUPP_APPROVED');
        const again = await api.gql(APPROVE_SEEN, { id: s.id, v: sg.approveSubmission.version }, both);
        expect(codes(again)).toEqual(['FORBIDDEN']);
        expect(again.errors?.[0]?.message).toContain('samma person kan inte godkänna två steg');
        const [row] = await api.ds.query('SELECT status FROM submission WHERE id = $1', [s.id]);
        expect(row.status).toBe('STYRGRUPP_APPROVED');
      } finally {
        await api.ds.query(
          "DELETE FROM role_assignment WHERE person_id = $1 AND role = 'STYRGRUPP' AND insats_id = $2",
          [chefPerson.id, insatsId['tris']],
        );
      }
    });
  });

  it('lets exactly one of 50 concurrent approvals of one step win, with one audit entry', async () => {
    const f = fixtures.find((x) => x.insats === 'tris' && x.period === 'HELAR-2025')!;
    // a fresh submission of the same insats needs another period
    const d = await draft('tris', 'HELAR-2026', {
      ...f.answers,
      resultat: [],
      ekonomi: { beviljat: '3823000.00', utfall: '3800000.00', kommentar: '' },
    });
    await api.ok(SUBMIT, { id: d.id, v: d.version }, await ownerOf('tris'));
    const approvers = [await sg1('tris'), await sg2('tris')];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.gql<{ approveSubmission: Sub }>(APPROVE, { id: d.id }, approvers[i % 2]),
      ),
    );
    const wins = results.filter((r) => !r.errors);
    expect(wins).toHaveLength(1);
    for (const r of results.filter((x) => x.errors))
      expect(['INVALID_TRANSITION', 'VERSION_CONFLICT']).toContain(codes(r)[0]);
    const [{ n }] = await api.ds.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1 AND action = 'submission.approved'",
      [d.id],
    );
    expect(n).toBe(1);
    const [s] = await api.ds.query('SELECT status FROM submission WHERE id = $1', [d.id]);
    expect(s.status).toBe('STYRGRUPP_APPROVED');
  });

  it('refuses the second of two editors saving from the same version, merging nothing', async () => {
    const d = await draft('stegen', 'DELAR-2026', { verksamhet: 'Första versionen.' });
    const owner = await ownerOf('stegen');
    const [a, b] = await Promise.all([
      api.gql<{ saveSubmission: Sub }>(
        SAVE,
        { id: d.id, v: d.version, a: { verksamhet: 'Redaktör A skrev detta.' } },
        owner,
      ),
      api.gql<{ saveSubmission: Sub }>(
        SAVE,
        { id: d.id, v: d.version, a: { verksamhet: 'Redaktör B skrev något annat.', jamstalldhet: 'B' } },
        owner,
      ),
    ]);
    const winner = a.errors ? b : a;
    const loser = a.errors ? a : b;
    expect(winner.errors).toBeUndefined();
    expect(codes(loser)).toEqual(['VERSION_CONFLICT']);
    expect(loser.errors![0].extensions!.currentVersion).toBe(d.version + 1);
    const [row] = await api.ds.query('SELECT answers, version FROM submission WHERE id = $1', [d.id]);
    expect(row.version).toBe(d.version + 1);
    expect(row.answers).toEqual((winner.data!.saveSubmission as unknown as { answers: unknown }).answers);
  });

  it('names the path of invalid answers on every read, and refuses to submit them', async () => {
    const f = fixtures.find((x) => x.insats === 'larvux')!;
    const bad = JSON.parse(JSON.stringify(f.answers));
    bad.deltagare.inskrivna_kvinnor = 'tolv';
    bad.indikatorer.nojda_andel = '1.5';
    bad.resultat[0].bedomning = null;
    bad.deltagare.avslutade_till_arbete_studier = bad.deltagare.avslutade + 1;
    const d = await draft('larvux', 'DELAR-2026', bad);
    expect(d.validationErrors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        '$.deltagare.inskrivna_kvinnor',
        '$.indikatorer.nojda_andel',
        '$.resultat[0].bedomning',
        '$.deltagare.avslutade_till_arbete_studier',
      ]),
    );
    const r = await api.gql(SUBMIT, { id: d.id, v: d.version }, await ownerOf('larvux'));
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect((r.errors![0].extensions!.details as Array<{ path: string }>).map((x) => x.path)).toContain(
      '$.indikatorer.nojda_andel',
    );
    const read = await api.ok<{ submission: Sub }>(
      `query($id: ID!){ submission(id: $id){ ${S} } }`,
      { id: d.id },
      await chef(),
    );
    expect(read.submission.validationErrors).toEqual(d.validationErrors);
  });

  it('keeps other förbund out', async () => {
    const [s] = await api.ds.query('SELECT id FROM submission WHERE organisation_id = $1 LIMIT 1', [org]);
    const neighbour = await api.login('forbundschef@grannen.example');
    for (const [q, v] of [
      [`query($id: ID!){ submission(id: $id){ id } }`, { id: s.id }],
      [APPROVE, { id: s.id }],
      [RETURN, { id: s.id, c: 'x' }],
      ['mutation($id: ID!){ addComment(submissionId: $id, body: "hej") }', { id: s.id }],
      [START, { i: insatsId.stegen, p: 'HELAR-2027' }],
    ] as const) {
      // as for an unknown id (no existence leak)
      expect([q, codes(await api.gql(q, v, neighbour))]).toEqual([q, ['NOT_FOUND']]);
    }
    const inbox = await api.ok<{ inbox: Sub[] }>(`{ inbox { ${S} } }`, {}, neighbour);
    expect(inbox.inbox).toEqual([]);
  });

  it('still accepts a submission while Redis is down, and mails exactly once when it returns', async () => {
    const d = await draft('stegen', 'HELAR-2026', { verksamhet: 'x' });
    const full = JSON.parse(
      JSON.stringify(fixtures.find((x) => x.insats === 'stegen' && x.period === 'HELAR-2025')!.answers),
    );
    full.resultat = [];
    full.ekonomi = { beviljat: '2579000.00', utfall: '2579000.00', kommentar: '' };
    const owner = await ownerOf('stegen');
    const saved = (await api.ok<{ saveSubmission: Sub }>(SAVE, { id: d.id, v: d.version, a: full }, owner))
      .saveSubmission;
    await redis.stop();
    const submitted = await api.gql<{ submitSubmission: Sub }>(SUBMIT, { id: d.id, v: saved.version }, owner);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitSubmission.status).toBe('SUBMITTED');
    const subject = 'Uppföljning att granska: Stegen Kristinehamn, Helår 2026';
    const [pending] = await api.ds.query(
      "SELECT count(*)::int AS n FROM outbox WHERE payload->>'subject' = $1",
      [subject],
    );
    expect(pending.n).toBe(2);
    // The instance stays in rotation while Redis is away: ready (degraded), and alive.
    const ready = await request(api.url).get('/health/ready');
    expect([ready.status, ready.body]).toEqual([200, { status: 'degraded', postgres: 'up', redis: 'down' }]);
    expect((await request(api.url).get('/health/live')).status).toBe(200);
    await redis.start();
    const mails = await mail.waitFor((m) => m.filter((x) => x.subject === subject).length >= 2);
    // let the relay and worker run a while longer: a duplicate would show up now
    await new Promise((r) => setTimeout(r, 1500));
    const got = mails
      .filter((x) => x.subject === subject)
      .map((x) => x.to[0])
      .sort();
    expect(got).toEqual(['styrgrupp1.stegen@flodet.example', 'styrgrupp2.stegen@flodet.example']);
  });

  it('keeps the audit trail verifiable, and names the entry a superuser altered', async () => {
    const chefToken = await chef();
    const verify =
      'query($o: ID!){ verifyAuditTrail(organisationId: $o){ valid entries firstInvalidEntryId } }';
    const ok = await api.ok<{ verifyAuditTrail: { valid: boolean; entries: number } }>(
      verify,
      { o: org },
      chefToken,
    );
    expect(ok.verifyAuditTrail.valid).toBe(true);
    expect(ok.verifyAuditTrail.entries).toBeGreaterThan(50);
    // the application cannot change the trail: its role has no UPDATE on it (audit-roles.e2e-spec.ts),
    // and even the schema owner hits the append-only trigger
    await expect(
      api.ds.query("UPDATE audit_entry SET action = 'x' WHERE organisation_id = $1", [org]),
    ).rejects.toThrow(/permission denied for table audit_entry/);
    const owner = new Client({
      connectionString: process.env.TEST_DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL,
    });
    await owner.connect();
    await expect(
      owner.query("UPDATE audit_entry SET action = 'x' WHERE organisation_id = $1", [org]),
    ).rejects.toThrow(/append-only/);
    await owner.end();
    const su = new Client({ connectionString: process.env.DATABASE_SUPERUSER_URL });
    await su.connect();
    const [victim] = (
      await su.query(
        "SELECT id, payload FROM audit_entry WHERE organisation_id = $1 AND action = 'submission.approved' ORDER BY seq, insert_order LIMIT 1",
        [org],
      )
    ).rows;
    try {
      await su.query('SET session_replication_role = replica');
      await su.query(
        `UPDATE audit_entry SET payload = payload || '{"comment":"ändrad i efterhand"}'::jsonb WHERE id = $1`,
        [victim.id],
      );
      const broken = await api.ok<{ verifyAuditTrail: { valid: boolean; firstInvalidEntryId: string } }>(
        verify,
        { o: org },
        chefToken,
      );
      expect(broken.verifyAuditTrail).toEqual(
        expect.objectContaining({ valid: false, firstInvalidEntryId: victim.id }),
      );
    } finally {
      await su.query('UPDATE audit_entry SET payload = $2 WHERE id = $1', [
        victim.id,
        JSON.stringify(victim.payload),
      ]);
      await su.end();
    }
    expect(
      (await api.ok<{ verifyAuditTrail: { valid: boolean } }>(verify, { o: org }, chefToken)).verifyAuditTrail
        .valid,
    ).toBe(true);
  });

  it('sends only mail people can act on: Swedish words, the förbund, a link to the page, text and HTML', async () => {
    // A deadline reminder, as the scheduler's delayed job runs it.
    const d = await draft('stegen', 'DELAR-2026', { verksamhet: 'x' });
    await enqueueJob(
      api.ds.manager,
      JobName.SUBMISSION_REMINDER,
      { submissionId: d.id, daysBefore: 7, deadline: '2026-09-15' },
      { organisationId: org },
    );
    const kinds = [
      'Uppföljning att granska: ',
      'Uppföljningen har skickats tillbaka: ',
      'Uppföljningen är godkänd: ',
      'Påminnelse: uppföljningen för Stegen Kristinehamn ska lämnas om 7 dagar',
    ];
    const mails = await mail.waitFor((m) => kinds.every((k) => m.some((x) => x.subject.startsWith(k))));
    for (const k of kinds) expect([k, mails.some((x) => x.subject.startsWith(k))]).toEqual([k, true]);
    // this förbund's mail (the worker also delivers what other test files' förbund left in the outbox)
    const ours = mails.filter((x) => x.to.every((t) => t.endsWith('@flodet.example')));
    expect(ours.length).toBeGreaterThan(10);
    for (const m of ours)
      expect({ subject: m.subject, problems: mailProblems(m, 'Samordningsförbundet Flödet') }).toEqual({
        subject: m.subject,
        problems: [],
      });
    const reminder = mails.find((x) => x.subject.startsWith(kinds[3]))!;
    expect(reminder.to).toEqual(['projektagare.stegen@flodet.example']);
    expect(reminder.text).toContain('Stegen Kristinehamn, Delår 2026');
    expect(reminder.text).toContain('senast 15 september 2026');
    expect(reminder.text).toContain(`/uppfoljningar/${d.id}`);
    expect(reminder.html).toContain(`/uppfoljningar/${d.id}"`);
    // The reviewer's comment reaches the projektägare in both parts.
    const returned = mails.find((x) => x.subject.startsWith(kinds[1]))!;
    expect(returned.text).toContain('Komplettera verksamhetsbeskrivningen.');
    expect(returned.html).toContain('Komplettera verksamhetsbeskrivningen.');
  });
});
