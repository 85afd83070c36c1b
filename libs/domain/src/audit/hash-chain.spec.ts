import {
  AuditCheckpoint,
  AuditContent,
  AuditEntryWithHash,
  canonicalJson,
  checkpointKey,
  hashAuditContent,
  signCheckpoint,
  verifyChain,
  verifyChainAgainstCheckpoint,
} from './hash-chain';

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
      unsequenced: 0,
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

describe('audit checkpoints', () => {
  const key = checkpointKey('a secret outside the database');
  const signed = (c: AuditEntryWithHash[], seq: number) => {
    const checkpoint: AuditCheckpoint = {
      organisationId: 'o',
      seq,
      hash: c[seq - 1].hash,
      at: '2025-02-01T00:00:00.000Z',
    };
    return { checkpoint, signature: signCheckpoint(key, checkpoint) };
  };

  it('accepts a chain that reaches and matches its checkpoint (and one without a checkpoint)', () => {
    const c = chain(5);
    expect(verifyChainAgainstCheckpoint(c, signed(c, 3), key).valid).toBe(true);
    expect(verifyChainAgainstCheckpoint(c, signed(c, 5), key).valid).toBe(true);
    expect(verifyChainAgainstCheckpoint(c, null, key).valid).toBe(true);
  });

  it('detects deleted newest entries (the chain is shorter than its checkpoint)', () => {
    const c = chain(5);
    const cp = signed(c, 5);
    const r = verifyChainAgainstCheckpoint(c.slice(0, 3), cp, key);
    expect(r.valid).toBe(false);
    expect(r.reason).toMatch(/before its checkpoint at 5/);
  });

  it('detects a chain whose hashes were recomputed after the checkpoint', () => {
    const c = chain(5);
    const cp = signed(c, 4);
    const altered: AuditContent = { ...c[0], payload: { n: 1, text: 'ändrad' } };
    const rebuilt: AuditEntryWithHash[] = [];
    for (const e of [altered, ...c.slice(1)]) {
      const { id: _id, hash: _h, ...content } = e as AuditEntryWithHash;
      const next = { ...content, prevHash: rebuilt.at(-1)?.hash ?? null };
      rebuilt.push({ ...next, id: `e${next.seq}`, hash: hashAuditContent(next) });
    }
    expect(verifyChain(rebuilt).valid).toBe(true);
    const r = verifyChainAgainstCheckpoint(rebuilt, cp, key);
    expect(r).toMatchObject({ valid: false, firstInvalidEntryId: 'e4' });
  });

  it('detects a checkpoint not signed with the key', () => {
    const c = chain(5);
    const cp = signed(c, 3);
    const r = verifyChainAgainstCheckpoint(
      c,
      { ...cp, signature: signCheckpoint(checkpointKey('other'), cp.checkpoint) },
      key,
    );
    expect(r).toMatchObject({ valid: false, reason: 'checkpoint signature does not hold' });
    expect(verifyChainAgainstCheckpoint(c, { ...cp, signature: 'zz' }, key).valid).toBe(false);
  });
});
