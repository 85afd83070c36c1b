import { AuthService } from '../../apps/api/src/auth/auth.service';
import { ADMIN, TestApi } from '../helpers/api';

const LOGIN = 'mutation($e: String!, $p: String!){ login(email: $e, password: $p){ token } }';
const CHANGE =
  'mutation($c: String!, $n: String!){ changePassword(currentPassword: $c, newPassword: $n){ token } }';

/** admin:ensure creates the platform admin once; a restart never puts the shipped password back. */
describe('the platform admin is created once', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('keeps a changed password when the API starts again with ADMIN_PASSWORD', async () => {
    const changed = 'Ett-eget-losenord-2026!';
    const token = await api.adminToken();
    await api.ok(CHANGE, { c: ADMIN.password, n: changed }, token);
    try {
      expect(await api.app.get(AuthService).ensurePlatformAdmin()).toEqual({
        email: ADMIN.email,
        created: false,
      });
      expect((await api.gql(LOGIN, { e: ADMIN.email, p: ADMIN.password })).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await api.gql(LOGIN, { e: ADMIN.email, p: changed })).errors).toBeUndefined();
    } finally {
      const t = await api.login(ADMIN.email, changed);
      await api.ok(CHANGE, { c: changed, n: ADMIN.password }, t);
    }
  });
});
