import {
  AuditCheckpoint,
  AuditContent,
  AuditEntryWithHash,
  AuditRecord,
  canonicalJson,
  chainLinkHash,
  checkpointKey,
  hashAuditContent,
  hashEntryContent,
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

/** Entries as the sequencer writes them: content hash at insert, the link filled later (`sequenced` of them). */
function sequencedChain(n: number, sequenced = n, legacy: AuditEntryWithHash[] = []): AuditRecord[] {
  const out: AuditRecord[] = [...legacy];
  for (let i = 1; i <= n; i++) {
    const content = {
      organisationId: 'o',
      at: new Date(Date.now() - (n - i) * 1000).toISOString(),
      actorId: 'a',
      action: 'x',
      entityType: 't',
      entityId: String(i),
      fromState: null,
      toState: null,
      payload: { n: i, text: 'åäö' },
      documentHash: null,
    };
    const contentHash = hashEntryContent(content);
    const prev = out.at(-1);
    if (i > sequenced) {
      out.push({ ...content, id: `s${i}`, contentHash, seq: null, prevHash: null, hash: null });
      continue;
    }
    const seq = (prev?.seq ?? 0) + 1;
    const prevHash = prev?.hash ?? null;
    out.push({
      ...content,
      id: `s${i}`,
      contentHash,
      seq,
      prevHash,
      hash: chainLinkHash({ seq, prevHash, contentHash }),
    });
  }
  return out;
}

describe('audit chain written by the sequencer', () => {
  it('verifies a chain of content hashes and links, also one continuing a legacy chain', () => {
    expect(verifyChain(sequencedChain(4))).toMatchObject({ valid: true, entries: 4, unsequenced: 0 });
    expect(verifyChain(sequencedChain(4, 4, chain(3)))).toMatchObject({ valid: true, entries: 7 });
  });

  it('checks entries not yet sequenced by their content hash, and counts them', () => {
    expect(verifyChain(sequencedChain(5, 3))).toMatchObject({ valid: true, entries: 5, unsequenced: 2 });
    const c = sequencedChain(5, 3);
    c[4] = { ...c[4], payload: { n: 99 } };
    expect(verifyChain(c)).toMatchObject({
      valid: false,
      firstInvalidEntryId: 's5',
      reason: 'content does not match its hash',
    });
  });

  it('reports an entry left unsequenced beyond the bound', () => {
    const c = sequencedChain(3, 2);
    const later = new Date(Date.now() + 10 * 60_000);
    expect(verifyChain(c, { now: later })).toMatchObject({ valid: false, firstInvalidEntryId: 's3' });
    expect(verifyChain(c, { now: later, maxUnsequencedMs: 3600_000 }).valid).toBe(true);
  });

  it('names an entry whose content, content hash or link was changed', () => {
    const content = sequencedChain(4);
    content[1] = { ...content[1], action: 'y' };
    expect(verifyChain(content)).toMatchObject({
      firstInvalidEntryId: 's2',
      reason: 'content does not match its hash',
    });
    const rehashed = sequencedChain(4);
    rehashed[1] = {
      ...rehashed[1],
      action: 'y',
      contentHash: hashEntryContent({ ...rehashed[1], action: 'y' }),
    };
    expect(verifyChain(rehashed)).toMatchObject({
      firstInvalidEntryId: 's2',
      reason: 'chain link does not match its hash',
    });
    const relinked = sequencedChain(4);
    relinked[2] = { ...relinked[2], hash: 'f'.repeat(64) };
    expect(verifyChain(relinked)).toMatchObject({ valid: false, firstInvalidEntryId: 's3' });
    const reordered = sequencedChain(4);
    [reordered[1], reordered[2]] = [reordered[2], reordered[1]];
    expect(verifyChain(reordered)).toMatchObject({ valid: false, firstInvalidEntryId: 's3' });
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
