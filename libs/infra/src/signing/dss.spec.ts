import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import { FakeCa } from '../../../../test/helpers/fake-ca';
import { FakeTsa } from '../../../../test/helpers/fake-tsa';
import { addLongTermValidation, collectValidationData, crlUrls, ValidationDataError } from './dss';
import { PADES_SUBFILTER, PadesSigner, readP12 } from './pades-signer';

const pdfsig = (file: string) => {
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? '');
  }
};

async function placeholderPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Arsredovisning 2025');
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'test',
    contactInfo: 'test',
    name: 'Testforbundet',
    location: 'Sverige',
    subFilter: PADES_SUBFILTER,
    signatureLength: 16384,
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('PAdES B-LT: the chain and its CRLs in a DSS after the signature', () => {
  const ca = new FakeCa();
  const tsa = new FakeTsa();
  const tmp = mkdtempSync(join(tmpdir(), 'pades-lt-'));
  beforeAll(async () => {
    await ca.start();
    await tsa.start();
  });
  afterAll(async () => {
    await ca.stop();
    await tsa.stop();
  });

  it('fetches and checks the CRL the seal certificate names, and appends it with the certificates; the signature stays valid', async () => {
    const key = readP12(ca.issueSealP12('Testforbundet (sigill)', 'pw').p12, 'pw');
    expect(crlUrls(key.certificate)).toEqual([ca.crlUrl]);
    const data = await collectValidationData([key.certificate, ...(key.chain ?? [])]);
    expect(data?.crls).toHaveLength(1);
    expect(ca.crlFetches).toBe(1);

    const signer = new PadesSigner(key, tsa.url);
    const signed = await signpdf.sign(await placeholderPdf(), signer);
    const lt = await addLongTermValidation(signed, signer.lastSignature!, data!);
    expect(lt.subarray(0, signed.length).equals(signed)).toBe(true); // an incremental update: signed bytes untouched
    const file = join(tmp, 'lt.pdf');
    writeFileSync(file, lt);
    const out = pdfsig(file);
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signature Validation: Signature is Valid.');

    const doc = await PDFDocument.load(lt);
    const dss = doc.catalog.lookup(PDFName.of('DSS'), PDFDict);
    const streams = (name: string) =>
      dss
        .lookup(PDFName.of(name), PDFArray)
        .asArray()
        .map((r) => (doc.context.lookup(r as PDFRef) as PDFRawStream).getContents());
    // seal certificate, the CA, the TSA's certificate
    expect(streams('Certs')).toHaveLength(3);
    expect(streams('CRLs')).toHaveLength(1);
    expect(Buffer.from(streams('Certs')[2]).equals(tsa.certificate)).toBe(true);
  });

  it('refuses to seal with a revoked certificate', async () => {
    const issued = ca.issueSealP12('Återkallat (sigill)', 'pw');
    const key = readP12(issued.p12, 'pw');
    ca.revoke(issued.serialHex);
    await expect(collectValidationData([key.certificate, ...(key.chain ?? [])])).rejects.toThrow(
      ValidationDataError,
    );
    await expect(collectValidationData([key.certificate, ...(key.chain ?? [])])).rejects.toThrow('revoked');
  });

  it('has nothing to embed for a self-signed seal (stays B-T)', async () => {
    expect(await collectValidationData([tsa.certificate])).toBeNull();
  });
});
