import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, seedFixture, tenantBundle, TestApi } from '../helpers/api';

/**
 * Issue 13 item 7: a reviewer sees what changed since the previous submission. The answers are kept at each
 * submission (submission_snapshot, isolated per förbund); the first submission has nothing to compare with.
 */
const SLUG = 'andringar';
const mail = (local: string) => `${local}@${SLUG}.example`;
const CHANGES = `query($id: ID!){ submission(id: $id){ version status changesSinceLastReview { kind since changes { path before after } } } }`;

interface Sub {
  version: number;
  status: string;
  changesSinceLastReview: {
    kind: string;
    since: string;
    changes: Array<{ path: string; before: unknown; after: unknown }>;
  } | null;
}

describe('changes since the last submission', () => {
  let api: TestApi;
  let org: string;
  let owner: string;
  let id: string;
  const answers = {
    ...JSON.parse(readFileSync(join(FIXTURES, 'submissions', 'stegen-helar-2025.json'), 'utf8')).answers,
    bilagor: [],
  };

  beforeAll(async () => {
    api = await TestApi.start();
    org = await seedFixture(api, tenantBundle(SLUG, 'Förbundet Ändringar'), [
      'submissions/stegen-helar-2025.json',
    ]);
    owner = await api.login(mail('projektagare.stegen'));
  });
  afterAll(() => api?.close());

  const read = async (token = owner) =>
    (await api.ok<{ submission: Sub }>(CHANGES, { id }, token)).submission;
  const save = async (a: unknown) => {
    const s = await read();
    await api.ok(
      'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }',
      {
        id,
        v: s.version,
        a,
      },
      owner,
    );
  };
  const submit = async () =>
    api.ok(
      'mutation($id: ID!, $v: Int!){ submitSubmission(id: $id, version: $v){ id } }',
      { id, v: (await read()).version },
      owner,
    );

  it('has nothing to compare at the first submission, and each submission keeps its answers', async () => {
    const [insats] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
      [org],
    );
    const started = await api.ok<{ startSubmission: { id: string } }>(
      'mutation($i: ID!){ startSubmission(insatsId: $i, period: "HELAR-2025"){ id } }',
      { i: insats.id },
      owner,
    );
    id = started.startSubmission.id;
    await save(answers);
    await submit();
    expect((await read()).changesSinceLastReview).toBeNull();
    const rows = await api.ds.query(
      'SELECT organisation_id, answers FROM submission_snapshot WHERE submission_id = $1',
      [id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].organisation_id).toBe(org);
    expect(rows[0].answers.ekonomi.kommentar).toBe(answers.ekonomi.kommentar);
  });

  it('after a return and a change, the reviewer sees exactly what changed, field by field', async () => {
    const styrgrupp = await api.login(mail('styrgrupp1.stegen'));
    await api.ok(
      'mutation($id: ID!){ returnSubmission(id: $id, comment: "Förklara avvikelsen."){ id } }',
      { id },
      styrgrupp,
    );
    await save({ ...answers, ekonomi: { ...answers.ekonomi, kommentar: 'Avvikelsen är förklarad.' } });
    await submit();
    const s = await read(styrgrupp);
    expect(s.status).toBe('SUBMITTED');
    expect(s.changesSinceLastReview!.kind).toBe('SUBMISSION');
    expect(Number.isNaN(Date.parse(s.changesSinceLastReview!.since))).toBe(false);
    expect(s.changesSinceLastReview!.changes).toEqual([
      {
        path: '$.ekonomi.kommentar',
        before: answers.ekonomi.kommentar ?? null,
        after: 'Avvikelsen är förklarad.',
      },
    ]);
  });
});
