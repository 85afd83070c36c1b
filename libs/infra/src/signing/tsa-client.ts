import { createHash, randomBytes } from 'node:crypto';
import { X509Certificate } from 'node:crypto';
import { der, OID, parseSignedData, verifySignedData } from './cms';

export class TimestampError extends Error {}

/** The parts of a timestamp token's TSTInfo a caller checks. */
export interface TstInfo {
  hashAlgorithm: string;
  messageImprint: Buffer;
  serialNumber: Buffer;
  genTime: Date;
  nonce: Buffer | null;
}

/** Reads the TSTInfo inside a timestamp token (a CMS SignedData with content type id-ct-TSTInfo). */
export function readTstInfo(token: Buffer): TstInfo {
  const content = parseSignedData(token).encapsulatedContent;
  if (!content) throw new TimestampError('timestamp token carries no TSTInfo');
  const fields = der.children(der.fromBuffer(content));
  const imprint = der.children(fields[2]);
  const nonce = fields.slice(5).find((n) => n.tagClass === 0 && n.type === 2);
  return {
    hashAlgorithm: der.oidOf(der.children(imprint[0])[0]),
    messageImprint: der.bytes(imprint[1]),
    serialNumber: der.bytes(fields[3]),
    genTime: parseGeneralizedTime(String(fields[4].value)),
    nonce: nonce ? der.bytes(nonce) : null,
  };
}

function parseGeneralizedTime(s: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/.exec(s);
  if (!m) throw new TimestampError(`unreadable genTime ${s}`);
  const ms = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], Math.round(ms)));
}

/** TimeStampReq (RFC 3161 2.4.1): SHA-256 imprint, a nonce, and the TSA's certificate asked for. */
export function timestampRequest(data: Buffer, nonce: Buffer): Buffer {
  const imprint = der.seq(der.alg(OID.sha256), der.octets(createHash('sha256').update(data).digest()));
  return der.toBuffer(der.seq(der.int(1), imprint, der.bigInt(nonce), der.bool(true)));
}

/**
 * Asks the TSA at `url` for a timestamp over `data` (for a signature timestamp: the signature value) and
 * returns the token (DER ContentInfo). The answer is checked: granted, the imprint is SHA-256 of `data`, the
 * nonce is ours.
 */
export async function requestTimestamp(url: string, data: Buffer, timeoutMs = 15_000): Promise<Buffer> {
  const nonce = randomBytes(8);
  nonce[0] &= 0x7f;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: new Uint8Array(timestampRequest(data, nonce)),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new TimestampError(`TSA unreachable: ${(e as Error).message}`);
  }
  if (!res.ok) throw new TimestampError(`TSA answered HTTP ${res.status}`);
  const reply = der.children(der.fromBuffer(Buffer.from(await res.arrayBuffer())));
  const status = der.bytes(der.children(reply[0])[0]).readUIntBE(0, 1);
  if (status !== 0 && status !== 1) throw new TimestampError(`TSA refused the request (status ${status})`);
  if (!reply[1]) throw new TimestampError('TSA granted but sent no token');
  const token = der.toBuffer(reply[1]);
  let tsaCert: Buffer;
  try {
    tsaCert = verifySignedData(token);
  } catch (e) {
    throw new TimestampError(`TSA token does not verify: ${(e as Error).message}`);
  }
  // RFC 3161 2.3: the TSA's certificate has the sole extended key usage timeStamping.
  if (!new X509Certificate(tsaCert).toLegacyObject().ext_key_usage?.includes('1.3.6.1.5.5.7.3.8'))
    throw new TimestampError('TSA certificate is not for time-stamping');
  const info = readTstInfo(token);
  if (info.hashAlgorithm !== OID.sha256) throw new TimestampError('TSA used another hash algorithm');
  if (!info.messageImprint.equals(createHash('sha256').update(data).digest()))
    throw new TimestampError('TSA token is over other data');
  if (!info.nonce || !stripZeros(info.nonce).equals(stripZeros(nonce)))
    throw new TimestampError('TSA token answers another request (nonce)');
  return token;
}

function stripZeros(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}
