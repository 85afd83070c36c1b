/** One field of a SIE record: a plain or quoted word, or an object list between braces. */
export type SieToken = { kind: 'word'; value: string; quoted: boolean } | { kind: 'list'; items: string[] };

export class SieSyntaxError extends Error {}

/**
 * Splits a record line into its label and fields. Quoted strings may hold spaces and escaped quotes (\");
 * braces hold an object list ({1 "822" 6 "P1"}). Throws SieSyntaxError with a Swedish message.
 */
export function tokenizeSieLine(text: string): { label: string; fields: SieToken[] } {
  // Character codes, not one-character strings; a quoted string without escapes is one slice.
  const SPACE = 32;
  const TAB = 9;
  const QUOTE = 34;
  const BACKSLASH = 92;
  const OPEN = 123;
  const CLOSE = 125;
  const fields: SieToken[] = [];
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    let c: number;
    while (i < n && ((c = text.charCodeAt(i)) === SPACE || c === TAB)) i++;
  };
  const readQuoted = (): string => {
    i++; // the opening quote
    let out = '';
    let from = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH && i + 1 < n) {
        const next = text.charCodeAt(i + 1);
        if (next === QUOTE || next === BACKSLASH) {
          out += text.slice(from, i);
          from = i + 1; // keep the escaped character, drop the backslash
          i += 2;
          continue;
        }
      }
      if (c === QUOTE) {
        out += text.slice(from, i);
        i++;
        return out;
      }
      i++;
    }
    throw new SieSyntaxError('en sträng inom citattecken avslutas aldrig');
  };
  const readWord = (inList: boolean): { value: string; quoted: boolean } => {
    if (text.charCodeAt(i) === QUOTE) return { value: readQuoted(), quoted: true };
    const startAt = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB || c === QUOTE || (inList && (c === CLOSE || c === OPEN))) break;
      i++;
    }
    return { value: text.slice(startAt, i), quoted: false };
  };

  skipSpace();
  const labelStart = i;
  while (i < n && text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== TAB) i++;
  const label = text.slice(labelStart, i);
  while (true) {
    skipSpace();
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === OPEN) {
      i++;
      const items: string[] = [];
      while (true) {
        skipSpace();
        if (i >= n) throw new SieSyntaxError('en objektlista inom { } avslutas aldrig');
        const d = text.charCodeAt(i);
        if (d === CLOSE) {
          i++;
          break;
        }
        if (d === OPEN) throw new SieSyntaxError('en objektlista får inte innehålla {');
        items.push(readWord(true).value);
      }
      fields.push({ kind: 'list', items });
      continue;
    }
    if (c === CLOSE) throw new SieSyntaxError('ett } utan matchande {');
    const w = readWord(false);
    fields.push({ kind: 'word', value: w.value, quoted: w.quoted });
  }
  return { label, fields };
}
