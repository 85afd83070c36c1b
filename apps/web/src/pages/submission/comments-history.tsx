import { useMutation } from 'urql';
import { actionLabel, errorMessage, formatDateTime, ROLE_PHRASE, STATUS_LABEL } from '../../format';
import { CommentThread } from '../../components/comment-thread';
import { AddCommentDocument, ResolveCommentDocument } from '../submission-queries';

import { Sub } from './submission-common';

/**
 * A status the history moved to, naming the workflow step's own role: a follow-up the beredningsgrupp approved
 * reads "Godkänd av beredningsgruppen", never the default "Godkänd av styrgruppen".
 */
function stateLabel(state: string, payload: unknown): string {
  const role = (payload as { stepCompleted?: string } | null)?.stepCompleted;
  if (state === 'STYRGRUPP_APPROVED' && role) return `Godkänd av ${ROLE_PHRASE[role] ?? role.toLowerCase()}`;
  return STATUS_LABEL[state] ?? state;
}

export function GeneralComments(props: { sub: Sub; reload: () => void }) {
  const [, add] = useMutation(AddCommentDocument);
  const [, resolve] = useMutation(ResolveCommentDocument);
  return (
    <section className="card" aria-labelledby="general-comments">
      <h2 id="general-comments">Kommentarer</h2>
      <CommentThread
        label="hela uppföljningen"
        open
        comments={props.sub.comments.filter((c) => !c.path)}
        onAdd={async (body) => {
          const r = await add({ submissionId: props.sub.id, body });
          if (!r.error) props.reload();
          return r.error ? errorMessage(r.error) : null;
        }}
        onResolve={async (id) => {
          const r = await resolve({ id });
          if (r.error) return errorMessage(r.error);
          props.reload();
          return null;
        }}
      />
      {props.sub.comments.some((c) => c.path) && (
        <p className="muted">
          {unresolvedText(props.sub.comments.filter((c) => c.path && !c.resolvedAt).length)}
        </p>
      )}
    </section>
  );
}

export function unresolvedText(n: number): string {
  if (n === 0) return 'Alla kommentarer vid fälten är lösta.';
  return n === 1 ? '1 olöst kommentar vid ett fält.' : `${n} olösta kommentarer vid fälten.`;
}

export function History(props: { sub: Sub }) {
  const entries = props.sub.history.filter((h) => h.action !== 'submission.saved');
  const saves = props.sub.history.length - entries.length;
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Historik</h2>
      <ol className="history">
        {entries.map((h) => {
          const comment =
            (h.payload as { comment?: string; reason?: string } | null)?.comment ??
            (h.payload as { reason?: string } | null)?.reason;
          return (
            <li key={h.id}>
              <time dateTime={h.at}>{formatDateTime(h.at)}</time> <strong>{h.actorName ?? 'Systemet'}</strong>{' '}
              {actionLabel(h.action)}
              {h.toState && h.toState !== h.fromState && <> → {stateLabel(h.toState, h.payload)}</>}
              {comment && <blockquote>{comment}</blockquote>}
            </li>
          );
        })}
      </ol>
      {saves > 0 && <p className="muted">{saves} sparningar visas inte.</p>}
    </section>
  );
}
