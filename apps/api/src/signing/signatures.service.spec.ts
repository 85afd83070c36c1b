import { Principal } from '@app/domain';
import { SignaturesService } from './signatures.service';
import * as store from './signing.store';
import { RequestRow, SignerRow } from './signing.store';

jest.mock('./signing.store');
jest.mock('../auth/factors/totp-check', () => ({ checkPasswordAndCode: jest.fn() }));
jest.mock('@app/infra', () => ({
  ...jest.requireActual('@app/infra'),
  appendAudit: jest.fn(async () => undefined),
  enqueueJob: jest.fn(async () => 'job'),
}));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const infra = require('@app/infra') as { appendAudit: jest.Mock; enqueueJob: jest.Mock };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const totp = require('../auth/factors/totp-check') as { checkPasswordAndCode: jest.Mock };
const s = store as jest.Mocked<typeof store>;

const me: Principal = { personId: 'p1', isPlatformAdmin: false, grants: [] };
const request: RequestRow = {
  id: 'r1',
  organisation_id: 'o1',
  report_id: 'rep1',
  status: 'OPEN',
  order_mode: 'GROUPS',
  expires_at: new Date(Date.now() + 86400000),
  document_sha256: 'a'.repeat(64),
  document_file_id: 'f1',
  sealed_file_id: null,
  failure_reason: null,
  seal_retries: 0,
  decision_date: null,
};
const signer = (personId: string, group: number, state: SignerRow['state']): SignerRow => ({
  id: `s-${personId}`,
  personId,
  name: personId,
  role: 'STYRELSELEDAMOT',
  position: group,
  group,
  state,
});

function service(opts: { limited?: boolean } = {}) {
  const tx = {};
  const uow = { write: jest.fn((w) => w(tx)), read: jest.fn((w) => w(tx)) };
  const requests = {
    request: jest.fn(async () => request),
    get: jest.fn(async () => ({ id: 'r1' })),
    send: jest.fn(async () => undefined),
  };
  const attempts = {
    consume: jest.fn(async () => {
      if (opts.limited) throw new Error('RATE_LIMITED');
    }),
    succeeded: jest.fn(async () => undefined),
  };
  const passkeys = { signingOptions: jest.fn(), verifySigning: jest.fn() };
  const svc = new SignaturesService(uow as never, requests as never, passkeys as never, attempts as never);
  return { svc, requests, attempts, passkeys };
}
const audited = () => infra.appendAudit.mock.calls.map((c) => [c[1].action, c[1].payload]);

beforeEach(() => {
  jest.clearAllMocks();
  s.moveSigner.mockResolvedValue(true);
  s.moveRequest.mockResolvedValue(true);
});

describe('SignaturesService (fake stores)', () => {
  it('signs with a code: the signer moves to SIGNED, audited; the next group is sent', async () => {
    s.signers.mockResolvedValue([signer('p1', 0, 'SENT'), signer('p2', 1, 'NOT_SENT')]);
    totp.checkPasswordAndCode.mockResolvedValue('OK');
    const { svc, requests, attempts } = service();
    await svc.signWithTotp(me, 'r1', 'pw', '123456');
    expect(s.moveSigner).toHaveBeenCalledWith({}, 'r1', 'p1', expect.objectContaining({ to: 'SIGNED' }), {
      method: 'TOTP',
    });
    expect(s.moveRequest).not.toHaveBeenCalled();
    expect(requests.send).toHaveBeenCalledWith({}, 'r1', 'o1', ['p2']);
    expect(audited()).toEqual([['signing.signed', { method: 'TOTP' }]]);
    expect(attempts.succeeded).toHaveBeenCalledWith('p1');
  });

  it('the last signature moves the request to SEALING through its transition and queues the seal', async () => {
    s.signers.mockResolvedValue([signer('p1', 0, 'VIEWED'), signer('p2', 0, 'SIGNED')]);
    totp.checkPasswordAndCode.mockResolvedValue('OK');
    await service().svc.signWithTotp(me, 'r1', 'pw', '123456');
    expect(s.moveRequest).toHaveBeenCalledWith({}, 'r1', { ok: true, from: ['OPEN'], to: 'SEALING' });
    expect(infra.enqueueJob).toHaveBeenCalledWith(
      {},
      'seal-signed-document',
      { requestId: 'r1' },
      expect.anything(),
    );
  });

  it('refuses a replayed code (consumed elsewhere) and audits the refusal', async () => {
    s.signers.mockResolvedValue([signer('p1', 0, 'SENT')]);
    totp.checkPasswordAndCode.mockResolvedValueOnce('OK').mockResolvedValueOnce('CODE_REUSED');
    const { svc, attempts } = service();
    await expect(svc.signWithTotp(me, 'r1', 'pw', '123456')).rejects.toMatchObject({
      code: 'SIGNING_BAD_CREDENTIALS',
    });
    expect(s.moveSigner).not.toHaveBeenCalled();
    expect(audited()).toEqual([['signing.attempt_refused', { reason: 'CODE_REUSED' }]]);
    expect(attempts.succeeded).not.toHaveBeenCalled();
  });

  it('refuses a wrong password or code, and counts the attempt before checking it', async () => {
    s.signers.mockResolvedValue([signer('p1', 0, 'SENT')]);
    totp.checkPasswordAndCode.mockResolvedValue('BAD_CREDENTIALS');
    const { svc, attempts } = service();
    await expect(svc.signWithTotp(me, 'r1', 'pw', '000000')).rejects.toMatchObject({
      code: 'SIGNING_BAD_CREDENTIALS',
    });
    expect(attempts.consume).toHaveBeenCalledWith('p1');
    expect(audited()).toEqual([['signing.attempt_refused', { reason: 'BAD_CREDENTIALS' }]]);
  });

  it('checks nothing once the person is rate-limited', async () => {
    s.signers.mockResolvedValue([signer('p1', 0, 'SENT')]);
    await expect(service({ limited: true }).svc.signWithTotp(me, 'r1', 'pw', '000000')).rejects.toThrow(
      'RATE_LIMITED',
    );
    expect(totp.checkPasswordAndCode).not.toHaveBeenCalled();
  });

  it('refuses someone out of turn or not on the list', async () => {
    s.signers.mockResolvedValue([signer('p0', 0, 'SENT'), signer('p1', 1, 'NOT_SENT')]);
    await expect(service().svc.signWithTotp(me, 'r1', 'pw', '1')).rejects.toMatchObject({
      code: 'SIGNING_REFUSED',
    });
    s.signers.mockResolvedValue([signer('p0', 0, 'SENT')]);
    await expect(service().svc.signWithTotp(me, 'r1', 'pw', '1')).rejects.toMatchObject({
      code: 'SIGNING_NOT_ON_LIST',
    });
    expect(audited().map((a) => a[0])).toEqual(['signing.attempt_refused', 'signing.attempt_refused']);
  });

  it('a passkey without user verification is refused and audited', async () => {
    s.signers.mockResolvedValue([signer('p1', 0, 'SENT')]);
    const { svc, passkeys } = service();
    passkeys.verifySigning.mockRejectedValue(new Error('Passkey-underskriften kunde inte kontrolleras'));
    await expect(svc.signWithPasskey(me, 'r1', {})).rejects.toMatchObject({
      code: 'SIGNING_BAD_CREDENTIALS',
    });
    expect(audited()).toEqual([['signing.attempt_refused', { reason: 'BAD_CREDENTIALS' }]]);
  });

  it('declining moves the signer and the request through their transitions', async () => {
    s.signers.mockResolvedValue([signer('p0', 0, 'SENT'), signer('p1', 1, 'NOT_SENT')]);
    await service().svc.decline(me, 'r1', 'Fel siffror.');
    expect(s.moveSigner).toHaveBeenCalledWith({}, 'r1', 'p1', expect.objectContaining({ to: 'DECLINED' }), {
      declineReason: 'Fel siffror.',
    });
    expect(s.moveRequest).toHaveBeenCalledWith({}, 'r1', expect.objectContaining({ to: 'DECLINED' }));
    expect(audited()).toEqual([['signing.declined', { reason: 'Fel siffror.' }]]);
  });

  it('a decline needs a reason', async () => {
    await expect(service().svc.decline(me, 'r1', ' ')).rejects.toMatchObject({
      code: 'SIGNING_REASON_REQUIRED',
    });
  });
});
