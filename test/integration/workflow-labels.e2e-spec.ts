import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, FIXTURES, importBundle, tenantBundle, TestApi } from '../helpers/api';

/**
 * A workflow step's status names its own role: in a förbund whose first step is the beredningsgrupp, a
 * follow-up it approved reads "Godkänd av beredningsgruppen", never the default "Godkänd av styrgruppen".
 */
describe('workflow: a status in words names the step it passed', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('says "Godkänd av beredningsgruppen" after a beredningsgrupp step', async () => {
    const b = tenantBundle('beredningen', 'Samordningsförbundet Beredningen');
    b.workflow = {
      steps: [
        { role: 'BEREDNINGSGRUPP', quorum: 1 },
        { role: 'FORBUNDSCHEF', quorum: 1 },
      ],
    };
    b.people.push({
      name: 'Bea Beredning',
      email: 'beredning@beredningen.example',
      roles: [{ role: 'BEREDNINGSGRUPP' }],
      password: DEMO_PASSWORD,
    });
    const org = (await importBundle(api, b)).id;
    const [{ id: insatsId }] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'tris'",
      [org],
    );
    const owner = await api.login('projektagare.tris@beredningen.example');
    const answers = JSON.parse(
      readFileSync(join(FIXTURES, 'submissions', 'tris-helar-2025.json'), 'utf8'),
    ).answers;
    const S = 'id version status statusLabel waitingFor';
    const s = (
      await api.ok<{ startSubmission: { id: string; version: number; statusLabel: string } }>(
        `mutation($i: ID!){ startSubmission(insatsId: $i, period: "HELAR-2025"){ ${S} } }`,
        { i: insatsId },
        owner,
      )
    ).startSubmission;
    expect(s.statusLabel).toBe('Utkast');
    const saved = (
      await api.ok<{ saveSubmission: { version: number } }>(
        `mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ ${S} } }`,
        { id: s.id, v: s.version, a: answers },
        owner,
      )
    ).saveSubmission;
    await api.ok(
      `mutation($id: ID!, $v: Int!){ submitSubmission(id: $id, version: $v){ ${S} } }`,
      {
        id: s.id,
        v: saved.version,
      },
      owner,
    );
    const approved = (
      await api.ok<{ approveSubmission: { status: string; statusLabel: string; waitingFor: string } }>(
        `mutation($id: ID!){ approveSubmission(id: $id){ ${S} } }`,
        { id: s.id },
        await api.login('beredning@beredningen.example'),
      )
    ).approveSubmission;
    expect(approved).toMatchObject({
      status: 'STYRGRUPP_APPROVED',
      statusLabel: 'Godkänd av beredningsgruppen',
      waitingFor: 'FORBUNDSCHEF',
    });
  });
});
