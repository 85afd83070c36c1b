import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { swedishDateTime } from '@app/domain';
import { appendAudit, enqueueJob, JobName, loadConfig, LocalDiskStorage } from '@app/infra';
import { der, OID, parseSignedData } from '../../libs/infra/src/signing/cms';
import { readTstInfo } from '../../libs/infra/src/signing/tsa-client';
import { parentTreeGaps, unmarkedPainting } from '../../libs/reporting/src/render/__fixtures__/pdf-probe';
import {
  AUDIT_HEAD_HASH_KEY,
  AUDIT_HEAD_SEQ_KEY,
  sealSigningRequest,
} from '../../apps/worker/src/signing/seal';
import { SEAL_FAILED_REASON, SealSignedDocumentHandler } from '../../apps/worker/src/reports/seal.handler';
import { FakeCa } from '../helpers/fake-ca';
import { codes, importBundle, tenantBundle, TestApi } from '../helpers/api';
import { FakeTsa } from '../helpers/fake-tsa';
import { startWorker } from '../helpers/worker';
import { compiledPlanReport, savedDemoPlan } from '../helpers/plan';
import { sequenceAudit } from '../helpers/audit';

const run = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '');
  }
};

/** The CMS in the sealed PDF's /Contents, without the zero padding. */
function cmsOf(pdf: Buffer): Buffer {
  const hex = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(pdf.toString('latin1'))![1];
  return der.toBuffer(der.fromBuffer(Buffer.from(hex, 'hex'), true));
}

/**
 * The seal is PAdES baseline B-T (issue 14): ETSI.CAdES.detached, signing-certificate-v2 and a signature
 * timestamp from the TSA at TSA_URL (here a FAKE TSA the test starts). The sealed PDF also anchors the
 * förbund's audit chain (issue 11): the head at sealing is on the signeringsintyg and in the metadata.
 */
describe('PAdES B-T seal with a timestamp, anchoring the audit chain', () => {
  const tsa = new FakeTsa();
  const ca = new FakeCa();
  const tmp = mkdtempSync(join(tmpdir(), 'pades-seal-'));
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: string;
  let chef: string;

  beforeAll(async () => {
    await tsa.start();
    await ca.start();
    process.env.TSA_URL = tsa.url;
    api = await TestApi.start();
    worker = await startWorker();
    org = (await importBundle(api, tenantBundle('pades', 'Samordningsförbundet Pades'))).id;
    chef = await api.login('forbundschef@pades.example');
    await savedDemoPlan(api, org, chef);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await tsa.stop();
    await ca.stop();
    delete process.env.TSA_URL;
  });

  /** A compiled verksamhetsplan whose signers have all signed: the request waits for its seal. */
  async function signedRequest(enqueueSeal = true): Promise<string> {
    const reportId = await compiledPlanReport(api, org, chef);
    const { createSigningRequest: req } = await api.ok<{ createSigningRequest: { id: string } }>(
      'mutation($r: ID!){ createSigningRequest(reportId: $r){ id } }',
      { r: reportId },
      chef,
    );
    // The signatures themselves are the signing suite's subject: here they are recorded as the service does.
    const signers = (await api.ds.query(
      'SELECT person_id FROM signing_signer WHERE request_id = $1 ORDER BY position',
      [req.id],
    )) as Array<{ person_id: string }>;
    await api.ds.transaction(async (em) => {
      for (const s of signers) {
        await appendAudit(em, {
          organisationId: org,
          actorId: s.person_id,
          action: 'signing.signed',
          entityType: 'signing_request',
          entityId: req.id,
          payload: { method: 'TOTP' },
        });
      }
      await em.query(
        `UPDATE signing_signer SET state = 'SIGNED', signed_at = now(), method = 'TOTP' WHERE request_id = $1`,
        [req.id],
      );
      await em.query(`UPDATE signing_request SET status = 'SEALING' WHERE id = $1`, [req.id]);
      if (enqueueSeal) await enqueueJob(em, JobName.SEAL_SIGNED_DOCUMENT, { requestId: req.id });
    });
    return req.id;
  }

  async function sealedPdf(requestId: string): Promise<Buffer> {
    for (let i = 0; i < 600; i++) {
      const [r] = await api.ds.query(
        `SELECT r.status, f.sha256 FROM signing_request r LEFT JOIN stored_file f ON f.id = r.sealed_file_id WHERE r.id = $1`,
        [requestId],
      );
      if (r.status === 'COMPLETED') {
        const [file] = await api.ds.query('SELECT sealed_file_id FROM signing_request WHERE id = $1', [
          requestId,
        ]);
        const res = await api.download(file.sealed_file_id, chef);
        expect(res.status).toBe(200);
        return res.body;
      }
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('the request was not sealed');
  }

  it('pdfsig reads ETSI.CAdES.detached, valid and covering the whole file; the CMS has signing-certificate-v2 and a timestamp over its signature', async () => {
    const requestId = await signedRequest();
    const pdf = await sealedPdf(requestId);
    const file = join(tmp, 'sealed.pdf');
    writeFileSync(file, pdf);

    // poppler 22.12's pdfsig names the sub-filter and checks the signature; it prints nothing about timestamps
    const sig = run('pdfsig', [file]);
    expect(sig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');

    const cms = parseSignedData(cmsOf(pdf));
    expect(cms.signedAttributes.has(OID.signingTime)).toBe(false);
    const essCertId = der.children(
      der.children(der.children(cms.signedAttributes.get(OID.signingCertificateV2)!)[0])[0],
    );
    expect(der.bytes(essCertId[0])).toEqual(createHash('sha256').update(cms.certificates[0]).digest());

    // the timestamp: asked of the TSA at TSA_URL, over the signature value, verified by OpenSSL against its certificate
    expect(tsa.requests.length).toBeGreaterThanOrEqual(1);
    const token = der.toBuffer(cms.unsignedAttributes.get(OID.signatureTimeStampToken)!);
    expect(readTstInfo(token).messageImprint).toEqual(
      createHash('sha256').update(cms.signatureValue).digest(),
    );
    writeFileSync(join(tmp, 'token.der'), token);
    writeFileSync(join(tmp, 'sig.bin'), cms.signatureValue);
    writeFileSync(join(tmp, 'tsa.pem'), tsa.certificatePem);
    const ts = run('openssl', [
      'ts',
      '-verify',
      '-token_in',
      '-in',
      join(tmp, 'token.der'),
      '-data',
      join(tmp, 'sig.bin'),
      '-CAfile',
      join(tmp, 'tsa.pem'),
    ]);
    expect(ts).toContain('Verification: OK');

    // one changed byte: pdfsig says the document was altered
    const altered = Buffer.from(pdf);
    altered[Math.floor(altered.length / 3)] ^= 0x01;
    writeFileSync(join(tmp, 'altered.pdf'), altered);
    expect(run('pdfsig', [join(tmp, 'altered.pdf')])).toContain('Digest Mismatch');
  });

  it("writes the förbund's audit head at sealing onto the signeringsintyg and into the metadata, every event in words and Swedish time", async () => {
    const requestId = await signedRequest();
    const pdf = await sealedPdf(requestId);
    const file = join(tmp, 'anchored.pdf');
    writeFileSync(file, pdf);

    const info = run('pdfinfo', ['-custom', file]);
    const seq = Number(new RegExp(`${AUDIT_HEAD_SEQ_KEY}:\\s*(\\d+)`).exec(info)![1]);
    const hash = new RegExp(`${AUDIT_HEAD_HASH_KEY}:\\s*([0-9a-f]{64})`).exec(info)![1];
    // the head at sealing: the entry the seal's own audit entry was chained to
    await sequenceAudit(api.ds);
    const [sealedEntry] = await api.ds.query(
      `SELECT seq, prev_hash, payload FROM audit_entry WHERE entity_id = $1 AND action = 'signing.sealed'`,
      [requestId],
    );
    expect(Number(sealedEntry.seq)).toBe(seq + 1);
    expect(sealedEntry.prev_hash).toBe(hash);
    const [atSeq] = await api.ds.query(
      'SELECT hash FROM audit_entry WHERE organisation_id = $1 AND seq = $2',
      [org, seq],
    );
    expect(atSeq.hash).toBe(hash);
    expect(sealedEntry.payload).toEqual(expect.objectContaining({ level: 'B-T', auditHead: { seq, hash } }));

    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
    const intyg = run('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-']);
    expect(intyg).toContain('Signeringsintyg');
    expect(intyg.replace(/\s+/g, '')).toContain(`nr${seq},kedjehash(SHA-256)${hash}`);
    expect(intyg).toContain('svensk tid');
    expect(intyg).toContain('PAdES baslinje B-T');
    const events = (await api.ds.query(
      `SELECT at, action FROM audit_entry WHERE entity_type = 'signing_request' AND entity_id = $1 AND action <> 'signing.sealed' ORDER BY seq, insert_order`,
      [requestId],
    )) as Array<{ at: Date; action: string }>;
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['signing.created', 'signing.sent', 'signing.signed']),
    );
    for (const words of ['Signeringsbegäran skapad', 'Skickad för underskrift', 'Undertecknat'])
      expect(intyg).toContain(words);
    expect(intyg).toContain(swedishDateTime(events[0].at));
    expect(intyg).not.toMatch(/signing\.[a-z_]+|UTC/);
  });

  it('keeps the sealed file tagged: the signeringsintyg sits in the structure tree after the report, with page labels of its own', async () => {
    const requestId = await signedRequest();
    const file = join(tmp, 'tagged.pdf');
    writeFileSync(file, await sealedPdf(requestId));
    expect(run('pdfinfo', [file])).toMatch(/Tagged:\s+yes/);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
    // the intyg's heading, list and text are reachable through the structure tree, after the report's content
    const struct = run('pdfinfo', ['-struct-text', file]);
    const intyg = struct.indexOf('"Signeringsintyg"');
    expect(intyg).toBeGreaterThan(0);
    expect(struct.slice(intyg)).toMatch(/H2[\s\S]*"Underskrifter \(\d+\)"[\s\S]*\bL\b[\s\S]*LI[\s\S]*LBody/);
    expect(struct.slice(0, intyg)).toContain('Document');
    // every page's content is tagged or an artifact, and the tree reaches every marked piece, intyg included
    const bytes = readFileSync(file);
    expect(await unmarkedPainting(bytes)).toEqual([]);
    expect(await parentTreeGaps(bytes)).toEqual([]);
    const pdf = bytes.toString('latin1');
    // the report's "Sida N av M" stays true: the intyg's pages are labelled and numbered on their own
    const last = run('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-']);
    expect(last).toMatch(/Signeringsintyg, sida 1 av 1/);
    const before = run('pdftotext', ['-f', String(pages - 1), '-l', String(pages - 1), file, '-']);
    expect(before).toContain(`Sida ${pages - 1} av ${pages - 1}`);
    expect(pdf).toMatch(/\/PageLabels/);
    expect(
      run('pdffonts', [file])
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() && !/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/.test(l)),
    ).toEqual([]);
  });

  it('reaches B-LT with a CA-issued seal certificate: its CRL is fetched, checked and embedded in a DSS after the signature', async () => {
    const requestId = await signedRequest(false);
    const p12 = join(tmp, 'seal.p12');
    writeFileSync(p12, ca.issueSealP12('Samordningsforbundet Pades (sigill)', 'seal-pass').p12);
    const config = {
      ...loadConfig(),
      SEAL_P12_PATH: p12,
      SEAL_P12_PASSPHRASE: 'seal-pass',
      TSA_URL: tsa.url,
    };
    const storage = new LocalDiskStorage(config.FILE_STORAGE_DIR);
    expect(await sealSigningRequest(api.ds, storage, config, requestId)).toBe('SEALED');
    expect(ca.crlFetches).toBeGreaterThanOrEqual(1);
    const pdf = await sealedPdf(requestId);
    const file = join(tmp, 'lt.pdf');
    writeFileSync(file, pdf);

    // the DSS is an incremental update after the signature: the signature stays valid over its ranges
    const sig = run('pdfsig', [file]);
    expect(sig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(pdf.toString('latin1')).toMatch(/\/Type \/DSS \/Certs \[(\d+ 0 R ?){3}\] \/CRLs \[\d+ 0 R\]/);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
    expect(run('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-'])).toContain(
      'PAdES baslinje B-LT',
    );
    const [sealedEntry] = await api.ds.query(
      `SELECT payload FROM audit_entry WHERE entity_id = $1 AND action = 'signing.sealed'`,
      [requestId],
    );
    expect(sealedEntry.payload.level).toBe('B-LT');
  });

  it('a seal that fails for good ends SEAL_FAILED with a reason, and the förbundschef tries it again', async () => {
    const requestId = await signedRequest(false);
    // A worker whose TSA cannot be reached, on its last attempt.
    const broken = new SealSignedDocumentHandler(api.ds, {
      ...loadConfig(),
      TSA_URL: 'http://127.0.0.1:9/tsa',
    });
    const lastAttempt = { attemptsMade: 7, opts: { attempts: 8 } } as never;
    await expect(broken.handle({ requestId }, lastAttempt)).rejects.toThrow();
    const [failed] = await api.ds.query('SELECT status, failure_reason FROM signing_request WHERE id = $1', [
      requestId,
    ]);
    expect(failed).toEqual({ status: 'SEAL_FAILED', failure_reason: SEAL_FAILED_REASON });
    const [audit] = await api.ds.query(
      "SELECT to_state FROM audit_entry WHERE action = 'signing.seal_failed' AND entity_id = $1",
      [requestId],
    );
    expect(audit).toEqual({ to_state: 'SEAL_FAILED' });
    // Another förbund's person or a ledamot may not retry; the förbundschef may, and the running worker seals.
    const ledamot = await api.login('ledamot1@pades.example');
    const RETRY = 'mutation($r: ID!){ retrySealing(requestId: $r){ status failureReason } }';
    expect(codes(await api.gql(RETRY, { r: requestId }, ledamot))).toEqual(['FORBIDDEN']);
    const retried = await api.ok<{ retrySealing: { status: string; failureReason: string | null } }>(
      RETRY,
      { r: requestId },
      chef,
    );
    expect(retried.retrySealing).toEqual({ status: 'SEALING', failureReason: null });
    const pdf = await sealedPdf(requestId);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Nothing to retry once sealed.
    expect(codes(await api.gql(RETRY, { r: requestId }, chef))).toEqual(['INVALID_TRANSITION']);
  });
});
