import { ADMIN, codes, DEMO_PASSWORD, importBundle, tenantBundle, TestApi } from '../helpers/api';
import { mailProblems } from '../helpers/mail-content';

const SAVE = `mutation($o: ID!, $p: PersonInput!){ savePerson(organisationId: $o, person: $p){ id } }`;
const EXPORT = 'query($s: String!){ exportOrganisationBundle(slug: $s) }';
const PEOPLE = `query($s: String!){ organisation(slug: $s){ people { email name personalNumber nameEditable roles } } }`;
const MINE = `mutation($p: ProfileInput!, $pw: String){ updateMyProfile(profile: $p, currentPassword: $pw){ id name email } }`;
const ANY = `mutation($id: ID!, $p: ProfileInput!){ updatePersonProfile(personId: $id, profile: $p){ id name email } }`;

const SHARED = 'delad.revisor@delat.example';
const B_NUMBER = '197001011234';

interface BundlePerson {
  name: string;
  email: string;
  personalNumber?: string;
  roles: Array<{ role: string; title?: string }>;
}

/**
 * Issue 11.4: a person in two förbund. Each förbund keeps its own view (roles, titles, personnummer); the name and
 * e-mail are the person's, changed by them or the platform admin, and each change is audited in every förbund.
 */
describe('people are per förbund where it matters', () => {
  let api: TestApi;
  let a: string;
  let b: string;
  let kansliA: string;
  let kansliB: string;
  let sharedId: string;

  const person = async (email: string) =>
    (await api.ds.query('SELECT id, name, email FROM person WHERE email = $1', [email]))[0];
  const audits = async (personId: string, action: string) =>
    (
      await api.ds.query(
        `SELECT organisation_id, payload FROM audit_entry WHERE entity_id = $1 AND action = $2 ORDER BY organisation_id`,
        [personId, action],
      )
    ).map((r: { organisation_id: string | null; payload: Record<string, unknown> }) => ({
      org: r.organisation_id,
      payload: r.payload,
    }));

  beforeAll(async () => {
    api = await TestApi.start();
    const bundleA = tenantBundle('delat-a', 'Samordningsförbundet Delat A', 'delat-a');
    bundleA.people.push({
      name: 'Delad Revisor',
      email: SHARED,
      password: DEMO_PASSWORD,
      roles: [{ role: 'REVISOR', title: 'Revisor i A' }],
    });
    const bundleB = tenantBundle('delat-b', 'Samordningsförbundet Delat B', 'delat-b');
    bundleB.people.push({
      name: 'Delad Revisor',
      email: SHARED,
      personalNumber: B_NUMBER,
      roles: [{ role: 'REVISOR', title: 'Sakkunnig revisor i B' }],
    });
    a = (await importBundle(api, bundleA)).id;
    b = (await importBundle(api, bundleB)).id;
    kansliA = await api.login('kansli@delat-a.example');
    kansliB = await api.login('kansli@delat-b.example');
    sharedId = (await person(SHARED)).id;
  });
  afterAll(() => api.close());

  it("one förbund's kansli cannot rename a person another förbund also has", async () => {
    const r = await api.gql(
      SAVE,
      { o: a, p: { email: SHARED, name: 'Omdöpt av A', roles: [{ role: 'REVISOR', title: 'Revisor i A' }] } },
      kansliA,
    );
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.errors?.[0].message).toMatch(/ändras bara av personen själv/);
    expect((await person(SHARED)).name).toBe('Delad Revisor');
    expect(await audits(sharedId, 'person.renamed')).toEqual([]);
  });

  it("never shows or exports another förbund's personnummer or titles", async () => {
    const exportA = (
      await api.ok<{ exportOrganisationBundle: { people: BundlePerson[] } }>(
        EXPORT,
        { s: 'delat-a' },
        kansliA,
      )
    ).exportOrganisationBundle;
    const inA = exportA.people.find((p) => p.email === SHARED)!;
    expect(inA).toEqual({
      name: 'Delad Revisor',
      email: SHARED,
      roles: [{ role: 'REVISOR', title: 'Revisor i A' }],
    });
    expect(JSON.stringify(exportA)).not.toContain(B_NUMBER);
    expect(JSON.stringify(exportA)).not.toContain('Sakkunnig revisor i B');

    const peopleA = await api.ok<{
      organisation: { people: Array<{ email: string; personalNumber: string | null }> };
    }>(PEOPLE, { s: 'delat-a' }, kansliA);
    expect(peopleA.organisation.people.find((p) => p.email === SHARED)?.personalNumber).toBeNull();
    const peopleB = await api.ok<{
      organisation: { people: Array<{ email: string; personalNumber: string | null }> };
    }>(PEOPLE, { s: 'delat-b' }, kansliB);
    expect(peopleB.organisation.people.find((p) => p.email === SHARED)?.personalNumber).toBe(B_NUMBER);
  });

  it("keeps each förbund's personnummer its own: A registering one leaves B's untouched", async () => {
    await api.ok(
      SAVE,
      {
        o: a,
        p: {
          email: SHARED,
          name: 'Delad Revisor',
          personalNumber: '198002022345',
          roles: [{ role: 'REVISOR', title: 'Revisor i A' }],
        },
      },
      kansliA,
    );
    const rows = await api.ds.query(
      'SELECT organisation_id, personal_number FROM membership WHERE person_id = $1 ORDER BY personal_number',
      [sharedId],
    );
    expect(rows).toEqual([
      { organisation_id: b, personal_number: B_NUMBER },
      { organisation_id: a, personal_number: '198002022345' },
    ]);
    const exportB = await api.ok<{ exportOrganisationBundle: { people: BundlePerson[] } }>(
      EXPORT,
      { s: 'delat-b' },
      kansliB,
    );
    expect(JSON.stringify(exportB)).not.toContain('198002022345');
    expect(await audits(sharedId, 'person.personal_number_changed')).toEqual(
      expect.arrayContaining([{ org: a, payload: { registered: true } }]),
    );
  });

  it('a person who joins from another förbund keeps their own name', async () => {
    const fromB = 'kansli@delat-b.example';
    const before = (await person(fromB)).name;
    await api.ok(
      SAVE,
      { o: a, p: { email: fromB, name: 'Något annat namn', roles: [{ role: 'REVISOR' }] } },
      kansliA,
    );
    expect((await person(fromB)).name).toBe(before);
    const roles = await api.ds.query(
      'SELECT r.role FROM role_assignment r JOIN person p ON p.id = r.person_id WHERE p.email = $1 AND r.organisation_id = $2',
      [fromB, a],
    );
    expect(roles).toEqual([{ role: 'REVISOR' }]);
  });

  it('the kansli may still correct the name of someone only it has, who has no account yet', async () => {
    const email = 'nykomling@delat-a.example';
    await api.ok(SAVE, { o: a, p: { email, name: 'Nykomlnig', roles: [{ role: 'REVISOR' }] } }, kansliA);
    const people = await api.ok<{
      organisation: { people: Array<{ email: string; nameEditable: boolean }> };
    }>(PEOPLE, { s: 'delat-a' }, kansliA);
    expect(people.organisation.people.find((p) => p.email === email)?.nameEditable).toBe(true);
    expect(people.organisation.people.find((p) => p.email === SHARED)?.nameEditable).toBe(false);
    await api.ok(SAVE, { o: a, p: { email, name: 'Nykomling', roles: [{ role: 'REVISOR' }] } }, kansliA);
    const p = await person(email);
    expect(p.name).toBe('Nykomling');
    expect(await audits(p.id, 'person.renamed')).toEqual([
      { org: a, payload: { from: 'Nykomlnig', to: 'Nykomling', by: 'KANSLI' } },
    ]);
  });

  it('the person changes their own name and e-mail, audited in each of their förbund', async () => {
    const me = await api.login(SHARED);
    const renamed = await api.ok<{ updateMyProfile: { name: string; email: string } }>(
      MINE,
      { p: { name: 'Delad Revisorsson', email: SHARED } },
      me,
    );
    expect(renamed.updateMyProfile).toEqual({ id: sharedId, name: 'Delad Revisorsson', email: SHARED });
    expect(await audits(sharedId, 'person.renamed')).toEqual(
      [a, b]
        .sort()
        .map((org) => ({ org, payload: { from: 'Delad Revisor', to: 'Delad Revisorsson', by: 'SELF' } })),
    );

    // A new e-mail needs the current password.
    const refused = await api.gql(
      MINE,
      { p: { name: 'Delad Revisorsson', email: 'ny.adress@delat.example' } },
      me,
    );
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect((await person(SHARED)).email).toBe(SHARED);
    await api.ok(
      MINE,
      { p: { name: 'Delad Revisorsson', email: 'Ny.Adress@delat.example' }, pw: DEMO_PASSWORD },
      me,
    );
    expect((await person('ny.adress@delat.example')).id).toBe(sharedId);
    const [notice] = await api.ds.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'send-email' AND payload->>'to' = $1
          AND payload->>'subject' = 'Din e-postadress har ändrats'`,
      [SHARED],
    );
    expect(notice.n).toBe(1);
    // The old address gets a mail it can act on, signed by both förbund the person belongs to.
    const [{ payload: changed }] = await api.ds.query(
      `SELECT payload FROM outbox WHERE job_name = 'send-email' AND payload->>'to' = $1
          AND payload->>'subject' = 'Din e-postadress har ändrats'`,
      [SHARED],
    );
    expect(mailProblems(changed, 'Samordningsförbundet Delat A och Samordningsförbundet Delat B')).toEqual(
      [],
    );
    expect(changed.text).toContain('/mitt-konto');
    expect((await audits(sharedId, 'person.email_changed')).map((x: { org: string }) => x.org)).toEqual(
      [a, b].sort(),
    );
    // Both förbund see the person's own name; each still keeps its own title.
    const exportB = (
      await api.ok<{ exportOrganisationBundle: { people: BundlePerson[] } }>(
        EXPORT,
        { s: 'delat-b' },
        kansliB,
      )
    ).exportOrganisationBundle;
    expect(exportB.people.find((p) => p.email === 'ny.adress@delat.example')).toEqual({
      name: 'Delad Revisorsson',
      email: 'ny.adress@delat.example',
      personalNumber: B_NUMBER,
      roles: [{ role: 'REVISOR', title: 'Sakkunnig revisor i B' }],
    });
  });

  it("the platform admin may change anyone's name; a kansli may not use that door", async () => {
    const refused = await api.gql(
      ANY,
      { id: sharedId, p: { name: 'Kansliets namn', email: 'ny.adress@delat.example' } },
      kansliA,
    );
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const admin = await api.login(ADMIN.email, ADMIN.password);
    await api.ok(
      ANY,
      { id: sharedId, p: { name: 'Delad Revisor', email: 'ny.adress@delat.example' } },
      admin,
    );
    expect((await person('ny.adress@delat.example')).name).toBe('Delad Revisor');
    const byAdmin = (await audits(sharedId, 'person.renamed')).filter(
      (x: { payload: { by: string } }) => x.payload.by === 'PLATFORM_ADMIN',
    );
    expect(byAdmin.map((x: { org: string }) => x.org)).toEqual([a, b].sort());
  });

  it('limits wrong passwords when changing the e-mail, before any hashing', async () => {
    const email = 'kansli@delat-b.example';
    const me = await person(email);
    const attempt = (pw: string) =>
      api.gql(MINE, { p: { name: me.name, email: 'kapad@delat-b.example' }, pw }, kansliB);
    for (let i = 0; i < 5; i++) expect(codes(await attempt(`fel-${i}`))).toEqual(['UNAUTHENTICATED']);
    // The sixth is refused by the limiter, even with the right password; nothing changed.
    expect(codes(await attempt(DEMO_PASSWORD))).toEqual(['RATE_LIMITED']);
    expect((await person(email)).email).toBe(email);
  });
});
