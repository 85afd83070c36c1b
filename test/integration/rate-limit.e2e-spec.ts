import Redis from 'ioredis';
import { REDIS } from '../../apps/api/src/common/infra/tokens';
import { codes, importBundle, samspeletBundle, TestApi } from '../helpers/api';

describe('login rate limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    process.env.LOGIN_MAX_ATTEMPTS_PER_IP = '25';
    api = await TestApi.start();
    // Earlier test files logged in from this address too; start this file's counts from zero.
    const redis = api.app.get<Redis>(REDIS);
    const keys = await redis.keys('login:*');
    if (keys.length) await redis.del(...keys);
    await importBundle(api, samspeletBundle());
  });
  afterAll(async () => {
    await api.close();
    process.env.LOGIN_MAX_ATTEMPTS_PER_IP = '100000';
  });

  const LOGIN = 'mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }';

  it('locks an e-mail address after 10 failed attempts, even with the right password', async () => {
    const email = 'revisor2@samspelet.example';
    for (let i = 0; i < 10; i++) {
      expect(
        codes(
          await api.gql(LOGIN, { e: email, p: 'fel-losenord' }, undefined, {
            'x-forwarded-for': '198.51.100.1',
          }),
        ),
      ).toEqual(['UNAUTHENTICATED']);
    }
    const r = await api.gql(LOGIN, { e: email, p: 'Demo-Samspelet-2025!' }, undefined, {
      'x-forwarded-for': '198.51.100.1',
    });
    expect(codes(r)).toEqual(['RATE_LIMITED']);
    expect(r.errors![0].message).toMatch(/För många inloggningsförsök/);
  });

  it('limits one address trying many e-mail addresses', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 25; i++) {
      expect(codes(await api.gql(LOGIN, { e: `nobody${i}@example.org`, p: 'x' }, undefined, ip))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    expect(
      codes(
        await api.gql(LOGIN, { e: 'kansli@samspelet.example', p: 'Demo-Samspelet-2025!' }, undefined, ip),
      ),
    ).toEqual(['RATE_LIMITED']);
    // another address is not affected
    const ok = await api.gql(LOGIN, { e: 'kansli@samspelet.example', p: 'Demo-Samspelet-2025!' }, undefined, {
      'x-forwarded-for': '203.0.113.10',
    });
    expect(ok.errors).toBeUndefined();
  });
});
