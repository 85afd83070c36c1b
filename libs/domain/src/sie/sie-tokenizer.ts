/** One field of a SIE record: a plain or quoted word, or an object list between braces. */
export type SieToken = { kind: 'word'; value: string; quoted: boolean } | { kind: 'list'; items: string[] };

export class SieSyntaxError extends Error {}

/**
 * Splits a record line into its label and fields. Quoted strings may hold spaces and escaped quotes (\");
 * braces hold an object list ({1 "822" 6 "P1"}). Throws SieSyntaxError with a Swedish message.
 */
export function tokenizeSieLine(text: string): { label: string; fields: SieToken[] } {
  const fields: SieToken[] = [];
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const readWord = (inList: boolean): { value: string; quoted: boolean } => {
    if (text[i] === '"') {
      i++;
      let out = '';
      while (i < n) {
        const c = text[i];
        if (c === '\\' && i + 1 < n && (text[i + 1] === '"' || text[i + 1] === '\\')) {
          out += text[i + 1];
          i += 2;
          continue;
        }
        if (c === '"') {
          i++;
          return { value: out, quoted: true };
        }
        out += c;
        i++;
      }
      throw new SieSyntaxError('en sträng inom citattecken avslutas aldrig');
    }
    const startAt = i;
    while (
      i < n &&
      text[i] !== ' ' &&
      text[i] !== '\t' &&
      !(inList && (text[i] === '}' || text[i] === '{')) &&
      text[i] !== '"'
    )
      i++;
    return { value: text.slice(startAt, i), quoted: false };
  };

  skipSpace();
  const labelStart = i;
  while (i < n && text[i] !== ' ' && text[i] !== '\t') i++;
  const label = text.slice(labelStart, i);
  while (true) {
    skipSpace();
    if (i >= n) break;
    if (text[i] === '{') {
      i++;
      const items: string[] = [];
      while (true) {
        skipSpace();
        if (i >= n) throw new SieSyntaxError('en objektlista inom { } avslutas aldrig');
        if (text[i] === '}') {
          i++;
          break;
        }
        if (text[i] === '{') throw new SieSyntaxError('en objektlista får inte innehålla {');
        items.push(readWord(true).value);
      }
      fields.push({ kind: 'list', items });
      continue;
    }
    if (text[i] === '}') throw new SieSyntaxError('ett } utan matchande {');
    const w = readWord(false);
    fields.push({ kind: 'word', ...w });
  }
  return { label, fields };
}
