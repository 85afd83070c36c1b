import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import http from 'node:http';
import forge from 'node-forge';
import { der } from '../../libs/infra/src/signing/cms';

const SHA256_RSA = '1.2.840.113549.1.1.11';

/**
 * FAKE certificate authority, for tests only: a self-signed "FAKE CA" root that issues a sealing certificate
 * naming a CRL distribution point on this fake's own HTTP server, and serves that CRL (empty, or listing the
 * sealing certificate once `revoke()` is called). Lets the seal's B-LT path (fetch, check and embed revocation
 * data) run against real HTTP without a real CA.
 */
export class FakeCa {
  private server: http.Server;
  port = 0;
  private readonly caKey = forge.pki.privateKeyFromPem(
    generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  );
  private caCert: forge.pki.Certificate;
  private revoked: string[] = [];
  /** How many times the CRL was fetched. */
  crlFetches = 0;

  get crlUrl(): string {
    return `http://127.0.0.1:${this.port}/fake-ca.crl`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      if (req.url !== '/fake-ca.crl') {
        res.writeHead(404);
        return res.end();
      }
      this.crlFetches++;
      res.writeHead(200, { 'content-type': 'application/pkix-crl' });
      res.end(this.crl());
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    const name = [
      { name: 'commonName', value: 'FAKE CA for tests (not trusted)' },
      { name: 'countryName', value: 'SE' },
    ];
    this.caCert = this.certificate(name, name, forge.pki.setRsaPublicKey(this.caKey.n, this.caKey.e), '01', [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ]);
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** A sealing certificate issued by this CA with its CRL distribution point, in a PKCS#12 with the CA. */
  issueSealP12(commonName: string, passphrase: string): { p12: Buffer; serialHex: string } {
    const keys = forge.pki.privateKeyFromPem(
      generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    ) as forge.pki.rsa.PrivateKey;
    const serialHex = '02' + forge.util.bytesToHex(forge.random.getBytesSync(8));
    const cert = this.certificate(
      [
        { name: 'commonName', value: commonName },
        { name: 'countryName', value: 'SE' },
      ],
      this.caCert.subject.attributes,
      forge.pki.setRsaPublicKey(keys.n, keys.e),
      serialHex,
      [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
        { name: 'cRLDistributionPoints', altNames: [{ type: 6, value: this.crlUrl }] },
      ],
    );
    const asn1 = forge.pkcs12.toPkcs12Asn1(keys, [cert, this.caCert], passphrase, { algorithm: '3des' });
    return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), serialHex };
  }

  /** Puts a certificate (by serial, hex) on the CRL. */
  revoke(serialHex: string): void {
    this.revoked.push(serialHex);
  }

  /** The current CRL (v2, SHA-256 with RSA), DER. */
  crl(): Buffer {
    const caTbs = der.children(der.children(der.fromBuffer(this.certDer(this.caCert)))[0]);
    const subject = caTbs[5]; // [0] version, serial, signature, issuer, validity, subject
    const time = (d: Date) =>
      forge.asn1.create(0, forge.asn1.Type.UTCTIME, false, forge.asn1.dateToUtcTime(d));
    const entries = this.revoked.map((s) =>
      der.seq(der.bigInt(Buffer.from(s, 'hex')), time(new Date(Date.now() - 60_000))),
    );
    const tbs = der.seq(
      der.int(1),
      der.seq(der.oid(SHA256_RSA), forge.asn1.create(0, forge.asn1.Type.NULL, false, '')),
      subject,
      time(new Date(Date.now() - 3600_000)),
      time(new Date(Date.now() + 24 * 3600_000)),
      ...(entries.length ? [der.seq(...entries)] : []),
    );
    const signature = sign(
      'sha256',
      der.toBuffer(tbs),
      createPrivateKey(forge.pki.privateKeyToPem(this.caKey)),
    );
    const bits = forge.asn1.create(
      0,
      forge.asn1.Type.BITSTRING,
      false,
      Buffer.concat([Buffer.from([0]), signature]).toString('binary'),
    );
    return der.toBuffer(
      der.seq(tbs, der.seq(der.oid(SHA256_RSA), forge.asn1.create(0, forge.asn1.Type.NULL, false, '')), bits),
    );
  }

  private certificate(
    subject: forge.pki.CertificateField[],
    issuer: forge.pki.CertificateField[],
    publicKey: forge.pki.PublicKey,
    serialHex: string,
    extensions: object[],
  ): forge.pki.Certificate {
    const cert = forge.pki.createCertificate();
    cert.publicKey = publicKey;
    cert.serialNumber = serialHex;
    cert.validity.notBefore = new Date(Date.now() - 3600_000);
    cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
    cert.setSubject(subject);
    cert.setIssuer(issuer);
    cert.setExtensions(extensions);
    cert.sign(this.caKey, forge.md.sha256.create());
    return cert;
  }

  private certDer(cert: forge.pki.Certificate): Buffer {
    return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  }
}
