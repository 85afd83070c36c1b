import { AuditContent, AuditEntryWithHash, canonicalJson, hashAuditContent, verifyChain } from './hash-chain';

function chain(n: number): AuditEntryWithHash[] {
  const out: AuditEntryWithHash[] = [];
  for (let i = 1; i <= n; i++) {
    const content: AuditContent = {
      organisationId: 'o',
      seq: i,
      at: new Date(Date.UTC(2025, 0, i)).toISOString(),
      actorId: 'a',
      action: 'x',
      entityType: 't',
      entityId: String(i),
      fromState: null,
      toState: null,
      payload: { n: i, text: 'åäö' },
      documentHash: null,
      prevHash: out.at(-1)?.hash ?? null,
    };
    out.push({ ...content, id: `e${i}`, hash: hashAuditContent(content) });
  }
  return out;
}

describe('audit hash chain', () => {
  it('canonicalises key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(chain(5))).toEqual({
      valid: true,
      entries: 5,
      firstInvalidEntryId: null,
      reason: null,
    });
  });

  it('names the first altered entry', () => {
    const c = chain(5);
    c[2] = { ...c[2], payload: { n: 99 } };
    const r = verifyChain(c);
    expect(r.valid).toBe(false);
    expect(r.firstInvalidEntryId).toBe('e3');
  });

  it('notices a removed entry', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c).firstInvalidEntryId).toBe('e3');
  });
});
