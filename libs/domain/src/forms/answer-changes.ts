import { jsonPath } from '../common/issues';

/** One answer that differs between two versions of a follow-up, at its JSON path ($.deltagare.avslutade). */
export interface AnswerChange {
  path: string;
  before: unknown;
  after: unknown;
}

const empty = (v: unknown) => v === undefined || v === null || v === '';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The answers that changed between two versions, leaf by leaf, in the order of the newer answers. An empty value
 * (missing, null, '') equals another empty one. `whole` names top-level keys compared as one value (a section of
 * bilagor: a list of files is changed or not, not file by file).
 */
export function answerChanges(
  before: unknown,
  after: unknown,
  whole: readonly string[] = [],
): AnswerChange[] {
  const out: AnswerChange[] = [];
  const walk = (a: unknown, b: unknown, path: Array<string | number>) => {
    const atWhole = path.length === 1 && whole.includes(String(path[0]));
    if (!atWhole && (isObject(a) || isObject(b)) && !Array.isArray(a) && !Array.isArray(b)) {
      const x = isObject(a) ? a : {};
      const y = isObject(b) ? b : {};
      for (const k of [...new Set([...Object.keys(y), ...Object.keys(x)])]) walk(x[k], y[k], [...path, k]);
      return;
    }
    if (!atWhole && (Array.isArray(a) || Array.isArray(b)) && !isObject(a) && !isObject(b)) {
      const x = Array.isArray(a) ? a : [];
      const y = Array.isArray(b) ? b : [];
      for (let i = 0; i < Math.max(x.length, y.length); i++) walk(x[i], y[i], [...path, i]);
      return;
    }
    if (empty(a) && empty(b)) return;
    if (JSON.stringify(a) !== JSON.stringify(b))
      out.push({ path: jsonPath(path), before: a ?? null, after: b ?? null });
  };
  walk(before, after, []);
  return out;
}
