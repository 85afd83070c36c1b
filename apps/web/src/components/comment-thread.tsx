import { useId, useState } from 'react';
import { formatDateTime } from '../format';
import { useUnsavedChanges } from '../hooks/unsaved-changes';

interface Comment {
  id: string;
  body: string;
  authorName: string;
  createdAt: string;
  resolvedAt?: string | null;
}

/** The comments on one field (or the whole follow-up), and a small form to add one. */
export function CommentThread(props: {
  label: string;
  comments: Comment[];
  open?: boolean;
  onAdd: (body: string) => Promise<string | null>;
  /** Answers the refusal's message, or null when the comment is resolved. */
  onResolve: (id: string) => Promise<string | null>;
}) {
  const [writing, setWriting] = useState(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resolveError, setResolveError] = useState<string | null>(null);
  const id = useId();
  const showForm = props.open || writing;
  useUnsavedChanges(body.trim().length > 0);
  async function send() {
    if (!body.trim()) return setError('Skriv något först.');
    setBusy(true);
    const err = await props.onAdd(body.trim());
    setBusy(false);
    if (err) return setError(err);
    setBody('');
    setError(null);
    setWriting(false);
  }
  return (
    <div className="comments">
      {props.comments.length > 0 && (
        <ul className="comment-list" aria-label={`Kommentarer om ${props.label}`}>
          {props.comments.map((c) => (
            <li key={c.id} className={c.resolvedAt ? 'comment resolved' : 'comment'}>
              <p className="comment-meta">
                <strong>{c.authorName}</strong>{' '}
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                {c.resolvedAt && <span className="muted"> · löst</span>}
              </p>
              <p className="comment-body">{c.body}</p>
              {!c.resolvedAt && (
                <button
                  type="button"
                  className="button-link"
                  onClick={async () => {
                    const err = await props.onResolve(c.id);
                    setResolveError(err);
                  }}
                >
                  Markera som löst
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {resolveError && (
        <p className="field-error" role="alert">
          {resolveError}
        </p>
      )}
      {showForm ? (
        <div className="comment-form">
          <label htmlFor={id} className={props.open ? undefined : 'visually-hidden'}>
            Ny kommentar om {props.label}
          </label>
          <textarea id={id} rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button small" disabled={busy} onClick={send}>
              Skicka kommentar<span className="visually-hidden"> om {props.label}</span>
            </button>
            {!props.open && (
              <button type="button" className="button-link" onClick={() => setWriting(false)}>
                Avbryt
              </button>
            )}
          </div>
        </div>
      ) : (
        <button type="button" className="button-link comment-toggle" onClick={() => setWriting(true)}>
          Kommentera<span className="visually-hidden"> {props.label}</span>
        </button>
      )}
    </div>
  );
}
