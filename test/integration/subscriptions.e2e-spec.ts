import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';
import { codes, importBundle, orgId, tenantBundle, TestApi } from '../helpers/api';

/** Live collaboration over graphql-ws at /graphql, authorised like queries. */
describe('subscriptions', () => {
  let api: TestApi;
  let owner: string;
  let insatsId: string;
  const clients: Client[] = [];

  const client = (token?: string) => {
    const c = createClient({
      url: api.url.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    await importBundle(api, tenantBundle('direkt', 'Samordningsförbundet Direkt'));
    const org = await orgId(api, 'direkt');
    [{ id: insatsId }] = await api.ds.query(
      "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
      [org],
    );
    owner = await api.login('projektagare.stegen@direkt.example');
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await api.close();
  });

  it('pushes a submission to a subscriber when someone saves it', async () => {
    const s = (
      await api.ok<{ startSubmission: { id: string; version: number } }>(
        'mutation($i: ID!){ startSubmission(insatsId: $i, period: "HELAR-2031"){ id version } }',
        { i: insatsId },
        owner,
      )
    ).startSubmission;
    const reviewer = await api.login('styrgrupp1.stegen@direkt.example');
    const received: Array<{ version: number; answers: { verksamhet?: string } }> = [];
    const subscribed = new Promise<void>((resolve, reject) => {
      const it = client(reviewer).iterate<{
        submissionChanged: { version: number; answers: { verksamhet?: string } };
      }>({
        query: `subscription($id: ID!){ submissionChanged(id: $id){ version answers } }`,
        variables: { id: s.id },
      });
      (async () => {
        for await (const msg of it) {
          if (msg.errors) return reject(new Error(JSON.stringify(msg.errors)));
          received.push(msg.data!.submissionChanged);
          return resolve();
        }
      })().catch(reject);
    });
    // give the subscription a moment to be registered, then save until the event arrives
    let version = s.version;
    for (let i = 0; i < 50 && !received.length; i++) {
      const r = await api.ok<{ saveSubmission: { version: number } }>(
        'mutation($id: ID!, $v: Int!, $a: JSON!){ saveSubmission(id: $id, version: $v, answers: $a){ version } }',
        { id: s.id, v: version, a: { verksamhet: `Version ${i}` } },
        owner,
      );
      version = r.saveSubmission.version;
      await Promise.race([subscribed, new Promise((res) => setTimeout(res, 100))]);
    }
    await subscribed;
    expect(received[0].answers.verksamhet).toMatch(/^Version \d+$/);
    expect(received[0].version).toBeGreaterThan(s.version);
  });

  it('refuses a subscriber without a token, and one from another förbund', async () => {
    const [{ id }] = await api.ds.query("SELECT id FROM submission WHERE period = 'HELAR-2031' LIMIT 1");
    const neighbour = await (async () => {
      await importBundle(api, tenantBundle('grannforbundet', 'Samordningsförbundet Grannen', 'grannen'));
      return api.login('forbundschef@grannen.example');
    })();
    for (const token of [undefined, neighbour]) {
      const errors = await new Promise<Array<{ extensions?: { code?: string } }>>((resolve) => {
        const it = client(token).iterate({
          query: `subscription($id: ID!){ submissionChanged(id: $id){ version } }`,
          variables: { id },
        });
        (async () => {
          try {
            for await (const msg of it) return resolve((msg.errors ?? []) as never);
          } catch (e) {
            resolve(Array.isArray(e) ? e : [{ extensions: { code: String((e as Error).message) } }]);
          }
        })();
      });
      expect(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']).toContain(codes({ errors: errors as never })[0]);
    }
  });
});
