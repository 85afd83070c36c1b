import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMutation, useSubscription } from 'urql';
import type { TemplateDef } from '../../../../../libs/domain/src/forms/template';
import { errorMessage } from '../../format';
import { Alert, PasswordField } from '../../components/ui';
import { FollowUpForm, type Answers } from '../../components/follow-up-form/follow-up-form';
import { Attachments } from '../../components/attachments';
import { AnswerChanges, type Changes } from '../../components/answer-changes';
import { useUnsavedChanges } from '../../hooks/unsaved-changes';
import {
  ApproveSubmissionDocument,
  ReopenSubmissionDocument,
  ReturnSubmissionDocument,
  SubmissionChangedDocument,
  WithdrawSubmissionDocument,
} from '../submission-queries';

import { Sub } from './submission-common';
import { Header, useCommentRenderer } from './submission-page';
import { GeneralComments, History } from './comments-history';

export function Review(props: { sub: Sub; roles: string[]; changes?: Changes | null; reload: () => void }) {
  const sub = props.sub;
  useSubscription({ query: SubmissionChangedDocument, variables: { id: sub.id } }, () => {
    props.reload();
    return null;
  });
  const renderComments = useCommentRenderer(sub, props.reload);
  const template = sub.template.definition as TemplateDef;
  const current = sub.approvalChain.find((c) => c.state === 'CURRENT');
  const mayDecide = !!current && props.roles.includes(current.role);
  // Kept here: after a decision the decision panel goes away, the confirmation stays. The editor's confirmation
  // after submitting arrives with the navigation.
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(
    () => (location.state as { notice?: string } | null)?.notice ?? null,
  );
  // The projektägare may take it back until a reviewer has approved anything.
  const mayWithdraw =
    sub.status === 'SUBMITTED' &&
    props.roles.includes('PROJEKTAGARE') &&
    (sub.approvalChain[0]?.approvals ?? 0) === 0;
  return (
    <>
      <Header sub={sub} />
      <div className="layout-two">
        <div>
          {notice && <Alert kind="success">{notice}</Alert>}
          {mayWithdraw && <Withdraw sub={sub} reload={props.reload} />}
          {sub.status !== 'DRAFT' && <AnswerChanges template={template} changes={props.changes} />}
          {mayDecide && current && (
            <Decision
              sub={sub}
              signature={current.requireSignature}
              reload={props.reload}
              onDone={setNotice}
            />
          )}
          <FollowUpForm
            template={template}
            answers={sub.answers as Answers}
            insatsType={sub.insatsType}
            period={sub.period}
            matpunkter={sub.matpunkter}
            derived={sub.derived as Record<string, unknown>}
            errors={new Map()}
            readOnly
            renderComments={renderComments}
            renderFiles={(section) => (
              <Attachments
                section={section}
                organisationId={sub.organisationId}
                value={(sub.answers as Answers)[section.key]}
                readOnly
              />
            )}
          />
        </div>
        <aside className="side">
          <GeneralComments sub={sub} reload={props.reload} />
          <History sub={sub} />
          {sub.status === 'APPROVED' && props.roles.includes('FORBUNDSCHEF') && <Reopen sub={sub} />}
        </aside>
      </div>
    </>
  );
}

export function Decision(props: {
  sub: Sub;
  signature: boolean;
  reload: () => void;
  onDone: (message: string) => void;
}) {
  const [comment, setComment] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [ack, setAck] = useState(false);
  const [askAck, setAskAck] = useState(false);
  const open = props.sub.comments.filter((c) => !c.resolvedAt).length;
  const [approving, approve] = useMutation(ApproveSubmissionDocument);
  const [returning, doReturn] = useMutation(ReturnSubmissionDocument);
  const busy = approving.fetching || returning.fetching;
  useUnsavedChanges(comment.trim().length > 0 && !busy);

  async function onApprove() {
    setError(null);
    if ((open > 0 || askAck) && !ack) {
      setError('Läs de olösta kommentarerna och bocka i att du godkänner ändå.');
      return;
    }
    const r = await approve({
      id: props.sub.id,
      version: props.sub.version,
      comment: comment.trim() || null,
      acknowledgeOpenComments: ack || null,
      ...(props.signature ? { password, code } : {}),
    });
    if (r.error) {
      if (errorReason(r.error) === 'SUBMISSION_OPEN_COMMENTS') setAskAck(true);
      return setError(errorMessage(r.error));
    }
    props.onDone('Du har godkänt uppföljningen.');
    props.reload();
  }
  async function onReturn() {
    setError(null);
    if (!comment.trim()) {
      setError('Skriv en kommentar som säger vad projektägaren behöver ändra.');
      document.getElementById('decision-comment')?.focus();
      return;
    }
    const r = await doReturn({ id: props.sub.id, comment: comment.trim() });
    if (r.error) return setError(errorMessage(r.error));
    props.onDone('Uppföljningen är återsänd till projektägaren.');
    props.reload();
  }
  return (
    <section className="card decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Ditt beslut</h2>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="field">
        <label htmlFor="decision-comment">Kommentar till beslutet</label>
        <span className="hint" id="decision-comment-hint">
          Krävs när du skickar tillbaka; syns för projektägaren och i historiken.
        </span>
        <textarea
          id="decision-comment"
          aria-describedby="decision-comment-hint"
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {props.signature && (
        <div className="field-grid">
          <PasswordField id="decision-password" label="Lösenord" value={password} onChange={setPassword} />
          <div className="field">
            <label htmlFor="decision-code">Engångskod</label>
            <input
              id="decision-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
        </div>
      )}
      {(open > 0 || askAck) && (
        <div className="field">
          <Alert kind="warning">
            {open === 1 ? 'Det finns 1 olöst kommentar.' : `Det finns ${open} olösta kommentarer.`} Läs dem
            innan du godkänner.
          </Alert>
          <label className="radio">
            <input type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} /> Jag har läst de
            olösta kommentarerna och godkänner ändå
          </label>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button primary" disabled={busy} onClick={onApprove}>
          Godkänn
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={onReturn}>
          Skicka tillbaka till projektägaren
        </button>
      </div>
    </section>
  );
}

/** "Dra tillbaka": the submitted follow-up goes back to being the projektägare's to change. */
function Withdraw(props: { sub: Sub; reload: () => void }) {
  const navigate = useNavigate();
  const [r, withdraw] = useMutation(WithdrawSubmissionDocument);
  return (
    <section className="card" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">Dra tillbaka</h2>
      <p className="muted">
        Ingen har godkänt uppföljningen än. Drar du tillbaka den kan du ändra den och skicka in den igen.
      </p>
      {r.error && <Alert kind="error">{errorMessage(r.error)}</Alert>}
      <button
        type="button"
        className="button"
        disabled={r.fetching}
        onClick={async () => {
          if (
            !window.confirm(
              'Dra tillbaka uppföljningen? Granskarna ser den inte förrän du skickar in den igen.',
            )
          )
            return;
          const res = await withdraw({ id: props.sub.id });
          if (res.error) return;
          // The page becomes the editor again; the confirmation travels with the navigation.
          navigate(`/uppfoljningar/${props.sub.id}`, {
            replace: true,
            state: { notice: 'Uppföljningen är tillbakadragen. Du kan ändra den och skicka in den igen.' },
          });
          props.reload();
        }}
      >
        Dra tillbaka uppföljningen
      </button>
    </section>
  );
}

export function Reopen(props: { sub: Sub }) {
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [r, reopen] = useMutation(ReopenSubmissionDocument);
  return (
    <section className="card" aria-labelledby="reopen-heading">
      <h2 id="reopen-heading">Öppna igen</h2>
      <p className="muted">Skapar en ny revision; den godkända finns kvar i historiken.</p>
      {r.error && <Alert kind="error">{errorMessage(r.error)}</Alert>}
      <div className="field">
        <label htmlFor="reopen-reason">Skäl</label>
        <input id="reopen-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button
        type="button"
        className="button"
        disabled={!reason.trim() || r.fetching}
        onClick={async () => {
          const res = await reopen({ id: props.sub.id, reason: reason.trim() });
          if (res.data) navigate(`/uppfoljningar/${res.data.reopenSubmission.id}`);
        }}
      >
        Öppna som ny revision
      </button>
    </section>
  );
}

function errorReason(e: unknown): string | undefined {
  const err = e as { graphQLErrors?: Array<{ extensions?: { reason?: string } }> };
  return err?.graphQLErrors?.[0]?.extensions?.reason;
}
