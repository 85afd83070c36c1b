import { createHmac, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { AppConfig, Tx } from '@app/infra';
import { keepFirstSealKey, sealKey } from './seal.store';

/**
 * The passphrase of a förbund's self-signed sealing certificate, derived from SEAL_KEY_SECRET (its own secret, so
 * rotating JWT_SECRET does not lock the seal). Installations from before it existed fall back to JWT_SECRET.
 */
export function sealPassphrase(
  config: Pick<AppConfig, 'JWT_SECRET' | 'SEAL_KEY_SECRET'>,
  organisationId: string,
): string {
  return createHmac('sha256', config.SEAL_KEY_SECRET ?? config.JWT_SECRET)
    .update(`seal:${organisationId}`)
    .digest('hex');
}

/**
 * The förbund's sealing certificate: a real one from SEAL_P12_PATH, or a self-signed one made on first use
 * (demo and tests). The self-signed key is kept in the database, protected by a passphrase derived from
 * SEAL_KEY_SECRET, so every worker machine seals with the same key; two workers making one at once agree on the
 * first stored. A key an earlier version kept on disk (FILE_STORAGE_DIR/seal) moves into the database.
 */
export async function sealCertificate(
  tx: Tx,
  config: AppConfig,
  organisationId: string,
  organisationName: string,
): Promise<{ p12: Buffer; passphrase: string }> {
  if (config.SEAL_P12_PATH)
    return { p12: readFileSync(config.SEAL_P12_PATH), passphrase: config.SEAL_P12_PASSPHRASE ?? '' };
  const passphrase = sealPassphrase(config, organisationId);
  const stored = await sealKey(tx, organisationId);
  if (stored) return { p12: stored, passphrase };
  const legacy = join(config.FILE_STORAGE_DIR, 'seal', `${organisationId}.p12`);
  const made = existsSync(legacy) ? readFileSync(legacy) : await selfSigned(organisationName, passphrase);
  return { p12: await keepFirstSealKey(tx, organisationId, made), passphrase };
}

/**
 * A self-signed RSA sealing certificate for the förbund, as PKCS#12. The key pair comes from node:crypto off
 * the event loop (node-forge's own generation is pure JavaScript and would hold the worker's loop for seconds,
 * long enough to lose its job locks).
 */
async function selfSigned(organisationName: string, passphrase: string): Promise<Buffer> {
  const pair = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const keys = {
    privateKey: forge.pki.privateKeyFromPem(pair.privateKey),
    publicKey: forge.pki.publicKeyFromPem(pair.publicKey),
  };
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
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
