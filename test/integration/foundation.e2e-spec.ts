import request from 'supertest';
import { codes, IMPORT, importBundle, otherBundle, samspeletBundle, TestApi, ADMIN } from '../helpers/api';
import { deliverInvitation } from '../helpers/invitations';

const TABLES = [
  'organisation',
  'party',
  'funding',
  'cost_centre',
  'budget',
  'budget_line',
  'forecast',
  'forecast_line',
  'financial_goal',
  'historical_key_figure',
  'insats',
  'insats_budget',
  'matpunkt',
  'person',
  'role_assignment',
];

async function snapshot(api: TestApi): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const rows = await api.ds.query(`SELECT * FROM ${t} ORDER BY 1, 2`);
    out[t] = JSON.stringify(rows);
  }
  return out;
}

describe('foundation: förbund, people, access (real HTTP, PostgreSQL, Redis)', () => {
  let api: TestApi;
  let adminToken: string;
  let samspelet: { id: string };
  let grannen: { id: string };

  beforeAll(async () => {
    api = await TestApi.start();
    adminToken = await api.adminToken();
    samspelet = await importBundle(api, samspeletBundle(), adminToken);
    grannen = await importBundle(api, otherBundle(), adminToken);
  });
  afterAll(() => api.close());

  it('answers /health with both services up', async () => {
    const res = await request(api.url).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', postgres: 'up', redis: 'up' });
    const ready = await request(api.url).get('/health/ready');
    expect([ready.status, ready.body]).toEqual([200, res.body]);
    const live = await request(api.url).get('/health/live');
    expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
  });

  it('imports the same bundle twice into the same rows, and a changed bundle updates in place', async () => {
    const before = await snapshot(api);
    const auditBefore = await api.ds.query('SELECT count(*)::int AS n FROM audit_entry');
    await importBundle(api, samspeletBundle(), adminToken);
    expect(await snapshot(api)).toEqual(before);
    expect(await api.ds.query('SELECT count(*)::int AS n FROM audit_entry')).toEqual(auditBefore);

    const changed = samspeletBundle();
    changed.insatser[0].name = 'Stegen Kristinehamn (nytt namn)';
    changed.costCentres.push({ code: '899', name: 'Ny verksamhet', category: 'FORBUND' });
    await importBundle(api, changed, adminToken);
    const [ins] = await api.ds.query(
      "SELECT count(*)::int AS n, min(name) AS name FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
      [samspelet.id],
    );
    expect(ins).toEqual({ n: 1, name: 'Stegen Kristinehamn (nytt namn)' });
    const [cc] = await api.ds.query('SELECT count(*)::int AS n FROM cost_centre WHERE organisation_id = $1', [
      samspelet.id,
    ]);
    expect(cc.n).toBe(15);
    // and back: the removed cost centre goes, the insats keeps its id
    const idBefore = (
      await api.ds.query("SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'", [
        samspelet.id,
      ])
    )[0].id;
    await importBundle(api, samspeletBundle(), adminToken);
    expect(await snapshot(api).then((s) => s.cost_centre)).toEqual(before.cost_centre);
    expect(
      (
        await api.ds.query("SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'", [
          samspelet.id,
        ])
      )[0].id,
    ).toBe(idBefore);
  });

  it('exports a bundle that imports back without a single change', async () => {
    const { exportOrganisationBundle: exported } = await api.ok<{
      exportOrganisationBundle: Record<string, unknown>;
    }>('{ exportOrganisationBundle(slug: "samspelet") }', {}, adminToken);
    expect((exported.insatser as unknown[]).length).toBe(7);
    expect((exported.people as Array<Record<string, unknown>>).every((p) => !('password' in p))).toBe(true);
    const before = await snapshot(api);
    await importBundle(api, exported, adminToken);
    expect(await snapshot(api)).toEqual(before);
  });

  it('refuses a bundle with five planted errors, naming all five paths, and changes nothing', async () => {
    const before = await snapshot(api);
    const b = samspeletBundle();
    b.funding[0].amount = 'tusen kronor';
    b.parties[2].kind = 'LANDSTING';
    b.budgets[0].lines['777'] = '1000';
    b.insatser[1].ownerParty = 'OKAND';
    b.people[0].email = 'inte-en-adress';
    const r = await api.gql(IMPORT, { b }, adminToken);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const details = r.errors![0].extensions!.details as Array<{ path: string; message: string }>;
    expect(details.map((d) => d.path).sort()).toEqual(
      [
        '$.budgets[0].lines["777"]',
        '$.funding[0].amount',
        '$.insatser[1].ownerParty',
        '$.parties[2].kind',
        '$.people[0].email',
      ].sort(),
    );
    expect(r.errors![0].message).toBe('Paketet innehåller 5 fel och har inte lästs in.');
    expect(await snapshot(api)).toEqual(before);
  });

  it('logs people in with argon2 hashes and answers me', async () => {
    const [row] = await api.ds.query(
      "SELECT password_hash FROM person WHERE email = 'forbundschef@samspelet.example'",
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const token = await api.login('forbundschef@samspelet.example');
    const d = await api.ok<{
      me: { email: string; roles: Array<{ role: string; organisationSlug: string }> };
    }>('{ me { email roles { role organisationSlug } } }', {}, token);
    expect(d.me).toEqual({
      email: 'forbundschef@samspelet.example',
      roles: [{ role: 'FORBUNDSCHEF', organisationSlug: 'samspelet' }],
    });
    const bad = await api.gql(
      'mutation { login(email: "forbundschef@samspelet.example", password: "fel-losenord-123") { token } }',
    );
    expect(codes(bad)).toEqual(['UNAUTHENTICATED']);
    expect(bad.errors![0].message).toBe('Fel e-postadress eller lösenord.');
  });

  it('refuses requests without a valid token', async () => {
    expect(codes(await api.gql('{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.gql('{ me { id } }', {}, 'not.a.token'))).toEqual(['UNAUTHENTICATED']);
  });

  it('revokes old tokens when the password changes', async () => {
    const email = 'ersattare7@samspelet.example';
    const old = await api.login(email);
    const d = await api.ok<{ changePassword: { token: string } }>(
      'mutation { changePassword(currentPassword: "Demo-Samspelet-2025!", newPassword: "Ett-nytt-losenord-2026") { token } }',
      {},
      old,
    );
    expect(codes(await api.gql('{ me { id } }', {}, old))).toEqual(['UNAUTHENTICATED']);
    expect(
      (await api.ok<{ me: { id: string } }>('{ me { id } }', {}, d.changePassword.token)).me.id,
    ).toBeTruthy();
    const weak = await api.gql(
      'mutation { changePassword(currentPassword: "Ett-nytt-losenord-2026", newPassword: "kort") { token } }',
      {},
      d.changePassword.token,
    );
    expect(codes(weak)).toEqual(['BAD_USER_INPUT']);
  });

  it('invites people imported without a password through the outbox, and the link sets a password once', async () => {
    const b = otherBundle();
    b.people.push({
      name: 'Ny Handläggare',
      email: 'ny.handlaggare@grannen.example',
      roles: [{ role: 'BEREDNINGSGRUPP' }],
    });
    await importBundle(api, b, adminToken);
    const { mail, token } = await deliverInvitation(api, 'ny.handlaggare@grannen.example');
    expect(mail.subject).toBe('Inbjudan till Samordningsförbundet Grannen');
    const accepted = await api.ok<{ acceptInvitation: { user: { email: string } } }>(
      'mutation($t:String!){ acceptInvitation(token:$t, password:"Mitt-eget-losenord-1") { user { email } } }',
      { t: token },
    );
    expect(accepted.acceptInvitation.user.email).toBe('ny.handlaggare@grannen.example');
    await expect(api.login('ny.handlaggare@grannen.example', 'Mitt-eget-losenord-1')).resolves.toEqual(
      expect.any(String),
    );
    const again = await api.gql(
      'mutation($t:String!){ acceptInvitation(token:$t, password:"Annat-losenord-22") { token } }',
      { t: token },
    );
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    // importing again sends no second invitation
    await importBundle(api, b, adminToken);
    const n = await api.ds.query(
      "SELECT count(*)::int AS n FROM outbox WHERE payload->>'to' = 'ny.handlaggare@grannen.example'",
    );
    expect(n[0].n).toBe(1);
  });

  describe('each role sees what DOMAIN.md §1 allows', () => {
    const who: Record<string, string> = {
      ADMIN: 'kansli@samspelet.example',
      FORBUNDSCHEF: 'forbundschef@samspelet.example',
      PROJEKTAGARE: 'projektagare.stegen@samspelet.example',
      STYRGRUPP: 'styrgrupp1.stegen@samspelet.example',
      STYRELSELEDAMOT: 'ledamot1@samspelet.example',
      STYRELSEERSATTARE: 'ersattare1@samspelet.example',
      REVISOR: 'revisor1@samspelet.example',
    };
    const expected: Record<
      string,
      { insatser: number; people: boolean; export: boolean; audit: boolean; otherInsats: boolean }
    > = {
      ADMIN: { insatser: 7, people: true, export: true, audit: true, otherInsats: true },
      FORBUNDSCHEF: { insatser: 7, people: true, export: false, audit: true, otherInsats: true },
      PROJEKTAGARE: { insatser: 1, people: false, export: false, audit: false, otherInsats: false },
      STYRGRUPP: { insatser: 1, people: false, export: false, audit: false, otherInsats: false },
      STYRELSELEDAMOT: { insatser: 7, people: false, export: false, audit: false, otherInsats: true },
      STYRELSEERSATTARE: { insatser: 7, people: false, export: false, audit: false, otherInsats: true },
      REVISOR: { insatser: 7, people: false, export: false, audit: true, otherInsats: true },
    };

    it.each(Object.keys(who))('%s', async (role) => {
      const emailOf = (await api.ds.query('SELECT 1 FROM person WHERE email = $1', [who[role]])).length;
      expect(emailOf).toBe(1);
      const token = await api.login(who[role]);
      const e = expected[role];
      const org = await api.ok<{
        organisation: { insatser: Array<{ id: string; key: string }>; myRoles: string[] };
      }>('{ organisation(slug: "samspelet") { insatser { id key } myRoles } }', {}, token);
      expect(org.organisation.insatser).toHaveLength(e.insatser);
      expect(org.organisation.myRoles).toEqual([role]);
      const people = await api.gql('{ organisation(slug: "samspelet") { people { email } } }', {}, token);
      expect(people.errors ? codes(people) : 'ok').toEqual(e.people ? 'ok' : ['FORBIDDEN']);
      const exp = await api.gql('{ exportOrganisationBundle(slug: "samspelet") }', {}, token);
      expect(exp.errors ? codes(exp) : 'ok').toEqual(e.export ? 'ok' : ['FORBIDDEN']);
      const audit = await api.gql(
        'query($o: ID!){ verifyAuditTrail(organisationId: $o) { valid } }',
        { o: samspelet.id },
        token,
      );
      expect(audit.errors ? codes(audit) : audit.data).toEqual(
        e.audit ? { verifyAuditTrail: { valid: true } } : ['FORBIDDEN'],
      );
      const [tris] = await api.ds.query("SELECT id FROM insats WHERE organisation_id = $1 AND key = 'tris'", [
        samspelet.id,
      ]);
      const other = await api.gql('query($i: ID!){ insats(id: $i) { key } }', { i: tris.id }, token);
      expect(other.errors ? codes(other) : other.data).toEqual(
        e.otherInsats ? { insats: { key: 'tris' } } : ['FORBIDDEN'],
      );
      expect(codes(await api.gql(IMPORT, { b: samspeletBundle() }, token))).toEqual(['FORBIDDEN']);
    });

    it('a projektägare sees their own insats', async () => {
      const token = await api.login(who.PROJEKTAGARE);
      const [stegen] = await api.ds.query(
        "SELECT id FROM insats WHERE organisation_id = $1 AND key = 'stegen'",
        [samspelet.id],
      );
      const d = await api.ok<{ insats: { key: string; matpunkter: unknown[] } }>(
        'query($i: ID!){ insats(id: $i) { key matpunkter(year: 2025) { key } } }',
        { i: stegen.id },
        token,
      );
      expect(d.insats.key).toBe('stegen');
      expect(d.insats.matpunkter).toHaveLength(8);
    });
  });

  describe('one förbund never reaches another', () => {
    it('answers NOT_FOUND, as for an unknown id, for every operation on the other förbund', async () => {
      const token = await api.login('forbundschef@grannen.example');
      const kansli = await api.login('kansli@grannen.example');
      const [insats] = await api.ds.query('SELECT id FROM insats WHERE organisation_id = $1 LIMIT 1', [
        samspelet.id,
      ]);
      // The other förbund's ids look like unknown ones (no existence leak); importing is the platform admin's.
      const attempts: Array<[string, Record<string, unknown>, string, string]> = [
        ['{ organisation(slug: "samspelet") { id name } }', {}, token, 'NOT_FOUND'],
        ['{ organisation(slug: "samspelet") { id name } }', {}, kansli, 'NOT_FOUND'],
        ['{ exportOrganisationBundle(slug: "samspelet") }', {}, kansli, 'NOT_FOUND'],
        [
          'query($o: ID!){ verifyAuditTrail(organisationId: $o) { valid } }',
          { o: samspelet.id },
          token,
          'NOT_FOUND',
        ],
        ['query($o: ID!){ auditTrail(organisationId: $o) { id } }', { o: samspelet.id }, token, 'NOT_FOUND'],
        ['query($i: ID!){ insats(id: $i) { key } }', { i: insats.id }, token, 'NOT_FOUND'],
        [IMPORT, { b: samspeletBundle() }, kansli, 'FORBIDDEN'],
      ];
      for (const [q, v, t, code] of attempts) {
        const r = await api.gql(q, v, t);
        expect(r.data ? Object.values(r.data).filter((x) => x !== null) : []).toEqual([]);
        expect([q, codes(r)]).toEqual([q, [code]]);
      }
      // and their own förbund works
      const own = await api.ok<{ organisation: { id: string } }>(
        '{ organisation(slug: "grannforbundet") { id } }',
        {},
        token,
      );
      expect(own.organisation.id).toBe(grannen.id);
      const list = await api.ok<{ organisations: Array<{ slug: string }> }>(
        '{ organisations { slug } }',
        {},
        token,
      );
      expect(list.organisations.map((o) => o.slug)).toEqual(['grannforbundet']);
    });
  });

  describe('GraphQL limits', () => {
    it('refuses a query 50 levels deep before it executes', async () => {
      let sel = 'id';
      for (let i = 0; i < 25; i++) sel = `insatser { organisation { ${sel} } }`;
      const r = await api.gql(`{ organisation(slug: "samspelet") { ${sel} } }`, {}, adminToken);
      expect(r.data).toBeUndefined();
      expect(codes(r)).toContain('BAD_USER_INPUT');
      expect(r.errors!.map((e) => e.message).join(' ')).toMatch(/depth/i);
    });

    it('refuses 1 000 aliases before it executes', async () => {
      const fields = Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ');
      const r = await api.gql(`{ ${fields} }`, {}, adminToken);
      expect(r.data).toBeUndefined();
      expect(r.errors!.map((e) => e.message).join(' ')).toMatch(/alias/i);
    });

    it('masks unexpected errors as INTERNAL without a stack trace', async () => {
      const r = await api.gql(
        'query($o: ID!){ auditTrail(organisationId: $o, limit: 5) { id } }',
        { o: 'not-a-uuid' },
        adminToken,
      );
      expect(codes(r)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(r)).not.toMatch(/at .*\.ts:\d+|stack/);
    });
  });

  it('creates the platform admin once from the environment', async () => {
    const rows = await api.ds.query('SELECT email, is_platform_admin FROM person WHERE is_platform_admin');
    expect(rows).toEqual([{ email: ADMIN.email, is_platform_admin: true }]);
  });
});
