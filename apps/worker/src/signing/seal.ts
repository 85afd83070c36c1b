import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import forge from 'node-forge';
import PDFDocument from 'pdfkit';
import { PDFDocument as LibDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import signpdf from '@signpdf/signpdf';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  appendAudit,
  decidePlanFromSealedReport,
  enqueueJob,
  JobName,
  FileStorage,
  returningRows,
  rowToAuditEntry,
  SEAL_MARKER,
} from '@app/infra';
import { sealPassphrase } from './seal-key';

const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export { SEAL_MARKER };

/**
 * The förbund's sealing certificate: a real one from SEAL_P12_PATH, or a self-signed one made on first use
 * (demo and tests), kept beside the files with a passphrase derived from the server's secret.
 */
export function sealCertificate(
  config: AppConfig,
  organisationId: string,
  organisationName: string,
): { p12: Buffer; passphrase: string } {
  if (config.SEAL_P12_PATH)
    return { p12: readFileSync(config.SEAL_P12_PATH), passphrase: config.SEAL_P12_PASSPHRASE ?? '' };
  const passphrase = sealPassphrase(config, organisationId);
  const file = join(config.FILE_STORAGE_DIR, 'seal', `${organisationId}.p12`);
  if (existsSync(file)) return { p12: readFileSync(file), passphrase };
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(8));
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000);
  // Plain ASCII names: NSS (used by pdfsig) rejects the UTF8String attributes node-forge writes.
  const ascii = (v: string) =>
    v
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '');
  const attrs = [
    { name: 'commonName', value: ascii(`${organisationName} (sigill)`) },
    { name: 'organizationName', value: ascii(organisationName) },
    { name: 'countryName', value: 'SE' },
  ];
  cert.setSubject(attrs as forge.pki.CertificateField[]);
  cert.setIssuer(attrs as forge.pki.CertificateField[]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, { algorithm: '3des' });
  const p12 = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, p12, { mode: 0o600 });
  return { p12, passphrase };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(parts);
}

const METHOD: Record<string, string> = {
  TOTP: 'lösenord + engångskod',
  PASSKEY: 'passkey',
  BANKID: 'BankID',
};
const EVENT: Record<string, string> = {
  'signing.created': 'Signeringsbegäran skapad',
  'signing.override': 'Kontroller förbigångna med motivering',
  'signing.sent': 'Skickad för underskrift',
  'signing.viewed': 'Dokumentet öppnat',
  'signing.signed': 'Undertecknat',
  'signing.attempt_refused': 'Försök att underteckna avvisat',
  'signing.sealed': 'Förseglat',
};
const TITLE: Record<string, string> = { ORDFORANDE: 'ordförande', VICE_ORDFORANDE: 'vice ordförande' };
const REFUSAL: Record<string, string> = {
  OUT_OF_TURN: 'inte i tur',
  NOT_ON_LIST: 'inte bland undertecknarna',
  ALREADY_SIGNED: 'redan undertecknat',
  EXPIRED: 'begäran har gått ut',
  NOT_OPEN: 'begäran är inte öppen',
  BAD_CREDENTIALS: 'fel lösenord eller kod',
  CODE_REUSED: 'engångskoden redan använd',
  DECLINED: 'har avböjt',
  TOTP_NOT_SET_UP: 'engångskod saknas',
};

/** The signing certificate page(s): every event with time, method and the document's SHA-256. */
async function certificatePages(input: {
  title: string;
  organisation: string;
  documentSha256: string;
  requestId: string;
  signers: Array<{ name: string; role: string; title: string | null; signed_at: Date; method: string }>;
  events: Array<{ at: string; action: string; actor: string | null; payload: Record<string, unknown> }>;
}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  doc.registerFont('regular', join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const parts: Buffer[] = [];
  doc.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(parts))));
  doc.font('bold').fontSize(17).fillColor('#1f4e79').text('Signeringsintyg');
  doc
    .moveDown(0.4)
    .font('regular')
    .fontSize(10)
    .fillColor('#1a1a1a')
    .text(`${input.title} – ${input.organisation}`);
  doc
    .fontSize(8.5)
    .fillColor('#5a5a5a')
    .text(`Dokumentets SHA-256: ${input.documentSha256}`)
    .text(`Signeringsbegäran: ${input.requestId}`);
  doc
    .moveDown(0.8)
    .font('bold')
    .fontSize(11)
    .fillColor('#1a1a1a')
    .text(`Underskrifter (${input.signers.length})`);
  for (const s of input.signers) {
    doc
      .font('regular')
      .fontSize(9.5)
      .text(
        `${s.name}, ${(s.title && TITLE[s.title]) ?? s.title ?? (s.role === 'REVISOR' ? 'revisor' : 'ledamot')} – undertecknat ${new Date(s.signed_at).toISOString().replace('T', ' ').slice(0, 19)} UTC med ${METHOD[s.method] ?? s.method}`,
      );
  }
  doc.moveDown(0.8).font('bold').fontSize(11).text('Händelser');
  for (const e of input.events) {
    const what = EVENT[e.action] ?? e.action;
    const reason = e.payload.reason ? String(e.payload.reason) : null;
    const detail = [
      e.actor ?? (e.payload.to ? `till ${String(e.payload.to)}` : null),
      e.payload.method ? METHOD[String(e.payload.method)] : null,
      reason
        ? e.action === 'signing.attempt_refused'
          ? (REFUSAL[reason] ?? reason)
          : `motivering: ${reason}`
        : null,
    ]
      .filter(Boolean)
      .join(', ');
    doc
      .font('regular')
      .fontSize(8.5)
      .text(`${e.at.replace('T', ' ').slice(0, 19)} UTC  ${what}${detail ? ` (${detail})` : ''}`);
  }
  doc
    .moveDown(0.8)
    .fontSize(8)
    .fillColor('#5a5a5a')
    .text(
      'Hela filen är försedd med förbundets elektroniska sigill (PAdES). Varje ändring av en enda byte gör sigillet ogiltigt; kontrollera med verifyDocument eller ett verktyg som pdfsig.',
    );
  doc.end();
  return done;
}

/**
 * Seals a fully signed request: the report, then the signing certificate page, then a PAdES signature over the
 * whole file. Idempotent: a request already sealed is left as it is.
 */
export async function sealSigningRequest(
  ds: DataSource,
  storage: FileStorage,
  config: AppConfig,
  requestId: string,
): Promise<'SEALED' | 'ALREADY_SEALED'> {
  const [req] = await ds.query(
    `SELECT r.*, o.name AS org_name, rep.kind, rep.year, rep.version AS report_version, f.sha256 AS doc_sha
       FROM signing_request r JOIN organisation o ON o.id = r.organisation_id JOIN report rep ON rep.id = r.report_id JOIN stored_file f ON f.id = r.document_file_id
      WHERE r.id = $1`,
    [requestId],
  );
  if (!req) throw new Error(`signing request ${requestId} not found`);
  if (req.status === 'COMPLETED') return 'ALREADY_SEALED';
  const signers = await ds.query(
    `SELECT name, role, title, signed_at, method FROM signing_signer WHERE request_id = $1 ORDER BY position`,
    [requestId],
  );
  const events = (await ds.query(
    `SELECT a.*, p.name AS actor_name FROM audit_entry a LEFT JOIN person p ON p.id = a.actor_id
      WHERE a.entity_type = 'signing_request' AND a.entity_id = $1 ORDER BY a.seq`,
    [requestId],
  )) as Array<Parameters<typeof rowToAuditEntry>[0] & { actor_name: string | null }>;
  const title = `${req.kind === 'ARSREDOVISNING' ? 'Årsredovisning' : 'Delårsrapport'} ${req.year} (version ${req.report_version})`;
  const cert = await certificatePages({
    title,
    organisation: req.org_name,
    documentSha256: req.document_sha256,
    requestId,
    signers,
    events: events.map((e) => ({
      at: new Date(e.at).toISOString(),
      action: e.action,
      actor: e.actor_name,
      payload: (e.payload ?? {}) as Record<string, unknown>,
    })),
  });
  const report = await readAll(storage.open(req.doc_sha));
  const merged = await LibDocument.load(report);
  const certDoc = await LibDocument.load(cert);
  for (const p of await merged.copyPages(certDoc, certDoc.getPageIndices())) merged.addPage(p);
  pdflibAddPlaceholder({
    pdfDoc: merged,
    reason: `${SEAL_MARKER} ${req.report_id} (request ${requestId})`,
    contactInfo: 'Samordningsplattformen',
    name: req.org_name,
    location: 'Sverige',
    signatureLength: 16384,
  });
  const withPlaceholder = Buffer.from(await merged.save({ useObjectStreams: false }));
  const { p12, passphrase } = sealCertificate(config, req.organisation_id, req.org_name);
  const sealed = await signpdf.sign(withPlaceholder, new P12Signer(p12, { passphrase }));
  const put = await storage.put(Readable.from([sealed]));
  const prefix = {
    ARSREDOVISNING: 'arsredovisning',
    DELARSRAPPORT: 'delarsrapport',
    VERKSAMHETSPLAN: 'verksamhetsplan',
  };
  const name = `${prefix[req.kind as keyof typeof prefix] ?? 'rapport'}-${req.year}-v${req.report_version}-signerad.pdf`;
  return ds.transaction(async (em) => {
    const [f] = await em.query(
      `INSERT INTO stored_file (organisation_id, sha256, size, content_type, original_name, purpose) VALUES ($1,$2,$3,'application/pdf',$4,'sealed') RETURNING id`,
      [req.organisation_id, put.sha256, put.size, name],
    );
    // returningRows: TypeORM answers UPDATE … RETURNING with [rows, count], so a plain .length is always 2.
    const done = await returningRows(
      em,
      `UPDATE signing_request SET status = 'COMPLETED', sealed_file_id = $2, sealed_sha256 = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'SEALING' RETURNING id`,
      [requestId, f.id, put.sha256],
    );
    if (!done.length) return 'ALREADY_SEALED' as const;
    await appendAudit(em, {
      organisationId: req.organisation_id,
      actorId: null,
      action: 'signing.sealed',
      entityType: 'signing_request',
      entityId: requestId,
      fromState: 'SEALING',
      toState: 'COMPLETED',
      payload: { sealedFileId: f.id, signers: signers.length },
      documentHash: put.sha256,
    });
    // A signed verksamhetsplan is decided: its budget, goals and mätpunkter become the year's.
    await decidePlanFromSealedReport(em, req.report_id, stockholmDate(new Date()));
    // Anchor the förbund's audit chain right after the seal, not only at the next hourly checkpoint.
    await enqueueJob(em, JobName.AUDIT_CHECKPOINT, {
      organisationId: req.organisation_id,
      reason: requestId,
    });
    return 'SEALED' as const;
  });
}

/** A date as Swedes read it that day: Europe/Stockholm, not UTC. */
function stockholmDate(d: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(d);
}
