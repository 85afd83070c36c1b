import { Client } from 'pg';
import { auditCheckpointKey, auditHead, writeAuditCheckpoint } from '@app/infra';
import { importBundle, TestApi, tenantBundle } from '../helpers/api';
import { sequenceAudit } from '../helpers/audit';

const VERIFY = 'query($o: ID!){ verifyAuditTrail(organisationId: $o){ valid entries reason } }';

/** The chain is anchored by signed checkpoints: cutting its newest entries no longer goes unnoticed. */
describe('audit trail: signed checkpoints', () => {
  let api: TestApi;
  let admin: string;
  let chef: string;
  let org: string;
  const key = auditCheckpointKey({ NODE_ENV: 'test' });

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.adminToken();
    // three imports, each a change, give the chain three entries
    for (const name of ['Ankaret', 'Ankaret I', 'Ankaret II'])
      org = (await importBundle(api, tenantBundle('ankaret', `Samordningsförbundet ${name}`), admin)).id;
    chef = await api.login('forbundschef@ankaret.example');
  });
  afterAll(() => api.close());

  const verify = async () =>
    (
      await api.ok<{ verifyAuditTrail: { valid: boolean; entries: number; reason: string | null } }>(
        VERIFY,
        { o: org },
        chef,
      )
    ).verifyAuditTrail;

  it('detects a direct DELETE of the newest entries after a checkpoint', async () => {
    await sequenceAudit(api.ds); // the checkpoint signs the sequenced chain's head
    const head = await api.ds.transaction((tx) => auditHead(tx, org));
    expect(head!.seq).toBeGreaterThanOrEqual(2);
    const cp = await api.ds.transaction((tx) => writeAuditCheckpoint(tx, org, key));
    expect(cp).toMatchObject({ organisationId: org, seq: head!.seq, hash: head!.hash });
    const before = await verify();
    expect(before).toMatchObject({ valid: true, entries: head!.seq });

    const su = new Client({ connectionString: process.env.DATABASE_SUPERUSER_URL });
    await su.connect();
    try {
      await su.query('BEGIN');
      await su.query('ALTER TABLE audit_entry DISABLE TRIGGER ALL');
      await su.query('DELETE FROM audit_entry WHERE organisation_id = $1 AND seq > $2', [org, head!.seq - 2]);
      await su.query('ALTER TABLE audit_entry ENABLE TRIGGER ALL');
      await su.query('COMMIT');
    } finally {
      await su.end();
    }

    const after = await verify();
    expect(after.valid).toBe(false);
    expect(after.entries).toBe(head!.seq - 2);
    expect(after.reason).toMatch(/before its checkpoint/);
  });

  it('detects a checkpoint whose signature does not hold', async () => {
    const su = new Client({ connectionString: process.env.DATABASE_SUPERUSER_URL });
    await su.connect();
    try {
      // a forged head further on than the real checkpoint, without the key's signature
      await su.query(
        `INSERT INTO audit_checkpoint (organisation_id, seq, hash, at, signature)
         SELECT organisation_id, seq + 10, hash, now(), $2 FROM audit_checkpoint WHERE organisation_id = $1`,
        [org, 'ab'.repeat(32)],
      );
    } finally {
      await su.end();
    }
    expect(await verify()).toMatchObject({ valid: false, reason: 'checkpoint signature does not hold' });
  });
});
