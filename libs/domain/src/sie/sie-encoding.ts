import * as iconv from 'iconv-lite';

export type SieEncoding = 'cp437' | 'utf-8' | 'latin1';

/** Swedish letters as CP437 (the standard's PC8) and as Latin-1 bytes. */
const CP437_SWEDISH = new Set([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82, 0x90]);
const LATIN1_SWEDISH = new Set([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xc9]);

function isValidUtf8WithMultibyte(bytes: Uint8Array): boolean {
  let multibyte = false;
  let i = 0;
  // a sample may end mid-character: ignore an incomplete sequence in the last 3 bytes
  const end = bytes.length;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let n = 0;
    if ((b & 0xe0) === 0xc0) n = 1;
    else if ((b & 0xf0) === 0xe0) n = 2;
    else if ((b & 0xf8) === 0xf0) n = 3;
    else return false;
    if (i + n >= end) return multibyte || i > end - 4;
    for (let k = 1; k <= n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    multibyte = true;
    i += n + 1;
  }
  return multibyte;
}

export interface EncodingGuess {
  encoding: SieEncoding;
  /** Said when the file is not what its #FORMAT declares (or declares nothing). */
  warning: string | null;
}

/**
 * SIE 4 files are CP437 (#FORMAT PC8) by the standard, but some programs write UTF-8 or Latin-1 and still say
 * PC8. Decide from a sample of the file's first bytes, and say which encoding was assumed when it is not CP437.
 */
export function detectSieEncoding(sample: Uint8Array): EncodingGuess {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return {
      encoding: 'utf-8',
      warning:
        'Filen har en UTF-8-markering (BOM) och lästes som UTF-8, inte som PC8 (CP437) som SIE-standarden anger.',
    };
  }
  if (isValidUtf8WithMultibyte(sample)) {
    return {
      encoding: 'utf-8',
      warning: 'Filen anger #FORMAT PC8 men är kodad som UTF-8; den lästes som UTF-8.',
    };
  }
  let cp437 = 0;
  let latin1 = 0;
  for (const b of sample) {
    if (CP437_SWEDISH.has(b)) cp437++;
    else if (LATIN1_SWEDISH.has(b)) latin1++;
  }
  if (latin1 > cp437) {
    return {
      encoding: 'latin1',
      warning:
        'Filen anger #FORMAT PC8 men ser ut att vara kodad som Latin-1 (ISO 8859-1); den lästes som Latin-1.',
    };
  }
  return { encoding: 'cp437', warning: null };
}

export interface SieLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
}

/** No SIE record comes near this; a longer line means a broken or hostile file. */
export const MAX_SIE_LINE_CHARS = 64 * 1024;

/** A line longer than the limit: the file is refused at once, with the line number. */
export class SieLineTooLongError extends Error {
  constructor(
    readonly line: number,
    readonly maxChars: number,
  ) {
    super(`rad ${line} är längre än ${maxChars} tecken; filen verkar trasig`);
  }
}

/** A chunk's bytes as a Buffer without copying them. */
const asBuffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * Turns a stream of byte chunks into decoded lines, one at a time, without ever holding the whole file.
 * The encoding is decided from the first 64 KiB.
 */
export async function* decodeSieLines(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding?: (g: EncodingGuess) => void,
  maxLineChars: number = MAX_SIE_LINE_CHARS,
): AsyncGenerator<SieLine> {
  for await (const batch of decodeSieLineBatches(chunks, onEncoding, maxLineChars)) yield* batch;
}

/**
 * As {@link decodeSieLines}, but the lines of each chunk of input come as one array: a million-line file then
 * costs a few hundred awaits instead of a million. Lines and their numbers are the same however the bytes are
 * chunked (a line, a quoted string or a multi-byte character may be split across chunks).
 */
export async function* decodeSieLineBatches(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding?: (g: EncodingGuess) => void,
  maxLineChars: number = MAX_SIE_LINE_CHARS,
): AsyncGenerator<SieLine[]> {
  const SAMPLE = 64 * 1024;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  type Decoder = ReturnType<typeof iconv.getDecoder>;
  let decoder: Decoder | null = null;
  let carry = '';
  let lineNo = 0;

  const start = (sample: Uint8Array): Decoder => {
    const guess = detectSieEncoding(sample);
    onEncoding?.(guess);
    decoder = iconv.getDecoder(
      guess.encoding === 'utf-8' ? 'utf8' : guess.encoding === 'latin1' ? 'latin1' : 'cp437',
      { stripBOM: true },
    );
    return decoder;
  };

  // Only the new text is searched for line breaks, and a line may not grow past maxLineChars: a long line costs
  // linear time and bounded memory, and an endless one is refused with its line number.
  const feed = (text: string): SieLine[] => {
    const out: SieLine[] = [];
    let from = 0;
    let idx: number;
    while ((idx = text.indexOf('\n', from)) >= 0) {
      const end = idx > from && text.charCodeAt(idx - 1) === 13 ? idx - 1 : idx;
      let line: string;
      if (carry) {
        line = carry + text.slice(from, idx);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        carry = '';
      } else line = text.slice(from, end);
      from = idx + 1;
      lineNo++;
      if (line.length > maxLineChars) throw new SieLineTooLongError(lineNo, maxLineChars);
      out.push({ line: lineNo, text: line });
    }
    carry += text.slice(from);
    if (carry.length > maxLineChars) throw new SieLineTooLongError(lineNo + 1, maxLineChars);
    return out;
  };

  for await (const chunk of chunks) {
    if (!decoder) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < SAMPLE) continue;
      const sample = concat(pending);
      pending = [];
      yield feed(start(sample).write(asBuffer(sample)));
      continue;
    }
    const batch = feed((decoder as Decoder).write(asBuffer(chunk)));
    if (batch.length) yield batch;
  }
  let active = decoder as Decoder | null;
  if (!active) {
    const sample = concat(pending);
    active = start(sample);
    yield feed(active.write(asBuffer(sample)));
  }
  const rest = feed(active.end() ?? '');
  if (carry.length) {
    lineNo++;
    rest.push({ line: lineNo, text: carry.endsWith('\r') ? carry.slice(0, -1) : carry });
    carry = '';
  }
  if (rest.length) yield rest;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}
