import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import { FakeTsa } from '../../../../test/helpers/fake-tsa';
import { der, OID, parseSignedData, verifySignedData } from './cms';
import { PADES_SUBFILTER, PadesSigner, readP12 } from './pades-signer';
import { readTstInfo, requestTimestamp, TimestampError } from './tsa-client';

/** A throw-away self-signed seal certificate in a PKCS#12, as the worker makes one per förbund. */
function testP12(): Buffer {
  const keys = forge.pki.rsa.generateKeyPair(1024);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 3600_000);
  const attrs = [{ name: 'commonName', value: 'Testforbundet (sigill)' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], 'pw', { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

async function sealed(signer: PadesSigner): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Årsredovisning 2025');
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'test',
    contactInfo: 'test',
    name: 'Testförbundet',
    location: 'Sverige',
    subFilter: PADES_SUBFILTER,
    signatureLength: 16384,
  });
  return signpdf.sign(Buffer.from(await doc.save({ useObjectStreams: false })), signer);
}

/** The CMS in /Contents of the (only) signature. */
function contents(pdf: Buffer): Buffer {
  const m = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(pdf.toString('latin1'))!;
  return der.toBuffer(der.fromBuffer(Buffer.from(m[1], 'hex'), true));
}

const pdfsig = (file: string) => {
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '');
  }
};

describe('PAdES seal (CAdES detached, signing-certificate-v2, RFC 3161 signature timestamp)', () => {
  const tsa = new FakeTsa();
  const tmp = mkdtempSync(join(tmpdir(), 'pades-'));
  const key = readP12(testP12(), 'pw');
  beforeAll(() => tsa.start());
  afterAll(() => tsa.stop());

  it('B-T: pdfsig reads ETSI.CAdES.detached and a valid signature; the token stamps the signature value', async () => {
    const pdf = await sealed(new PadesSigner(key, tsa.url));
    const file = join(tmp, 'bt.pdf');
    writeFileSync(file, pdf);
    const out = pdfsig(file);
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toMatch(/Total document signed/);

    const cms = parseSignedData(contents(pdf));
    expect([...cms.signedAttributes.keys()].sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
    );
    expect(cms.signedAttributes.has(OID.signingTime)).toBe(false);
    // ESSCertIDv2.certHash is SHA-256 of the signer's certificate
    const essCertId = der.children(
      der.children(der.children(cms.signedAttributes.get(OID.signingCertificateV2)!)[0])[0],
    );
    expect(der.bytes(essCertId[0])).toEqual(createHash('sha256').update(key.certificate).digest());

    const token = der.toBuffer(cms.unsignedAttributes.get(OID.signatureTimeStampToken)!);
    const info = readTstInfo(token);
    expect(info.messageImprint).toEqual(createHash('sha256').update(cms.signatureValue).digest());
    expect(Math.abs(info.genTime.getTime() - Date.now())).toBeLessThan(5 * 60_000);
    expect(tsa.requests).toHaveLength(1);

    // OpenSSL checks the token independently: signed by the (fake) TSA, over exactly the signature value
    writeFileSync(join(tmp, 'token.der'), token);
    writeFileSync(join(tmp, 'sig.bin'), cms.signatureValue);
    writeFileSync(join(tmp, 'tsa.pem'), tsa.certificatePem);
    const verified = execFileSync(
      'openssl',
      [
        'ts',
        '-verify',
        '-token_in',
        '-in',
        join(tmp, 'token.der'),
        '-data',
        join(tmp, 'sig.bin'),
        '-CAfile',
        join(tmp, 'tsa.pem'),
      ],
      { encoding: 'utf8' },
    );
    expect(verified).toContain('Verification: OK');

    // and the CMS itself: the signed attributes' digest matches the signed byte ranges, the signature verifies
    const [a, b, c, d] = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/
      .exec(pdf.toString('latin1'))!
      .slice(1)
      .map(Number);
    writeFileSync(join(tmp, 'signed.bin'), Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]));
    writeFileSync(join(tmp, 'cms.der'), contents(pdf));
    const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    expect(verifySignedData(contents(pdf), signedBytes)).toEqual(key.certificate);
    expect(() => verifySignedData(contents(pdf), Buffer.concat([signedBytes, Buffer.from(' ')]))).toThrow(
      'digest',
    );
    execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        join(tmp, 'cms.der'),
        '-content',
        join(tmp, 'signed.bin'),
        '-noverify',
        '-out',
        '/dev/null',
      ],
      { stdio: 'pipe' },
    );
  });

  it('one changed byte makes pdfsig report the signature invalid', async () => {
    const pdf = await sealed(new PadesSigner(key, tsa.url));
    pdf[pdf.length - 300] ^= 0x01; // in the signed range after /Contents
    const file = join(tmp, 'altered.pdf');
    writeFileSync(file, pdf);
    expect(pdfsig(file)).toContain('Digest Mismatch');
  });

  it('B-B without a TSA: still valid, no timestamp', async () => {
    const signer = new PadesSigner(key);
    expect(signer.level).toBe('B-B');
    const pdf = await sealed(signer);
    const file = join(tmp, 'bb.pdf');
    writeFileSync(file, pdf);
    expect(pdfsig(file)).toContain('Signature Validation: Signature is Valid.');
    expect(parseSignedData(contents(pdf)).unsignedAttributes.size).toBe(0);
  });

  it('refuses a TSA answer over other data or to another request, and an unreachable TSA', async () => {
    tsa.misbehave = 'other-imprint';
    await expect(requestTimestamp(tsa.url, Buffer.from('x'))).rejects.toThrow('TSA token is over other data');
    tsa.misbehave = 'other-nonce';
    await expect(requestTimestamp(tsa.url, Buffer.from('x'))).rejects.toThrow('nonce');
    tsa.misbehave = 'bad-signature';
    await expect(requestTimestamp(tsa.url, Buffer.from('x'))).rejects.toThrow('TSA token does not verify');
    tsa.misbehave = null;
    await expect(requestTimestamp('http://127.0.0.1:1/tsa', Buffer.from('x'), 2000)).rejects.toThrow(
      TimestampError,
    );
  });
});
