import { sign } from 'jsonwebtoken';
import { resetConfigForTests } from '@app/infra';
import { ADMIN, codes, importBundle, tenantBundle, TestApi } from '../helpers/api';

/** Issue 11: no documented secret opens the API, admin:ensure never overwrites, no query can blow up. */
describe('security', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
    await importBundle(api, tenantBundle('sakra', 'Samordningsförbundet Säkra', 'sakra'));
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses a token forged with a secret the repository documents', async () => {
    const [admin] = await api.ds.query('SELECT id, token_version FROM person WHERE email = $1', [
      ADMIN.email,
    ]);
    for (const secret of [
      'change-me-change-me-change-me-change-me',
      'test-secret-that-is-long-enough-for-hs256-0123456789-not-this-one',
    ]) {
      const forged = sign({ sub: admin.id, tv: admin.token_version }, secret, { algorithm: 'HS256' });
      const r = await api.gql('{ me { id isPlatformAdmin } }', {}, forged);
      expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('refuses a depth-12 cyclic query (Organisation.insatser ↔ Insats.organisation) before it runs', async () => {
    const token = await api.adminToken();
    let q = 'id';
    for (let i = 0; i < 5; i++) q = `insatser { organisation { ${q} } }`;
    const r = await api.gql(`{ organisation(slug: "sakra") { ${q} } }`, {}, token);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0].message).toMatch(/cykel/);
    expect(r.data ?? null).toBeNull();
  });

  it('bounds every SQL statement with a statement timeout on the pool', async () => {
    const [{ statement_timeout }] = await api.ds.query('SHOW statement_timeout');
    expect(statement_timeout).toBe('30s');
  });

  describe('admin:ensure', () => {
    const saved = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };
    afterEach(() => {
      process.env.ADMIN_EMAIL = saved.email;
      process.env.ADMIN_PASSWORD = saved.password;
      resetConfigForTests();
    });

    it('restarting the API with another ADMIN_PASSWORD does not change the admin’s password', async () => {
      process.env.ADMIN_PASSWORD = 'Ett-helt-annat-losenord-2026';
      resetConfigForTests();
      const again = await TestApi.start();
      try {
        const old = await again.gql(
          'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }',
          { e: ADMIN.email, p: ADMIN.password },
        );
        expect(old.errors).toBeUndefined();
        const next = await again.gql(
          'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }',
          { e: ADMIN.email, p: 'Ett-helt-annat-losenord-2026' },
        );
        expect(next.errors?.length).toBeGreaterThan(0);
        expect(next.data?.login ?? null).toBeNull();
      } finally {
        await again.close();
      }
    });

    it('never promotes an existing förbund user whose e-mail is ADMIN_EMAIL', async () => {
      process.env.ADMIN_EMAIL = 'kansli@sakra.example';
      resetConfigForTests();
      const again = await TestApi.start();
      try {
        const [p] = await again.ds.query('SELECT is_platform_admin FROM person WHERE email = $1', [
          'kansli@sakra.example',
        ]);
        expect(p.is_platform_admin).toBe(false);
        const r = await again.gql('mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }', {
          e: 'kansli@sakra.example',
          p: process.env.ADMIN_PASSWORD,
        });
        expect(r.data?.login ?? null).toBeNull();
      } finally {
        await again.close();
      }
    });
  });
});
