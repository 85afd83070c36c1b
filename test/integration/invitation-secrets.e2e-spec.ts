import { createHash } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { codes, importBundle, tenantBundle, TestApi } from '../helpers/api';
import { deliverInvitation, invitationToken } from '../helpers/invitations';
import { MailCatcher } from '../helpers/mail';
import { mailProblems } from '../helpers/mail-content';
import { RedisProcess } from '../helpers/redis-process';
import { startWorker } from '../helpers/worker';

const ACCEPT =
  'mutation($t: String!, $p: String!){ acceptInvitation(token: $t, password: $p){ token user { email } } }';

/** Every value in Redis (BullMQ's job hashes, lists, sorted sets and streams), as one text to search. */
async function everythingIn(redis: Redis): Promise<string> {
  const out: string[] = [];
  for (const key of await redis.keys('*')) {
    const type = await redis.type(key);
    if (type === 'string') out.push(String(await redis.get(key)));
    else if (type === 'hash') out.push(JSON.stringify(await redis.hgetall(key)));
    else if (type === 'list') out.push(JSON.stringify(await redis.lrange(key, 0, -1)));
    else if (type === 'set') out.push(JSON.stringify(await redis.smembers(key)));
    else if (type === 'zset') out.push(JSON.stringify(await redis.zrange(key, 0, -1)));
    else if (type === 'stream') out.push(JSON.stringify(await redis.xrange(key, '-', '+')));
  }
  return out.join('\n');
}

/** Issue 11 item 11: an invitation's token is stored only as a hash; its mail job names the invitation. */
describe('invitation tokens live only in the mail (outbox, Redis and database hold a hash or a reference)', () => {
  const mail = new MailCatcher();
  const redisServer = new RedisProcess(63000 + Math.floor(Math.random() * 900));
  let api: TestApi;
  let worker: INestApplicationContext;
  let redis: Redis;
  const email = 'ny.inbjuden@hemlig.example';

  beforeAll(async () => {
    await mail.start();
    await redisServer.start();
    process.env.SMTP_URL = mail.url;
    process.env.REDIS_URL = redisServer.url;
    api = await TestApi.start();
    worker = await startWorker();
    redis = new Redis(redisServer.url);
  });

  afterAll(async () => {
    redis?.disconnect();
    await worker?.close();
    await api?.close();
    await redisServer.stop();
    await mail.stop();
  });

  it('mails a working link while no outbox row, BullMQ job or database column holds the token', async () => {
    const b = tenantBundle('hemlig', 'Samordningsförbundet Hemlig');
    b.people.push({ name: 'Ny Inbjuden', email, roles: [{ role: 'BEREDNINGSGRUPP' }] });
    await importBundle(api, b);

    const [arrived] = (await mail.waitFor((m) => m.some((x) => x.to.includes(email)))).filter((x) =>
      x.to.includes(email),
    );
    expect(arrived?.subject).toBe('Inbjudan till Samordningsförbundet Hemlig');
    // A mail people can act on: the förbund, a link to the web's invitation page, in text and HTML.
    expect(mailProblems(arrived, 'Samordningsförbundet Hemlig')).toEqual([]);
    const token = invitationToken(arrived)!;
    expect(token).toMatch(/^[\w-]{43}$/);

    // No outbox row and no BullMQ job data in Redis (kept after completion) holds the token.
    const [{ everything }] = await api.ds.query(
      `SELECT string_agg(payload::text, ' ') AS everything FROM outbox`,
    );
    expect(everything).not.toContain(token);
    const inRedis = await everythingIn(redis);
    expect(inRedis).not.toContain(token);

    // The mail job names the invitation instead.
    const outbox: Array<{ job_name: string; payload: Record<string, unknown> }> = await api.ds.query(
      `SELECT job_name, payload FROM outbox WHERE payload->>'to' = $1`,
      [email],
    );
    expect(outbox.map((o) => o.job_name)).toEqual(['send-invitation']);
    expect(Object.keys(outbox[0].payload).sort()).toEqual(
      ['baseUrl', 'invitationId', 'invitedTo', 'organisationName', 'personId', 'to'].sort(),
    );
    expect(inRedis).toContain(String(outbox[0].payload.invitationId));

    // The database keeps the token's hash only: not in the person row, the audit trail or the mail log.
    const [person] = await api.ds.query(
      `SELECT row_to_json(p)::text AS json, invitation_token_hash FROM person p WHERE email = $1`,
      [email],
    );
    expect(person.invitation_token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(person.json).not.toContain(token);
    for (const table of ['audit_entry', 'mail_log']) {
      const [{ t }] = await api.ds.query(
        `SELECT coalesce(string_agg(x::text, ' '), '') AS t FROM ${table} x`,
      );
      expect(t).not.toContain(token);
    }

    // The link in the delivered mail opens the account, once.
    const accepted = await api.ok<{ acceptInvitation: { user: { email: string } } }>(ACCEPT, {
      t: token,
      p: 'Mitt-hemliga-losenord-1',
    });
    expect(accepted.acceptInvitation.user.email).toBe(email);
    await expect(api.login(email, 'Mitt-hemliga-losenord-1')).resolves.toEqual(expect.any(String));
    expect(codes(await api.gql(ACCEPT, { t: token, p: 'Ett-annat-losenord-2' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('lets only the newest link work when the mail job runs again, and mails nothing once accepted', async () => {
    const other = 'andra.inbjuden@hemlig.example';
    await api.ok(
      'mutation{ createNationalNetworkAccount(email: "andra.inbjuden@hemlig.example", name: "Andra Inbjuden") }',
      {},
      await api.adminToken(),
    );
    // The worker mails it; then two more runs of the job (as a retry would, after a mail left unlogged).
    const [byWorker] = (await mail.waitFor((m) => m.some((x) => x.to.includes(other)))).filter((x) =>
      x.to.includes(other),
    );
    const workerToken = invitationToken(byWorker)!;
    const first = await deliverInvitation(api, other, 'retry-1');
    const second = await deliverInvitation(api, other, 'retry-2');
    expect(new Set([workerToken, first.token, second.token]).size).toBe(3);
    for (const old of [workerToken, first.token])
      expect(codes(await api.gql(ACCEPT, { t: old, p: 'Gammal-lank-2025!' }))).toEqual(['BAD_USER_INPUT']);
    await api.ok(ACCEPT, { t: second.token, p: 'Andra-lanken-2025!' });
    // The invitation is used: a late run of its job arms nothing and sends nothing.
    await expect(deliverInvitation(api, other, 'retry-3')).rejects.toThrow(/not mailed/);
    const [{ hash }] = await api.ds.query(
      'SELECT invitation_token_hash AS hash FROM person WHERE email = $1',
      [other],
    );
    expect(hash).toBeNull();
  });
});
