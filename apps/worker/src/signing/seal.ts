import { Readable } from 'node:stream';
import { PDFDict, PDFDocument as LibDocument, PDFName, PDFString } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REPORT_KIND_LABEL, REQUEST_TRANSITIONS, swedishDate } from '@app/domain';
import {
  AppConfig,
  appendAudit,
  addLongTermValidation,
  auditHead,
  sequenceAuditChain,
  collectValidationData,
  decidePlanFromSealedReport,
  enqueueJob,
  JobName,
  FileStorage,
  PADES_SUBFILTER,
  PadesLevel,
  PadesSigner,
  readP12,
  SEAL_MARKER,
  UnitOfWork,
} from '@app/infra';
import { sealCertificate } from './seal-key';
import { appendTaggedPages } from './append-tagged';
import { certificatePages } from './seal-certificate';
import * as store from './seal.store';

export { SEAL_MARKER };

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(parts);
}

const logger = new Logger('Seal');

/** Info-dictionary keys of a sealed PDF that anchor the förbund's audit chain (read with `pdfinfo -custom`). */
export const AUDIT_HEAD_SEQ_KEY = 'SamordningAuditHeadSeq';
export const AUDIT_HEAD_HASH_KEY = 'SamordningAuditHeadHash';

/**
 * Seals a fully signed request: the report, then the signing certificate page, then a PAdES signature over the
 * whole file (B-T with a timestamp from TSA_URL, B-B without, B-LT when the certificate names its CRLs). The
 * förbund's audit chain head at that moment is printed on the certificate page and written into the
 * document's metadata (the seal's own audit entry then chains to it). Idempotent: a request already sealed is
 * left as it is.
 */
export async function sealSigningRequest(
  ds: DataSource,
  storage: FileStorage,
  config: AppConfig,
  requestId: string,
): Promise<'SEALED' | 'ALREADY_SEALED'> {
  const uow = new UnitOfWork(ds);
  const req = await uow.read((tx) => store.findSealRequest(tx, requestId));
  if (!req) throw new Error(`signing request ${requestId} not found`);
  if (req.status === 'COMPLETED') return 'ALREADY_SEALED';
  // The head the certificate names covers every entry committed so far (the signatures' included).
  await sequenceAuditChain(ds, req.organisation_id);
  const [signers, events, head] = await uow.read((tx) =>
    Promise.all([
      store.sealSigners(tx, requestId),
      store.sealEvents(tx, requestId),
      auditHead(tx, req.organisation_id),
    ]),
  );
  const { p12, passphrase } = await uow.read((tx) =>
    sealCertificate(tx, config, req.organisation_id, req.org_name),
  );
  const key = readP12(p12, passphrase);
  const signer = new PadesSigner(key, config.TSA_URL);
  // B-LT when the seal certificate's chain names revocation lists: fetched and checked before signing, so a
  // revoked certificate never seals. A self-signed seal has none and stays B-T.
  const validation =
    signer.level === 'B-T' ? await collectValidationData([key.certificate, ...(key.chain ?? [])]) : null;
  const level: PadesLevel = validation ? 'B-LT' : signer.level;
  if (level === 'B-B')
    logger.warn(
      `sealing request ${requestId} at PAdES B-B: no TSA_URL set, so the seal carries no timestamp`,
    );
  const sealedAt = new Date();
  const title = `${REPORT_KIND_LABEL[req.kind] ?? 'Rapport'} ${req.year} (version ${req.report_version})`;
  const cert = await certificatePages({
    title,
    organisation: req.org_name,
    documentSha256: req.document_sha256,
    requestId,
    signers,
    events,
    auditHead: head,
    sealedAt,
    level,
  });
  const report = await readAll(storage.open(req.doc_sha));
  // The report's own metadata (and its XMP, which PDF/A keeps equal to it) stays as the report wrote it.
  const merged = await LibDocument.load(report, { updateMetadata: false });
  await appendTaggedPages(merged, await LibDocument.load(cert), 'Signeringsintyg ');
  if (head) {
    const { context } = merged;
    const info = context.trailerInfo.Info
      ? context.lookup(context.trailerInfo.Info, PDFDict)
      : context.obj({});
    if (!context.trailerInfo.Info) context.trailerInfo.Info = context.register(info);
    info.set(PDFName.of(AUDIT_HEAD_SEQ_KEY), PDFString.of(String(head.seq)));
    info.set(PDFName.of(AUDIT_HEAD_HASH_KEY), PDFString.of(head.hash));
  }
  pdflibAddPlaceholder({
    pdfDoc: merged,
    reason: `${SEAL_MARKER} ${req.report_id} (request ${requestId})`,
    contactInfo: 'Samordningsplattformen',
    name: req.org_name,
    location: 'Sverige',
    signingTime: sealedAt,
    subFilter: PADES_SUBFILTER,
    signatureLength: 16384,
  });
  const withPlaceholder = Buffer.from(await merged.save({ useObjectStreams: false }));
  const signed = await signpdf.sign(withPlaceholder, signer);
  const sealed = validation ? await addLongTermValidation(signed, signer.lastSignature!, validation) : signed;
  logger.log(`sealed request ${requestId} at PAdES ${level}`);
  const put = await storage.put(Readable.from([sealed]));
  const prefix = {
    ARSREDOVISNING: 'arsredovisning',
    DELARSRAPPORT: 'delarsrapport',
    VERKSAMHETSPLAN: 'verksamhetsplan',
  };
  const name = `${prefix[req.kind as keyof typeof prefix] ?? 'rapport'}-${req.year}-v${req.report_version}-signerad.pdf`;
  return uow.write(async (tx) => {
    const fileId = await store.insertSealedFile(tx, {
      organisationId: req.organisation_id,
      sha256: put.sha256,
      size: put.size,
      name,
    });
    if (!(await store.completeSealedRequest(tx, requestId, fileId, put.sha256)))
      return 'ALREADY_SEALED' as const;
    await appendAudit(tx, {
      organisationId: req.organisation_id,
      actorId: null,
      action: 'signing.sealed',
      entityType: 'signing_request',
      entityId: requestId,
      fromState: REQUEST_TRANSITIONS.complete.from[0],
      toState: REQUEST_TRANSITIONS.complete.to,
      payload: { sealedFileId: fileId, signers: signers.length, level, auditHead: head },
      documentHash: put.sha256,
    });
    // A signed verksamhetsplan is decided: its budget, goals and mätpunkter become the year's.
    await decidePlanFromSealedReport(tx, req.report_id, swedishDate(new Date()));
    // Anchor the förbund's audit chain right after the seal, not only at the next hourly checkpoint.
    await enqueueJob(tx, JobName.AUDIT_CHECKPOINT, {
      organisationId: req.organisation_id,
      reason: requestId,
    });
    return 'SEALED' as const;
  });
}
