import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import forge from 'node-forge';
import { buildSignedData, der, OID, parseSignedData } from '../../libs/infra/src/signing/cms';

/** A made-up policy OID under the "example" arc (2.999, ITU-T X.660): nobody's real TSA policy. */
export const FAKE_TSA_POLICY = '2.999.3161.1';

/**
 * FAKE RFC 3161 time-stamping authority, for tests only: a self-signed "FAKE TSA" certificate (extended key
 * usage timeStamping, critical; it always sends it, certReq or not) answering POSTed TimeStampReq with a granted TimeStampResp whose token is a
 * CMS SignedData over a TSTInfo (our imprint, a serial, genTime now, the request's nonce). Real TSAs are not
 * reachable from here; the seal code talks to this one exactly as to a real one, through TSA_URL.
 */
export class FakeTsa {
  private server: http.Server;
  private serial = 1;
  port = 0;
  /** Every request the fake answered (its DER), so a test can see the seal asked. */
  readonly requests: Buffer[] = [];
  /** Makes the fake misbehave, to show the client refuses: stamp other data, or echo another nonce. */
  misbehave: 'other-imprint' | 'other-nonce' | 'bad-signature' | null = null;
  readonly certificate: Buffer;
  readonly certificatePem: string;
  private readonly privateKeyPem: string;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    cert.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(8));
    cert.validity.notBefore = new Date(Date.now() - 3600_000);
    cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
    const name = [
      { name: 'commonName', value: 'FAKE TSA for tests (not trusted)' },
      { name: 'organizationName', value: 'Samordningsplattformen test suite' },
      { name: 'countryName', value: 'SE' },
    ];
    cert.setSubject(name);
    cert.setIssuer(name);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
      { name: 'extKeyUsage', timeStamping: true, critical: true },
    ]);
    cert.sign(forge.pki.privateKeyFromPem(this.privateKeyPem), forge.md.sha256.create());
    this.certificatePem = forge.pki.certificateToPem(cert);
    this.certificate = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/tsa`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        void this.answer(req, Buffer.concat(parts)).then(
          (reply) => {
            res.writeHead(reply.status, { 'content-type': reply.type });
            res.end(reply.body);
          },
          () => {
            res.writeHead(500);
            res.end();
          },
        );
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async answer(
    req: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; type: string; body: Buffer }> {
    if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query')
      return { status: 415, type: 'text/plain', body: Buffer.from('expected application/timestamp-query') };
    this.requests.push(body);
    // TimeStampReq ::= SEQUENCE { version, messageImprint, reqPolicy OPTIONAL, nonce OPTIONAL, certReq DEFAULT FALSE, … }
    const fields = der.children(der.fromBuffer(body));
    const messageImprint =
      this.misbehave === 'other-imprint'
        ? der.seq(der.alg(OID.sha256), der.octets(Buffer.alloc(32, 7)))
        : fields[1];
    const asked = fields.slice(2).find((n) => n.tagClass === 0 && n.type === 2);
    const nonce = this.misbehave === 'other-nonce' ? der.int(42) : asked;
    const tstInfo = der.seq(
      der.int(1),
      der.oid(FAKE_TSA_POLICY),
      messageImprint,
      der.int(this.serial++),
      der.generalizedTime(new Date()),
      ...(nonce ? [nonce] : []),
    );
    const token = await buildSignedData(
      {
        certificate: this.certificate,
        privateKeyPem: this.privateKeyPem,
      },
      der.toBuffer(tstInfo),
      { contentType: OID.tstInfo, encapsulate: true },
    );
    if (this.misbehave === 'bad-signature') {
      const at = token.indexOf(parseSignedData(token).signatureValue);
      token[at + 10] ^= 0x01;
    }
    const granted = der.seq(der.seq(der.int(0)), der.fromBuffer(token));
    return { status: 200, type: 'application/timestamp-reply', body: der.toBuffer(granted) };
  }
}
