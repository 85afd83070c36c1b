import { AUDIT_ACTIONS } from '../audit/audit-events';
import { SIGNING_EVENT_LABEL, signingEventLabel, swedishDateTime } from './signing-labels';

describe('signing certificate words', () => {
  it('names every signing and BankID audit action in Swedish', () => {
    const recorded = AUDIT_ACTIONS.filter((a) => a.startsWith('signing.') || a.startsWith('bankid.'));
    expect(recorded.filter((a) => !SIGNING_EVENT_LABEL[a])).toEqual([]);
    expect(signingEventLabel('something.new')).not.toContain('.');
  });

  it('writes times in Swedish time, winter and summer', () => {
    expect(swedishDateTime('2026-01-15T12:00:00Z')).toBe('2026-01-15 kl. 13:00:00');
    expect(swedishDateTime('2026-07-01T22:30:05Z')).toBe('2026-07-02 kl. 00:30:05');
  });
});
