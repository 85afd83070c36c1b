import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../session';
import { errorMessage, formatDate, periodLabel } from '../../format';
import { Alert, ApprovalSteps, Loading, StatusBadge } from '../../components/ui';
import { CommentThread } from '../../components/comment-thread';
import { AddCommentDocument, ResolveCommentDocument, SubmissionDocument } from '../submission-queries';

import { Sub, EDITABLE } from './submission-common';
import { Editor } from './editor';
import { Review } from './review';

export function SubmissionPage() {
  const { id = '' } = useParams();
  const [q, refetch] = useQuery({ query: SubmissionDocument, variables: { id } });
  const s = useSession();
  if (q.error && !q.data)
    return (
      <>
        <h1>Uppföljningen kunde inte visas</h1>
        <Alert kind="error">{errorMessage(q.error)}</Alert>
        <Link to="/">Till startsidan</Link>
      </>
    );
  if (!q.data) return <Loading what="uppföljningen" />;
  const sub = q.data.submission;
  const myInsatsRoles = s.me.roles
    .filter((r) => r.organisationId === sub.organisationId && (!r.insatsId || r.insatsId === sub.insatsId))
    .map((r) => r.role);
  const canEdit =
    EDITABLE.includes(sub.status) &&
    (myInsatsRoles.includes('PROJEKTAGARE') || myInsatsRoles.includes('ADMIN'));
  return canEdit ? (
    <Editor key={`${sub.id}`} initial={sub} reload={() => refetch({ requestPolicy: 'network-only' })} />
  ) : (
    <Review
      sub={sub}
      roles={myInsatsRoles}
      changes={sub.changesSinceLastReview}
      reload={() => refetch({ requestPolicy: 'network-only' })}
    />
  );
}

export function Header(props: { sub: Sub; extra?: React.ReactNode }) {
  const sub = props.sub;
  return (
    <div className="page-head">
      <p className="breadcrumb">
        <Link to="/">Start</Link> / Uppföljning
      </p>
      <h1>
        {sub.insatsName}: {periodLabel(sub.period)}
      </h1>
      <p className="meta">
        <StatusBadge status={sub.status} label={sub.statusLabel} />{' '}
        <span>Sista dag: {formatDate(sub.deadline)}</span>
        {sub.revision > 1 && <span> · Revision {sub.revision}</span>}
        {props.extra}
      </p>
      <ApprovalSteps status={sub.status} steps={sub.approvalChain} />
    </div>
  );
}

/** Comments beside each field: the thread and a button to add one. */
export function useCommentRenderer(sub: Sub, reload: () => void) {
  const [, add] = useMutation(AddCommentDocument);
  const [, resolve] = useMutation(ResolveCommentDocument);
  return useCallback(
    (path: string, label: string) => (
      <CommentThread
        label={label}
        comments={sub.comments.filter((c) => c.path === path)}
        onAdd={async (body) => {
          const r = await add({ submissionId: sub.id, body, path });
          if (!r.error) reload();
          return r.error ? errorMessage(r.error) : null;
        }}
        onResolve={async (commentId) => {
          const r = await resolve({ id: commentId });
          if (r.error) return errorMessage(r.error);
          reload();
          return null;
        }}
      />
    ),
    [sub, add, resolve, reload],
  );
}
