import forge from 'node-forge';
import { Signer } from '@signpdf/signpdf';
import { attribute, buildSignedData, CmsSigner, der, OID } from './cms';
import { requestTimestamp } from './tsa-client';

/** The sub-filter of a PAdES signature dictionary (ETSI EN 319 142-1): CAdES, detached. */
export const PADES_SUBFILTER = 'ETSI.CAdES.detached';

/**
 * The PAdES baseline level a seal reaches: B-B without a TSA, B-T with one, B-LT when the certificates'
 * revocation data is embedded as well (a CA-issued seal certificate naming its CRL).
 */
export type PadesLevel = 'B-B' | 'B-T' | 'B-LT';

/** The signer's certificate, key and chain out of a PKCS#12 file (RSA keys). */
export function readP12(p12: Buffer, passphrase: string): CmsSigner {
  const parsed = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))),
    false,
    passphrase,
  );
  const key = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
    forge.pki.oids.pkcs8ShroudedKeyBag
  ]?.[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('the seal PKCS#12 holds no private key');
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
  });
  if (!own) throw new Error('the seal PKCS#12 holds no certificate for its key');
  const toDer = (c: forge.pki.Certificate) =>
    Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary');
  return {
    certificate: toDer(own),
    privateKeyPem: forge.pki.privateKeyToPem(key),
    chain: certs.filter((c) => c !== own).map(toDer),
  };
}

/**
 * The PAdES signer for @signpdf: a CAdES detached signature (for the ETSI.CAdES.detached sub-filter) with
 * content-type, message-digest and signing-certificate-v2 signed, no signing-time (the dictionary's M carries
 * it), and, when a TSA is set, a signature timestamp over the signature value as an unsigned attribute.
 */
export class PadesSigner extends Signer {
  constructor(
    private readonly signer: CmsSigner,
    private readonly tsaUrl?: string,
  ) {
    super();
  }

  /** The CMS of the last signature made (for the B-LT step, which reads its timestamp's certificates). */
  lastSignature: Buffer | null = null;

  get level(): 'B-B' | 'B-T' {
    return this.tsaUrl ? 'B-T' : 'B-B';
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const tsa = this.tsaUrl;
    this.lastSignature = await buildSignedData(this.signer, pdfBuffer, {
      unsigned: tsa
        ? async (signatureValue) => [
            attribute(
              OID.signatureTimeStampToken,
              der.fromBuffer(await requestTimestamp(tsa, signatureValue)),
            ),
          ]
        : undefined,
    });
    return this.lastSignature;
  }
}
