import { Alert } from '../../components/ui';
import { errorDetails, errorMessage, type ErrorDetail } from '../../format';

export interface SaveOutcome {
  kind: 'success' | 'error';
  text: string;
  details?: ErrorDetail[];
}

/** The outcome of a failed save: the API's Swedish message and each field's problem (the message names the field). */
export function failure(error: unknown): SaveOutcome {
  return { kind: 'error', text: errorMessage(error), details: errorDetails(error) };
}

export function SaveResult(props: { outcome: SaveOutcome | null }) {
  const r = props.outcome;
  if (!r) return null;
  return (
    <Alert kind={r.kind}>
      {r.text}
      {r.details && r.details.length > 0 && (
        <ul>
          {r.details.map((d) => (
            <li key={d.path + d.message}>{d.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** The amount typed per cost centre as decimal strings; the problems in Swedish when some are not amounts. */
export function parseLines(
  typed: Record<string, string>,
  parse: (s: string) => string | null,
): { lines: Record<string, string>; bad: ErrorDetail[] } {
  const lines: Record<string, string> = {};
  const bad: ErrorDetail[] = [];
  for (const [code, text] of Object.entries(typed)) {
    if (!text.trim()) continue;
    const v = parse(text);
    if (v === null) bad.push({ path: code, message: `Kostnadsställe ${code}: ”${text}” är inget belopp` });
    else lines[code] = v;
  }
  return { lines, bad };
}
