import { Alert } from './ui';
import { errorDetails, errorMessage, type ErrorDetail } from '../format';

export interface SaveOutcome {
  kind: 'success' | 'error';
  text: string;
  details?: ErrorDetail[];
}

/** The outcome of a failed save: the API's Swedish message and each field's problem (the message names the field). */
export function failure(error: unknown): SaveOutcome {
  return { kind: 'error', text: errorMessage(error), details: errorDetails(error) };
}

/** The outcome of a save; `field` names a detail's field when its message does not. */
export function SaveResult(props: { outcome: SaveOutcome | null; field?: (path: string) => string }) {
  const r = props.outcome;
  if (!r) return null;
  return (
    <Alert kind={r.kind}>
      {r.text}
      {r.details && r.details.length > 0 && (
        <ul>
          {r.details.map((d) => (
            <li key={d.path + d.message}>
              {props.field ? `${props.field(d.path)}: ${d.message}` : d.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
