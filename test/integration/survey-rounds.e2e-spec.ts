import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codes, importBundle, tenantBundle, TestApi } from '../helpers/api';

const catalogueFile = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'demo', 'nns', 'nns-katalog.json'), 'utf8'),
);

const OPEN = `mutation($o: ID!, $s: String!, $i: ID, $n: Int){ openSurveyCollection(organisationId: $o, year: 2025, survey: $s, insatsId: $i, codes: $n){
  codes collection { id linkId version mode asked answered status } } }`;
const FORM = `query($l: String!){ surveyForm(linkId: $l){ organisationName insatsName surveyLabel open withCode
  questions { number text options { option label } } } }`;
const ANSWER = `mutation($l: String!, $c: String!, $a: JSON!){ answerSurvey(linkId: $l, code: $c, answers: $a) }`;
const LIST = `query($o: ID!){ surveyCollections(organisationId: $o, year: 2025){ id answered asked status } }`;
const ROUND = `query($o: ID!){ surveyRound(organisationId: $o, year: 2025){ source platformAnswers
  collected { survey asked answered } indicators { survey question respondents suppressed } } }`;
const MINE = `query{ mySurveyForms{ collectionId surveyLabel questions { number } } }`;
const ANSWER_IN = `mutation($c: ID!, $a: JSON!){ answerSurveySignedIn(collectionId: $c, answers: $a) }`;
const CLOSE = `mutation($id: ID!, $v: Int!){ closeSurveyCollection(id: $id, version: $v){ status } }`;

interface Opened {
  openSurveyCollection: {
    codes: string[];
    collection: { id: string; linkId: string; version: number; mode: string; asked: number };
  };
}

describe('NNS rounds answered in the platform', () => {
  let api: TestApi;
  let org: string;
  let insats: string;
  let chef: string;
  let otherChef: string;
  let participants: Opened['openSurveyCollection'];

  beforeAll(async () => {
    api = await TestApi.start();
    await api.ok(
      'mutation($c: JSON!){ loadNnsCatalogue(catalogue: $c){ version } }',
      { c: catalogueFile },
      await api.adminToken(),
    );
    org = (await importBundle(api, tenantBundle('omgangen', 'Samordningsförbundet Omgången'))).id;
    await importBundle(api, tenantBundle('grannomgang', 'Samordningsförbundet Grannomgång'));
    [{ id: insats }] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
      [org],
    );
    chef = await api.login('forbundschef@omgangen.example');
    otherChef = await api.login('forbundschef@grannomgang.example');
    participants = (await api.ok<Opened>(OPEN, { o: org, s: 'DELTAGARE_AVSLUT', i: insats, n: 3 }, chef))
      .openSurveyCollection;
  });
  afterAll(() => api.close());

  it('hands out one-time codes for the participants and shows the form on the anonymous link without login', async () => {
    expect(participants.codes).toHaveLength(3);
    expect(participants.collection).toMatchObject({ mode: 'CODES', asked: 3 });
    const form = (
      await api.ok<{
        surveyForm: {
          insatsName: string;
          withCode: boolean;
          questions: Array<{ number: number; options: Array<{ label: string }> }>;
        };
      }>(FORM, { l: participants.collection.linkId })
    ).surveyForm;
    expect(form.insatsName).toBe('Stegen Kristinehamn');
    expect(form.withCode).toBe(true);
    expect(form.questions.map((q) => q.number)).toEqual([2, 6, 7]);
    expect(form.questions[1].options.map((o) => o.label)).toContain('Helt och hållet');
    const [{ n }] = await api.ds.query(
      'SELECT count(*)::int AS n FROM survey_code WHERE code_hash = ANY($1)',
      [participants.codes],
    );
    expect(n).toBe(0);
  });

  it('takes one answer per code, never twice with the same code', async () => {
    const a = [
      { question: 6, option: 'HELT_OCH_HALLET' },
      { question: 7, option: 'DELVIS' },
    ];
    const l = participants.collection.linkId;
    expect(await api.ok(ANSWER, { l, c: participants.codes[0], a })).toEqual({ answerSurvey: true });
    const twice = await api.gql(ANSWER, { l, c: participants.codes[0], a });
    expect(codes(twice)).toEqual(['BAD_USER_INPUT']);
    expect(twice.errors?.[0].message).toMatch(/redan använts/);
    const typed = participants.codes[1].toLowerCase().replace('-', ' ');
    expect(await api.ok(ANSWER, { l, c: typed, a: [{ question: 6, option: 'DELVIS' }] })).toEqual({
      answerSurvey: true,
    });
    const bad = await api.gql(ANSWER, {
      l,
      c: participants.codes[2],
      a: [{ question: 6, option: 'KANSKE' }],
    });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const list = (
      await api.ok<{ surveyCollections: Array<{ answered: number; asked: number }> }>(LIST, { o: org }, chef)
    ).surveyCollections;
    expect(list).toEqual([expect.objectContaining({ answered: 2, asked: 3 })]);
  });

  it('keeps nothing that ties an answer to a person, a code or a device', async () => {
    const cols = await api.ds.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_tally' ORDER BY ordinal_position",
    );
    expect(cols.map((c: { column_name: string }) => c.column_name)).toEqual([
      'collection_id',
      'question',
      'option',
      'count',
    ]);
    const codeCols = await api.ds.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_code' ORDER BY ordinal_position",
    );
    expect(codeCols.map((c: { column_name: string }) => c.column_name)).toEqual([
      'collection_id',
      'code_hash',
      'used',
    ]);
    const audit = await api.ds.query(
      "SELECT actor_id, payload FROM audit_entry WHERE organisation_id = $1 AND action = 'survey.answer_received'",
      [org],
    );
    expect(audit).toEqual([
      { actor_id: null, payload: {} },
      { actor_id: null, payload: {} },
    ]);
    const tallies = await api.ds.query(
      'SELECT question, option, count FROM survey_tally WHERE collection_id = $1 ORDER BY question, option',
      [participants.collection.id],
    );
    expect(tallies).toEqual([
      { question: 6, option: 'DELVIS', count: 1 },
      { question: 6, option: 'HELT_OCH_HALLET', count: 1 },
      { question: 7, option: 'DELVIS', count: 1 },
    ]);
  });

  it("counts the platform's answers in the year, and shows a group of two as too few", async () => {
    const r = (
      await api.ok<{
        surveyRound: {
          source: string;
          platformAnswers: number;
          collected: unknown[];
          indicators: Array<{ survey: string; question: number; respondents: number; suppressed: boolean }>;
        };
      }>(ROUND, { o: org }, chef)
    ).surveyRound;
    expect(r.source).toBe('PLATFORM');
    expect(r.collected).toEqual([{ survey: 'DELTAGARE_AVSLUT', asked: 3, answered: 2 }]);
    expect(r.indicators.find((i) => i.question === 6)).toMatchObject({ respondents: 2, suppressed: true });
  });

  it('lets each board member answer once, signed in, and keeps rounds to their förbund', async () => {
    const board = (await api.ok<Opened>(OPEN, { o: org, s: 'STYRELSE', i: null, n: null }, chef))
      .openSurveyCollection;
    expect(board.codes).toEqual([]);
    expect(board.collection).toMatchObject({ mode: 'SIGNED_IN', asked: 14 });
    const ledamot = await api.login('ledamot1@omgangen.example');
    const mine = (
      await api.ok<{ mySurveyForms: Array<{ collectionId: string; questions: Array<{ number: number }> }> }>(
        MINE,
        {},
        ledamot,
      )
    ).mySurveyForms;
    expect(mine.map((m) => m.collectionId)).toEqual([board.collection.id]);
    const a = [{ question: 1, option: 'TILL_STOR_DEL' }];
    expect(await api.ok(ANSWER_IN, { c: board.collection.id, a }, ledamot)).toEqual({
      answerSurveySignedIn: true,
    });
    expect(codes(await api.gql(ANSWER_IN, { c: board.collection.id, a }, ledamot))).toEqual([
      'INVALID_TRANSITION',
    ]);
    expect((await api.ok<{ mySurveyForms: unknown[] }>(MINE, {}, ledamot)).mySurveyForms).toEqual([]);
    const owner = await api.login('projektagare.stegen@omgangen.example');
    expect(codes(await api.gql(ANSWER_IN, { c: board.collection.id, a }, owner))).toEqual(['NOT_FOUND']);
    expect(codes(await api.gql(LIST, { o: org }, otherChef))).toEqual(['NOT_FOUND']);
    expect(codes(await api.gql(CLOSE, { id: board.collection.id, v: 1 }, otherChef))).toEqual(['NOT_FOUND']);
  });

  it('takes no answers once the round is closed', async () => {
    const c = participants.collection;
    expect(await api.ok(CLOSE, { id: c.id, v: c.version }, chef)).toEqual({
      closeSurveyCollection: { status: 'CLOSED' },
    });
    const late = await api.gql(ANSWER, {
      l: c.linkId,
      c: participants.codes[2],
      a: [{ question: 6, option: 'DELVIS' }],
    });
    expect(codes(late)).toEqual(['INVALID_TRANSITION']);
    expect(late.errors?.[0].message).toMatch(/stängd/);
  });
});
