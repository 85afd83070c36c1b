import { Readable } from 'node:stream';
import { SEAL_MARKER } from '@app/infra';

/** The most verifyDocument reads of an uploaded file. */
export const VERIFY_MAX_BYTES = 50 * 1024 * 1024;

const escaped = SEAL_MARKER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SEAL = new RegExp(`${escaped} ([0-9a-f-]{36})`);
/** What a chunk keeps of the previous one, so a marker split across chunks is still found. */
const CARRY = SEAL_MARKER.length * 2 + 80;

/**
 * Streams a file looking for the platform's seal marker: the request id it names, null when absent,
 * 'TOO_LARGE' past the cap (the stream is closed then). Memory stays flat whatever the size.
 */
export async function scanForSeal(
  stream: Readable,
  declaredSize: number,
  maxBytes = VERIFY_MAX_BYTES,
): Promise<string | null | 'TOO_LARGE'> {
  if (declaredSize > maxBytes) {
    stream.destroy();
    return 'TOO_LARGE';
  }
  let carry = '';
  let read = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    read += buf.length;
    if (read > maxBytes) {
      stream.destroy();
      return 'TOO_LARGE';
    }
    const text = (carry + buf.toString('latin1')).replace(/\\\(/g, '(');
    const m = SEAL.exec(text);
    if (m) {
      stream.destroy();
      return m[1];
    }
    carry = text.slice(-CARRY);
  }
  return null;
}
