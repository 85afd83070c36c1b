import { decideRequest, decideSigner, REQUEST_TRANSITIONS, SIGNER_TRANSITIONS } from './signing-transitions';
import { RequestStatus, SignerState } from './signing-rules';

const STATUSES: RequestStatus[] = [
  'OPEN',
  'SEALING',
  'SEAL_FAILED',
  'COMPLETED',
  'CANCELLED',
  'DECLINED',
  'EXPIRED',
];
const STATES: SignerState[] = ['NOT_SENT', 'SENT', 'VIEWED', 'SIGNED', 'DECLINED'];

describe('signing request transitions', () => {
  it('an open request is sealed, declined, cancelled or expires; a sealing one completes', () => {
    expect(decideRequest('OPEN', 'seal')).toEqual({ ok: true, from: ['OPEN'], to: 'SEALING' });
    expect(decideRequest('OPEN', 'decline')).toMatchObject({ ok: true, to: 'DECLINED' });
    expect(decideRequest('OPEN', 'cancel')).toMatchObject({ ok: true, to: 'CANCELLED' });
    expect(decideRequest('OPEN', 'expire')).toMatchObject({ ok: true, to: 'EXPIRED' });
    expect(decideRequest('SEALING', 'complete')).toEqual({ ok: true, from: ['SEALING'], to: 'COMPLETED' });
  });

  it('a seal that fails for good says so, and only a failed seal is tried again', () => {
    expect(decideRequest('SEALING', 'sealFailed')).toEqual({
      ok: true,
      from: ['SEALING'],
      to: 'SEAL_FAILED',
    });
    expect(decideRequest('SEAL_FAILED', 'retrySeal')).toEqual({
      ok: true,
      from: ['SEAL_FAILED'],
      to: 'SEALING',
    });
    expect(decideRequest('OPEN', 'retrySeal').ok).toBe(false);
    expect(decideRequest('COMPLETED', 'sealFailed').ok).toBe(false);
  });

  it('refuses every other move, and final statuses stay final', () => {
    for (const s of STATUSES)
      for (const a of Object.keys(REQUEST_TRANSITIONS) as Array<keyof typeof REQUEST_TRANSITIONS>) {
        const allowed = REQUEST_TRANSITIONS[a].from.includes(s);
        expect(decideRequest(s, a).ok).toBe(allowed);
      }
    for (const s of ['COMPLETED', 'CANCELLED', 'DECLINED', 'EXPIRED'] as RequestStatus[])
      for (const a of ['seal', 'complete', 'sealFailed', 'retrySeal', 'decline', 'cancel', 'expire'] as const)
        expect(decideRequest(s, a)).toEqual({ ok: false, reason: 'INVALID_TRANSITION' });
    expect(decideRequest('SEALING', 'cancel').ok).toBe(false);
    expect(decideRequest('OPEN', 'complete').ok).toBe(false);
  });
});

describe('signer transitions', () => {
  it('a signer is sent, views, then signs or declines', () => {
    expect(decideSigner('NOT_SENT', 'send')).toMatchObject({ ok: true, to: 'SENT' });
    expect(decideSigner('SENT', 'view')).toMatchObject({ ok: true, to: 'VIEWED' });
    expect(decideSigner('VIEWED', 'sign')).toMatchObject({ ok: true, to: 'SIGNED' });
    expect(decideSigner('SENT', 'decline')).toMatchObject({ ok: true, to: 'DECLINED' });
    // declining before one's turn is allowed (the request then ends)
    expect(decideSigner('NOT_SENT', 'decline')).toMatchObject({ ok: true, to: 'DECLINED' });
  });

  it('a signature or a refusal is final; no second send or view', () => {
    for (const a of Object.keys(SIGNER_TRANSITIONS) as Array<keyof typeof SIGNER_TRANSITIONS>) {
      expect(decideSigner('SIGNED', a).ok).toBe(false);
      expect(decideSigner('DECLINED', a).ok).toBe(false);
    }
    expect(decideSigner('SENT', 'send').ok).toBe(false);
    expect(decideSigner('VIEWED', 'view').ok).toBe(false);
    for (const s of STATES) expect(decideSigner(s, 'view').ok).toBe(s === 'SENT');
  });
});
