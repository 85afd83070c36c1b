import { decideSign, groupFor, nextGroup, SignerView } from './signing-rules';

const open = { status: 'OPEN' as const, expiresAt: new Date('2026-12-31T00:00:00Z') };
const now = new Date('2026-11-23T00:00:00Z');
const signers = (mode: 'PARALLEL' | 'SEQUENTIAL' | 'GROUPS'): SignerView[] =>
  ['L1', 'L2', 'R1'].map((p, i) => ({
    personId: p,
    role: p.startsWith('R') ? 'REVISOR' : 'STYRELSELEDAMOT',
    position: i,
    group: groupFor(mode, i, p.startsWith('R') ? 'REVISOR' : 'STYRELSELEDAMOT'),
    state: 'SENT',
  }));

describe('signing rules', () => {
  it('lets everyone sign at once in parallel mode', () => {
    expect(decideSign(open, signers('PARALLEL'), 'R1', now)).toEqual({ ok: true });
  });

  it('refuses a signer out of turn in sequence, and revisorer before the ledamöter in groups', () => {
    expect(decideSign(open, signers('SEQUENTIAL'), 'L2', now)).toEqual({ ok: false, reason: 'OUT_OF_TURN' });
    const g = signers('GROUPS');
    expect(decideSign(open, g, 'L2', now)).toEqual({ ok: true });
    expect(decideSign(open, g, 'R1', now)).toEqual({ ok: false, reason: 'OUT_OF_TURN' });
    expect(
      decideSign(
        open,
        g.map((s) => (s.role === 'REVISOR' ? s : { ...s, state: 'SIGNED' as const })),
        'R1',
        now,
      ),
    ).toEqual({ ok: true });
  });

  it('refuses someone not on the list, a second signature, an expired or closed request', () => {
    const s = signers('PARALLEL');
    expect(decideSign(open, s, 'X', now)).toEqual({ ok: false, reason: 'NOT_ON_LIST' });
    expect(
      decideSign(
        open,
        s.map((x) => ({ ...x, state: 'SIGNED' as const })),
        'L1',
        now,
      ),
    ).toEqual({ ok: false, reason: 'ALREADY_SIGNED' });
    expect(decideSign({ ...open, expiresAt: new Date('2026-01-01') }, s, 'L1', now)).toEqual({
      ok: false,
      reason: 'EXPIRED',
    });
    expect(decideSign({ ...open, status: 'CANCELLED' }, s, 'L1', now)).toEqual({
      ok: false,
      reason: 'NOT_OPEN',
    });
  });

  it('asks the next group when the one before has signed', () => {
    const g = signers('GROUPS');
    expect(nextGroup(g)).toBe(0);
    expect(nextGroup(g.map((s) => (s.role === 'REVISOR' ? s : { ...s, state: 'SIGNED' as const })))).toBe(1);
    expect(nextGroup(g.map((s) => ({ ...s, state: 'SIGNED' as const })))).toBeNull();
  });
});
