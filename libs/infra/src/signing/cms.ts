import {
  createHash,
  createPrivateKey,
  sign as rsaSign,
  verify as verifySignature,
  X509Certificate,
} from 'node:crypto';
import forge from 'node-forge';

/**
 * A small CMS (RFC 5652) SignedData writer for CAdES signatures: the PAdES seal and, in tests, the fake TSA's
 * timestamp tokens. node-forge's own PKCS#7 signer cannot write signing-certificate-v2, so the structure is
 * put together here from DER pieces.
 */
const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const C = asn1.Class.CONTEXT_SPECIFIC;
const T = asn1.Type;
type Node = forge.asn1.Asn1;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** id-aa-signingCertificateV2 (RFC 5035): binds the signer's certificate into the signed attributes. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** id-aa-signatureTimeStampToken (RFC 3161 appendix A): the TSA's token over the signature value. */
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** id-ct-TSTInfo: the content of a timestamp token. */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

export const der = {
  seq: (...items: Node[]): Node => asn1.create(U, T.SEQUENCE, true, items),
  /** A DER SET OF: members sorted by their encodings (X.690 11.6), which a verifier re-encodes to check. */
  set: (items: Node[]): Node => asn1.create(U, T.SET, true, sortByEncoding(items)),
  oid: (oid: string): Node => asn1.create(U, T.OID, false, asn1.oidToDer(oid).getBytes()),
  octets: (bytes: Buffer): Node => asn1.create(U, T.OCTETSTRING, false, bytes.toString('binary')),
  int: (n: number): Node => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes()),
  /** A positive INTEGER from big-endian bytes (serial numbers, nonces). */
  bigInt: (bytes: Buffer): Node =>
    asn1.create(
      U,
      T.INTEGER,
      false,
      (bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes).toString('binary'),
    ),
  bool: (v: boolean): Node => asn1.create(U, T.BOOLEAN, false, v ? '\xff' : '\x00'),
  generalizedTime: (d: Date): Node => asn1.create(U, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(d)),
  /** [n] EXPLICIT / IMPLICIT-constructed wrapper. */
  ctx: (n: number, items: Node[]): Node => asn1.create(C, n, true, items),
  alg: (oid: string): Node => der.seq(der.oid(oid)),
  toBuffer: (node: Node): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary'),
  /**
   * Parsed without decoding BIT STRINGs, so a certificate re-encodes to exactly its own bytes. `padded`: bytes
   * after the structure are allowed (a PDF's /Contents is zero-padded).
   */
  fromBuffer: (bytes: Buffer, padded = false): Node =>
    (asn1.fromDer as unknown as (b: forge.util.ByteBuffer, o: object) => Node)(
      forge.util.createBuffer(bytes.toString('binary')),
      { strict: true, decodeBitStrings: false, parseAllBytes: !padded },
    ),
  /** The raw content bytes of a primitive node (an OCTET STRING's octets, an INTEGER's bytes). */
  bytes: (node: Node): Buffer => Buffer.from(node.value as string, 'binary'),
  children: (node: Node): Node[] => node.value as Node[],
  oidOf: (node: Node): string => asn1.derToOid(node.value as string),
};

function sortByEncoding(items: Node[]): Node[] {
  return items
    .map((node) => ({ node, enc: der.toBuffer(node) }))
    .sort((a, b) => Buffer.compare(a.enc, b.enc))
    .map((x) => x.node);
}

const sha256 = (b: Buffer | string): Buffer => createHash('sha256').update(b).digest();

/** An attribute: SEQUENCE { type, SET { value } }. */
export const attribute = (oid: string, value: Node): Node => der.seq(der.oid(oid), der.set([value]));

/** The parts of an X.509 certificate a signer identifies itself by. */
function certificateParts(certDer: Buffer): { issuer: Node; serial: Node } {
  const tbs = der.children(der.children(der.fromBuffer(certDer))[0]);
  const first = tbs[0].tagClass === C ? 1 : 0; // [0] version is optional
  return { serial: tbs[first], issuer: tbs[first + 2] };
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with SHA-256 (the default, so no AlgorithmIdentifier). */
export function signingCertificateV2(certDer: Buffer): Node {
  const { issuer, serial } = certificateParts(certDer);
  const issuerSerial = der.seq(der.seq(der.ctx(4, [issuer])), serial);
  return der.seq(der.seq(der.seq(der.octets(sha256(certDer)), issuerSerial)));
}

export interface CmsSigner {
  /** The signer's certificate (DER) and its private key (PEM, RSA). */
  certificate: Buffer;
  privateKeyPem: string;
  /** Further certificates to carry (the chain). */
  chain?: Buffer[];
}

/**
 * A CAdES SignedData: signed attributes content-type, message-digest and signing-certificate-v2 (no
 * signing-time: PAdES puts the claimed time in the signature dictionary's M). `content` is what is signed;
 * with `encapsulate` it travels inside (a timestamp token's TSTInfo), otherwise the signature is detached (PDF).
 * `unsigned` may add unsigned attributes once the signature value is known (the signature timestamp).
 */
export async function buildSignedData(
  signer: CmsSigner,
  content: Buffer,
  opts: {
    contentType?: string;
    encapsulate?: boolean;
    unsigned?: (signatureValue: Buffer) => Promise<Node[]>;
  } = {},
): Promise<Buffer> {
  const contentType = opts.contentType ?? OID.data;
  const signedAttrs = der.set([
    attribute(OID.contentType, der.oid(contentType)),
    attribute(OID.messageDigest, der.octets(sha256(content))),
    attribute(OID.signingCertificateV2, signingCertificateV2(signer.certificate)),
  ]);
  // The signature covers the DER of the attributes as a SET (tag 0x31), not as the [0] they are stored under.
  const signatureValue = rsaSign('sha256', der.toBuffer(signedAttrs), createPrivateKey(signer.privateKeyPem));
  const unsigned = opts.unsigned ? await opts.unsigned(signatureValue) : [];
  const { issuer, serial } = certificateParts(signer.certificate);
  const signerInfo = der.seq(
    der.int(1),
    der.seq(issuer, serial),
    der.alg(OID.sha256),
    der.ctx(0, der.children(signedAttrs)),
    der.alg(OID.rsaEncryption),
    der.octets(signatureValue),
    ...(unsigned.length ? [der.ctx(1, sortByEncoding(unsigned))] : []),
  );
  const encap = opts.encapsulate
    ? der.seq(der.oid(contentType), der.ctx(0, [der.octets(content)]))
    : der.seq(der.oid(contentType));
  const certificates = [signer.certificate, ...(signer.chain ?? [])].map((c) => der.fromBuffer(c));
  const signedData = der.seq(
    der.int(contentType === OID.data ? 1 : 3),
    der.set([der.alg(OID.sha256)]),
    encap,
    der.ctx(0, certificates),
    der.set([signerInfo]),
  );
  return der.toBuffer(der.seq(der.oid(OID.signedData), der.ctx(0, [signedData])));
}

/** What a test or a verifier reads back out of a CMS SignedData. */
export interface ParsedSignedData {
  signedAttributes: Map<string, Node>;
  unsignedAttributes: Map<string, Node>;
  signatureValue: Buffer;
  encapsulatedContent: Buffer | null;
  certificates: Buffer[];
  /** The signed attributes as the signature covers them: DER, tagged as a SET (0x31), in their stored order. */
  signedAttributesDer: Buffer | null;
  /** The signer's serial number (from its IssuerAndSerialNumber), to find its certificate. */
  signerSerial: Buffer;
}

/** Reads a SignedData (one signer) back: attributes by OID, the signature value, the certificates. */
export function parseSignedData(cms: Buffer): ParsedSignedData {
  const signedData = der.children(der.children(der.children(der.fromBuffer(cms))[1])[0]);
  const encap = der.children(signedData[2]);
  const encapsulatedContent = encap[1] ? der.bytes(der.children(encap[1])[0]) : null;
  const certNode = signedData.find((n) => n.tagClass === C && n.type === 0);
  const certificates = certNode ? der.children(certNode).map((c) => der.toBuffer(c)) : [];
  const signerInfos = der.children(signedData[signedData.length - 1]);
  const si = der.children(signerInfos[0]);
  const attrs = (node: Node | undefined) =>
    new Map(
      (node ? der.children(node) : []).map((a) => [
        der.oidOf(der.children(a)[0]),
        der.children(der.children(a)[1])[0],
      ]),
    );
  const signed = si.find((n) => n.tagClass === C && n.type === 0);
  const unsigned = si.find((n) => n.tagClass === C && n.type === 1);
  const signatureValue = der.bytes(si.find((n, i) => i > 3 && n.tagClass === U && n.type === T.OCTETSTRING)!);
  const signerSerial = der.bytes(der.children(si[1])[1]);
  return {
    signedAttributesDer: signed ? der.toBuffer(asn1.create(U, T.SET, true, der.children(signed))) : null,
    signerSerial,
    signedAttributes: attrs(signed),
    unsignedAttributes: attrs(unsigned),
    signatureValue,
    encapsulatedContent,
    certificates,
  };
}

const HASH_OF: Record<string, string> = {
  [OID.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/**
 * Verifies a SignedData over `content` (the encapsulated content when omitted): the message-digest attribute
 * is the content's hash and the signature over the signed attributes verifies with the signer's certificate,
 * which is returned (DER). Trust in that certificate is the caller's matter.
 */
export function verifySignedData(cms: Buffer, content?: Buffer): Buffer {
  const p = parseSignedData(cms);
  const data = content ?? p.encapsulatedContent;
  if (!data || !p.signedAttributesDer) throw new Error('CMS without content or signed attributes');
  const si = der.children(
    der.children(der.children(der.children(der.children(der.fromBuffer(cms))[1])[0]).slice(-1)[0])[0],
  );
  const hash = HASH_OF[der.oidOf(der.children(si[2])[0])];
  if (!hash) throw new Error('CMS digest algorithm not supported');
  const digest = p.signedAttributes.get(OID.messageDigest);
  if (!digest || !der.bytes(digest).equals(createHash(hash).update(data).digest()))
    throw new Error('CMS message digest does not match the content');
  const cert = p.certificates.find((c) => {
    const serial = der.bytes(certificateParts(c).serial);
    return serial.equals(p.signerSerial);
  });
  if (!cert) throw new Error("CMS does not carry its signer's certificate");
  const key = new X509Certificate(cert).publicKey;
  if (!verifySignature(hash, p.signedAttributesDer, key, p.signatureValue))
    throw new Error('CMS signature does not verify');
  return cert;
}
