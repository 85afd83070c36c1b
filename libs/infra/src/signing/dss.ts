import { createPublicKey, verify as verifySignature, X509Certificate } from 'node:crypto';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { der, OID, parseSignedData } from './cms';

/**
 * PAdES B-LT: the validation data of a signature (its certificates and their revocation lists) in the
 * document's Document Security Store (ETSI EN 319 142-1 5.4), appended as an incremental update after the
 * signature so the signed bytes stay as they are.
 */
export class ValidationDataError extends Error {}

export interface ValidationData {
  certificates: Buffer[];
  crls: Buffer[];
}

const SIG_HASH: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.113549.1.1.5': 'sha1',
};

/** The http(s) CRL distribution points a certificate names (extension 2.5.29.31), in order. */
export function crlUrls(certDer: Buffer): string[] {
  const tbs = der.children(der.children(der.fromBuffer(certDer))[0]);
  const extWrapper = tbs.find((n) => n.tagClass === 0x80 && n.type === 3);
  if (!extWrapper) return [];
  const ext = der
    .children(der.children(extWrapper)[0])
    .find((e) => der.oidOf(der.children(e)[0]) === '2.5.29.31');
  if (!ext) return [];
  const value = der.children(ext);
  const urls: string[] = [];
  const walk = (n: ReturnType<typeof der.fromBuffer>) => {
    if (n.tagClass === 0x80 && n.type === 6 && typeof n.value === 'string') urls.push(n.value);
    else if (Array.isArray(n.value)) n.value.forEach(walk);
  };
  walk(der.fromBuffer(der.bytes(value[value.length - 1])));
  return urls.filter((u) => /^https?:\/\//.test(u));
}

/**
 * Checks a CRL: issued (name and signature) by `issuer`, current, and not listing `serialHex`. A revoked seal
 * certificate is refused outright: nothing is sealed with it.
 */
export function checkCrl(
  crl: Buffer,
  issuer: X509Certificate,
  subject: X509Certificate,
  now = new Date(),
): void {
  const [tbsNode, algNode, sigNode] = der.children(der.fromBuffer(crl));
  const tbs = der.children(tbsNode);
  const first = tbs[0].type === 2 ? 1 : 0; // version is optional (v1 lists)
  const hash = SIG_HASH[der.oidOf(der.children(algNode)[0])];
  if (!hash) throw new ValidationDataError('CRL signed with an unsupported algorithm');
  const signature = der.bytes(sigNode).subarray(1); // BIT STRING: first byte counts unused bits
  if (
    !verifySignature(
      hash,
      der.toBuffer(tbsNode),
      createPublicKey(issuer.publicKey.export({ type: 'spki', format: 'pem' })),
      signature,
    )
  )
    throw new ValidationDataError('CRL signature does not verify with its issuer');
  if (!nameMatches(tbs[first + 1], issuer)) throw new ValidationDataError('CRL is issued by another name');
  const nextUpdate = tbs[first + 3];
  if (asn1Time(String(tbs[first + 2].value)) > now) throw new ValidationDataError('CRL is not yet valid');
  if (
    nextUpdate &&
    (nextUpdate.type === 23 || nextUpdate.type === 24) &&
    asn1Time(String(nextUpdate.value)) < now
  )
    throw new ValidationDataError('CRL is out of date');
  const revoked = tbs.find((n, i) => i > first + 2 && n.tagClass === 0 && n.type === 16);
  const serial = subject.serialNumber.replace(/^0+/, '').toLowerCase();
  for (const entry of revoked ? der.children(revoked) : []) {
    const s = der.bytes(der.children(entry)[0]).toString('hex').replace(/^0+/, '');
    if (s === serial) throw new ValidationDataError(`certificate ${subject.subject} is revoked`);
  }
}

function nameMatches(crlIssuer: ReturnType<typeof der.fromBuffer>, issuer: X509Certificate): boolean {
  const tbs = der.children(der.children(der.fromBuffer(Buffer.from(issuer.raw)))[0]);
  const first = tbs[0].tagClass === 0x80 ? 1 : 0;
  return der.toBuffer(crlIssuer).equals(der.toBuffer(tbs[first + 4])); // the issuer's subject
}

function asn1Time(s: string): Date {
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return new Date(0);
  const year = m[1].length === 2 ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  return new Date(Date.UTC(year, +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

/**
 * Collects the revocation lists of every certificate in `certificates` that is not self-signed and whose
 * issuer is among them. Null when there is nothing to embed (a self-signed seal). Throws when a list a
 * certificate names cannot be fetched or checked, or revokes it.
 */
export async function collectValidationData(
  certificates: Buffer[],
  timeoutMs = 15_000,
): Promise<ValidationData | null> {
  const parsed = certificates.map((c) => new X509Certificate(c));
  const crls: Buffer[] = [];
  for (const cert of parsed) {
    if (cert.checkIssued(cert) && cert.verify(cert.publicKey)) continue; // a trust anchor: nothing to revoke it
    const urls = crlUrls(Buffer.from(cert.raw));
    if (!urls.length) continue;
    const issuer = parsed.find((i) => i !== cert && cert.checkIssued(i) && cert.verify(i.publicKey));
    if (!issuer) throw new ValidationDataError(`the issuer of ${cert.subject} is not in the chain`);
    let res: Response;
    try {
      res = await fetch(urls[0], { signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw new ValidationDataError(`CRL unreachable at ${urls[0]}: ${(e as Error).message}`);
    }
    if (!res.ok) throw new ValidationDataError(`CRL at ${urls[0]} answered HTTP ${res.status}`);
    const crl = Buffer.from(await res.arrayBuffer());
    checkCrl(crl, issuer, cert);
    crls.push(crl);
  }
  if (!crls.length) return null;
  return { certificates: unique(certificates), crls };
}

/** Appends a DSS (/Certs, /CRLs) to a signed PDF as an incremental update; the signed revision is untouched. */
export async function appendDss(pdf: Buffer, data: ValidationData): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const trailer = doc.context.trailerInfo;
  const root = trailer.Root as PDFRef;
  const catalog = doc.context.lookup(root, PDFDict).clone(doc.context);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.subarray(-64).toString('latin1'));
  if (!startxref) throw new ValidationDataError('the signed PDF has no final startxref');
  let next = doc.context.largestObjectNumber + 1;
  const parts: Buffer[] = [pdf, pdf[pdf.length - 1] === 0x0a ? Buffer.alloc(0) : Buffer.from('\n')];
  let offset = parts.reduce((n, b) => n + b.length, 0);
  const xref: Array<{ num: number; gen: number; offset: number }> = [];
  const write = (num: number, gen: number, body: Buffer) => {
    xref.push({ num, gen, offset });
    const obj = Buffer.concat([Buffer.from(`${num} ${gen} obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    offset += obj.length;
  };
  const stream = (bytes: Buffer) =>
    Buffer.concat([
      Buffer.from(`<< /Length ${bytes.length} >>\nstream\n`),
      bytes,
      Buffer.from('\nendstream'),
    ]);
  const refs = (list: Buffer[]) =>
    list.map((b) => {
      const num = next++;
      write(num, 0, stream(b));
      return `${num} 0 R`;
    });
  const certRefs = refs(data.certificates);
  const crlRefs = refs(data.crls);
  const dss = next++;
  write(dss, 0, Buffer.from(`<< /Type /DSS /Certs [${certRefs.join(' ')}] /CRLs [${crlRefs.join(' ')}] >>`));
  catalog.set(PDFName.of('DSS'), PDFRef.of(dss));
  write(root.objectNumber, root.generationNumber, Buffer.from(catalog.toString(), 'latin1'));
  const xrefAt = offset;
  const lines = ['xref'];
  for (const e of [...xref].sort((a, b) => a.num - b.num))
    lines.push(`${e.num} 1`, `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n `);
  const extra = [
    trailer.Info ? `/Info ${trailer.Info.toString()}` : '',
    trailer.ID ? `/ID ${trailer.ID.toString()}` : '',
  ].join(' ');
  lines.push(
    'trailer',
    `<< /Size ${next} /Root ${root.toString()} ${extra} /Prev ${startxref[1]} >>`,
    'startxref',
    String(xrefAt),
    '%%EOF',
    '',
  );
  parts.push(Buffer.from(lines.join('\n'), 'latin1'));
  return Buffer.concat(parts);
}

const unique = (list: Buffer[]) => [...new Map(list.map((c) => [c.toString('base64'), c])).values()];

/**
 * B-T to B-LT: the seal's validation data (collected before signing, so a revoked certificate never seals)
 * plus the timestamp's certificates and their revocation lists, in a DSS after the signature.
 */
export async function addLongTermValidation(
  pdf: Buffer,
  cms: Buffer,
  signerData: ValidationData,
): Promise<Buffer> {
  const token = parseSignedData(cms).unsignedAttributes.get(OID.signatureTimeStampToken);
  if (!token) throw new ValidationDataError('B-LT needs a signature timestamp (B-T) first');
  const tsaCerts = parseSignedData(der.toBuffer(token)).certificates;
  const tsaData = await collectValidationData(tsaCerts);
  return appendDss(pdf, {
    certificates: unique([...signerData.certificates, ...tsaCerts]),
    crls: [...signerData.crls, ...(tsaData?.crls ?? [])],
  });
}
