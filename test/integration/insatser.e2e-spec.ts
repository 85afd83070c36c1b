import { INestApplicationContext } from '@nestjs/common';
import { periodsDueNow } from '@app/domain';
import { codes, GqlResult, importBundle, seedFixture, tenantBundle, TestApi } from '../helpers/api';
import { startWorker } from '../helpers/worker';

/**
 * Issue 18, item 1 (insatser): the kansli registers, edits, ends and deletes the förbund's insatser itself, with
 * the bundle's rules, an audit entry per change and a version guard; an insats decided during the year is owed
 * from the next follow-up period on and is part of the compiled report.
 */

const SLUG = 'insreg';
const INSATS_FIELDS =
  'id key name type ownerParty costCentre start end version decidedOn decisionBody decisionText budgets { year amount } matpunkter { key year text metric op target } team { personId name role }';
const CREATE = `mutation($o: ID!, $i: InsatsInput!){ createInsats(organisationId: $o, insats: $i){ ${INSATS_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: InsatsInput!){ updateInsats(id: $id, version: $v, insats: $i){ ${INSATS_FIELDS} } }`;
const DELETE = 'mutation($id: ID!, $v: Int!){ deleteInsats(id: $id, version: $v) }';
const HISTORY =
  'query($o: ID!, $id: String!){ auditTrail(organisationId: $o, entityType: "insats", entityId: $id){ action actorName payload documentHash } }';
const REPORT_FIELDS =
  'id status pdfFileId checks { id status message } followUpCoverage { insatsKey insatsName period state }';

interface Insats {
  id: string;
  key: string;
  name: string;
  start: string;
  end: string | null;
  version: number;
  decidedOn: string | null;
  decisionBody: string | null;
  decisionText: string | null;
  budgets: Array<{ year: number; amount: string }>;
  matpunkter: Array<{
    key: string;
    year: number;
    text: string;
    metric: string | null;
    op: string | null;
    target: string | null;
  }>;
  team: Array<{ personId: string; name: string; role: string }>;
}

type Detail = { path: string; message: string };
const details = (r: GqlResult) => (r.errors?.[0]?.extensions?.details ?? []) as Detail[];

describe('the kansli keeps the förbund’s insatser (issue 18)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let kansli: string;
  let chef: string;
  let owner: string;
  let ownerId: string;
  let styrgruppId: string;
  let bron: Insats;

  /** Bron: decided by the board on 20 May 2025, running from 1 July with no end decided yet. */
  const bronInput = () => ({
    key: 'bron',
    name: 'Bron till arbete',
    type: 'INDIVID',
    ownerParty: 'KARLSTAD',
    costCentre: '803',
    start: '2025-07-01',
    decision: {
      date: '2025-05-20',
      body: 'Styrelsen',
      text: '§ 14 Styrelsen beviljar Bron till arbete 300 000 kr för 2025.',
    },
    budgets: [
      { year: 2025, amount: '300000.00' },
      { year: 2026, amount: '600000' },
    ],
    matpunkter: [
      {
        key: 'deltagare',
        year: 2025,
        text: 'Minst 15 deltagare inskrivna',
        metric: 'inskrivna_totalt',
        op: '>=',
        target: '15',
      },
      {
        key: 'mer_redo',
        year: 2025,
        text: 'Deltagarna känner sig mer redo (NNS indikator 7)',
        metric: 'nns:7:DELTAGARE_AVSLUT:6',
      },
    ],
    styrgrupp: [styrgruppId],
    projektagare: [ownerId],
  });

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    org = await seedFixture(api, tenantBundle(SLUG, 'Samordningsförbundet Insatsregistret'));
    kansli = await api.login(`kansli@${SLUG}.example`);
    chef = await api.login(`forbundschef@${SLUG}.example`);
    owner = await api.login(`projektagare.tris@${SLUG}.example`);
    [{ id: ownerId }] = await api.ds.query('SELECT id FROM person WHERE email = $1', [
      `projektagare.tris@${SLUG}.example`,
    ]);
    [{ id: styrgruppId }] = await api.ds.query('SELECT id FROM person WHERE email = $1', [
      `styrgrupp1.tris@${SLUG}.example`,
    ]);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('registers an insats with its decision, budget per year, mätpunkter, styrgrupp and projektägare', async () => {
    bron = (await api.ok<{ createInsats: Insats }>(CREATE, { o: org, i: bronInput() }, kansli)).createInsats;
    expect(bron).toMatchObject({
      key: 'bron',
      start: '2025-07-01',
      end: null,
      version: 1,
      decidedOn: '2025-05-20',
      decisionBody: 'Styrelsen',
      budgets: [
        { year: 2025, amount: '300000.00' },
        { year: 2026, amount: '600000.00' },
      ],
    });
    expect(bron.matpunkter.map((m) => [m.key, m.metric, m.op, m.target && Number(m.target)])).toEqual([
      ['deltagare', 'inskrivna_totalt', '>=', 15],
      ['mer_redo', 'nns:7:DELTAGARE_AVSLUT:6', null, null],
    ]);
    expect(bron.team.map((t) => [t.personId, t.role]).sort()).toEqual(
      [
        [ownerId, 'PROJEKTAGARE'],
        [styrgruppId, 'STYRGRUPP'],
      ].sort(),
    );
    const history = (
      await api.ok<{ auditTrail: Array<{ action: string; actorName: string; documentHash: string }> }>(
        HISTORY,
        { o: org, id: bron.id },
        kansli,
      )
    ).auditTrail;
    expect(history.map((h) => h.action)).toEqual(['insats.created']);
    expect(history[0].actorName).toContain('(Samordningsförbundet Insatsregistret)');
    expect(history[0].documentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses what the bundle refuses, every field named in Swedish, and a key already taken', async () => {
    const r = await api.gql(
      CREATE,
      {
        o: org,
        i: {
          ...bronInput(),
          key: 'stegen',
          ownerParty: 'OKAND',
          costCentre: '999',
          end: '2025-06-30',
          budgets: [{ year: 2025, amount: 'tolv' }],
          matpunkter: [{ key: 'x', year: 2025, text: 'Minst tio', op: '>=' }],
        },
      },
      kansli,
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].extensions!.reason).toBe('INSATS_INVALID');
    expect(details(r)).toEqual([
      {
        path: '$.insats.budgets[0].amount',
        message: 'Budget rad 1, belopp: ska vara ett belopp som decimaltal i text, t.ex. "1200000.00"',
      },
    ]);
    const refs = await api.gql(
      CREATE,
      {
        o: org,
        i: {
          ...bronInput(),
          key: 'stegen',
          ownerParty: 'OKAND',
          costCentre: '999',
          end: '2025-06-30',
          matpunkter: [{ key: 'x', year: 2025, text: 'Minst tio', op: '>=' }],
        },
      },
      kansli,
    );
    expect(details(refs)).toEqual(
      expect.arrayContaining([
        { path: '$.insats.ownerParty', message: 'Ägande part: okänd part "OKAND"' },
        { path: '$.insats.costCentre', message: 'Kostnadsställe: okänt kostnadsställe "999"' },
        { path: '$.insats.end', message: 'Slutdatum: slutdatum ligger före startdatum' },
        {
          path: '$.insats.matpunkter[0].target',
          message: 'Mätpunkt 1, målvärde: op och target anges tillsammans',
        },
        { path: '$.insats.key', message: 'Nyckel: "stegen" används redan av en annan insats' },
      ]),
    );
    const [{ n }] = await api.ds.query('SELECT count(*)::int AS n FROM insats WHERE organisation_id = $1', [
      org,
    ]);
    expect(n).toBe(8);
  });

  it('lets only the kansli and the förbundschef of the förbund change insatser', async () => {
    for (const token of [
      owner,
      await api.login(`ledamot1@${SLUG}.example`),
      await api.login(`revisor1@${SLUG}.example`),
    ]) {
      expect(codes(await api.gql(CREATE, { o: org, i: { ...bronInput(), key: 'kapad' } }, token))).toEqual([
        'FORBIDDEN',
      ]);
      expect(codes(await api.gql(UPDATE, { id: bron.id, v: 1, i: bronInput() }, token))).toEqual([
        'FORBIDDEN',
      ]);
      expect(codes(await api.gql(DELETE, { id: bron.id, v: 1 }, token))).toEqual(['FORBIDDEN']);
    }
    await importBundle(api, tenantBundle('insreg-granne', 'Samordningsförbundet Grannen'));
    const neighbour = await api.login('kansli@insreg-granne.example');
    expect(codes(await api.gql(UPDATE, { id: bron.id, v: 1, i: bronInput() }, neighbour))).toEqual([
      'NOT_FOUND',
    ]);
    const [{ version }] = await api.ds.query('SELECT version FROM insats WHERE id = $1', [bron.id]);
    expect(version).toBe(1);
  });

  it('an insats decided in May and started in July owes Helår, not Delår, of its first year', async () => {
    const waiting = (
      await api.ok<{ waitingForMe: Array<{ kind: string; title: string; period: string | null }> }>(
        '{ waitingForMe { kind title period } }',
        {},
        owner,
      )
    ).waitingForMe.filter((w) => w.title.startsWith('Bron till arbete'));
    expect(waiting.map((w) => w.period)).toEqual(
      periodsDueNow({ start: '2025-07-01', end: null }, new Date()),
    );
    expect(waiting.map((w) => w.period)).not.toContain('DELAR-2025');
    // and a Delår it does not owe cannot be started either, with the reason in words
    const start = (period: string) =>
      api.gql(
        'mutation($i: ID!, $p: String!){ startSubmission(insatsId: $i, period: $p){ id } }',
        { i: bron.id, p: period },
        owner,
      );
    const refused = await start('DELAR-2025');
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toBe(
      'Bron till arbete pågick inte under Delår 2025 och har ingen uppföljning för den perioden.',
    );
    expect(codes(await start('HELAR-2025'))).toEqual([]);
  });

  it('is part of the compiled annual report: funded by its budget, accounted for in the goal follow-up', async () => {
    const { done } = await api.compileReport<{
      id: string;
      status: string;
      pdfFileId: string;
      checks: Array<{ id: string; status: string; message: string }>;
      followUpCoverage: Array<{ insatsKey: string; insatsName: string; period: string; state: string }>;
    }>(org, 'ARSREDOVISNING', chef, REPORT_FIELDS);
    expect(done.status).toBe('READY');
    expect(done.followUpCoverage.filter((c) => c.insatsKey === 'bron')).toEqual([
      { insatsKey: 'bron', insatsName: 'Bron till arbete', period: 'HELAR-2025', state: 'SAKNAS' },
    ]);
    expect(done.checks.find((c) => c.id === 'uppfoljning_finns_bron')).toMatchObject({ status: 'FAIL' });
    const text = await api.pdfText(done.pdfFileId, chef);
    expect(text).toMatch(/Bron till arbete\s+Uppföljning saknas/);
  });

  it('guards edits by version, records what changed, and ends an insats with an end date', async () => {
    // Two saves from the same version at once: one wins, the other is told to fetch the latest.
    const raced = await Promise.all(
      ['Bron A', 'Bron B'].map((name) =>
        api.gql(UPDATE, { id: bron.id, v: 1, i: { ...bronInput(), name } }, kansli),
      ),
    );
    expect(raced.map((r) => codes(r)).sort()).toEqual([[], ['VERSION_CONFLICT']]);
    const [{ version: raceVersion }] = await api.ds.query('SELECT version FROM insats WHERE id = $1', [
      bron.id,
    ]);
    expect(raceVersion).toBe(2);
    await api.ok(UPDATE, { id: bron.id, v: 2, i: bronInput() }, kansli);
    const renamed = (
      await api.ok<{ updateInsats: Insats }>(
        UPDATE,
        { id: bron.id, v: 3, i: { ...bronInput(), name: 'Bron' } },
        chef,
      )
    ).updateInsats;
    expect(renamed.version).toBe(4);
    const stale = await api.gql(
      UPDATE,
      { id: bron.id, v: 1, i: { ...bronInput(), name: 'Bron igen' } },
      kansli,
    );
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    expect(stale.errors![0].extensions!.currentVersion).toBe(4);
    // The same content again changes nothing: no new version, no audit entry.
    const same = (
      await api.ok<{ updateInsats: Insats }>(
        UPDATE,
        { id: bron.id, v: 4, i: { ...bronInput(), name: 'Bron' } },
        kansli,
      )
    ).updateInsats;
    expect(same.version).toBe(4);
    const ended = (
      await api.ok<{ updateInsats: Insats }>(
        UPDATE,
        { id: bron.id, v: 4, i: { ...bronInput(), name: 'Bron', end: '2026-06-30' } },
        kansli,
      )
    ).updateInsats;
    expect([ended.end, ended.version]).toEqual(['2026-06-30', 5]);
    const history = (
      await api.ok<{ auditTrail: Array<{ action: string; payload: Record<string, unknown> }> }>(
        HISTORY,
        { o: org, id: bron.id },
        kansli,
      )
    ).auditTrail;
    expect(history.map((h) => h.action)).toEqual([
      'insats.created',
      'insats.updated',
      'insats.updated',
      'insats.updated',
      'insats.ended',
    ]);
    expect(history[3].payload.changes).toEqual({ name: { from: 'Bron till arbete', to: 'Bron' } });
    expect(history[4].payload).toMatchObject({
      end: '2026-06-30',
      version: 5,
      changes: { end: { from: null, to: '2026-06-30' } },
    });
    bron = ended;
  });

  it('refuses to delete an insats with follow-ups, or to move its period away from them', async () => {
    await api.ok(
      'mutation($i: ID!){ startSubmission(insatsId: $i, period: "HELAR-2025"){ id } }',
      { i: bron.id },
      owner,
    );
    const refused = await api.gql(DELETE, { id: bron.id, v: bron.version }, kansli);
    expect(codes(refused)).toEqual(['INVALID_TRANSITION']);
    expect(refused.errors![0].extensions!.reason).toBe('INSATS_HAS_FOLLOW_UPS');
    expect(refused.errors![0].message).toBe(
      'Insatsen Bron har uppföljningar (Helår 2025) och kan inte tas bort. Avsluta den i stället genom att ange ett slutdatum.',
    );
    const moved = await api.gql(
      UPDATE,
      { id: bron.id, v: bron.version, i: { ...bronInput(), name: 'Bron', start: '2026-01-01' } },
      kansli,
    );
    expect(details(moved)).toEqual([
      {
        path: '$.insats.start',
        message: 'Startdatum: insatsen har uppföljningar för Helår 2025, som då hamnar utanför perioden',
      },
    ]);
    const [{ n }] = await api.ds.query('SELECT count(*)::int AS n FROM insats WHERE id = $1', [bron.id]);
    expect(n).toBe(1);
  });

  it('deletes one registered by mistake, with its roles, and keeps it in the history', async () => {
    const wrong = (
      await api.ok<{ createInsats: Insats }>(
        CREATE,
        { o: org, i: { ...bronInput(), key: 'fel', name: 'Felregistrerad' } },
        kansli,
      )
    ).createInsats;
    expect(await api.ok(DELETE, { id: wrong.id, v: 1 }, kansli)).toEqual({ deleteInsats: true });
    const [{ n }] = await api.ds.query(
      'SELECT (SELECT count(*) FROM insats WHERE id = $1) + (SELECT count(*) FROM role_assignment WHERE insats_id = $1) AS n',
      [wrong.id],
    );
    expect(Number(n)).toBe(0);
    const history = (
      await api.ok<{ auditTrail: Array<{ action: string; payload: { snapshot: { name: string } } }> }>(
        HISTORY,
        { o: org, id: wrong.id },
        chef,
      )
    ).auditTrail;
    expect(history.map((h) => [h.action, h.payload.snapshot?.name])).toEqual([
      ['insats.created', 'Felregistrerad'],
      ['insats.deleted', 'Felregistrerad'],
    ]);
  });

  it('survives the kansli’s person edits and a bundle export and re-import unchanged', async () => {
    await api.ok(
      'mutation($o: ID!, $p: PersonInput!){ savePerson(organisationId: $o, person: $p){ id } }',
      { o: org, p: { email: `ny@${SLUG}.example`, name: 'Ny Person', roles: [{ role: 'BEREDNINGSGRUPP' }] } },
      kansli,
    );
    const exported = (
      await api.ok<{ exportOrganisationBundle: { insatser: Array<Record<string, unknown>> } }>(
        'query($s: String!){ exportOrganisationBundle(slug: $s) }',
        { s: SLUG },
        kansli,
      )
    ).exportOrganisationBundle;
    expect(exported.insatser.find((x) => x.key === 'bron')).toMatchObject({
      start: '2025-07-01',
      end: '2026-06-30',
      decision: { date: '2025-05-20', body: 'Styrelsen' },
    });
    await importBundle(api, exported);
    const after = (
      await api.ok<{ insats: Insats }>(
        `query($id: ID!){ insats(id: $id){ ${INSATS_FIELDS} } }`,
        { id: bron.id },
        kansli,
      )
    ).insats;
    expect({ ...after, team: [...after.team].sort((a, b) => a.role.localeCompare(b.role)) }).toEqual({
      ...bron,
      team: [...bron.team].sort((a, b) => a.role.localeCompare(b.role)),
    });
  });
  it('saves an insats in the bundle’s shape by its key (CONTRACT.md §4a), keeping its people', async () => {
    const SAVE =
      'mutation($o: ID!, $i: JSON!, $v: Int){ saveInsats(organisationId: $o, insats: $i, version: $v){ insatser { key name version } } }';
    const entry = {
      key: 'bron',
      name: 'Bron (från paketet)',
      type: 'INDIVID',
      ownerParty: 'KARLSTAD',
      costCentre: '803',
      start: '2025-07-01',
      end: '2026-06-30',
      decision: { date: '2025-05-20', body: 'Styrelsen' },
      budgets: [{ year: 2025, amount: '300000' }],
      matpunkter: [],
    };
    expect(codes(await api.gql(SAVE, { o: org, i: entry, v: 1 }, kansli))).toEqual(['VERSION_CONFLICT']);
    const saved = (
      await api.ok<{ saveInsats: { insatser: Array<{ key: string; name: string; version: number }> } }>(
        SAVE,
        { o: org, i: entry },
        kansli,
      )
    ).saveInsats.insatser.find((x) => x.key === 'bron');
    expect(saved).toEqual({ key: 'bron', name: 'Bron (från paketet)', version: bron.version + 1 });
    const after = (
      await api.ok<{ insats: Insats }>(
        `query($id: ID!){ insats(id: $id){ ${INSATS_FIELDS} } }`,
        { id: bron.id },
        kansli,
      )
    ).insats;
    expect(after.team.map((t) => t.personId).sort()).toEqual([ownerId, styrgruppId].sort());
    expect(after.matpunkter).toEqual([]);
    const created = await api.gql(
      SAVE,
      { o: org, i: { ...entry, key: 'ny-fran-paket', end: undefined } },
      chef,
    );
    expect(codes(created)).toEqual([]);
    const refused = await api.gql(SAVE, { o: org, i: { ...entry, key: 'utan-typ', type: 'ANNAN' } }, kansli);
    expect(details(refused)).toEqual([
      { path: '$.insats.type', message: 'Typ: ska vara INDIVID eller STRUKTUR' },
    ]);
  });
});
