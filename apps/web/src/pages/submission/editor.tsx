import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useClient, useMutation } from 'urql';
import type { SectionDef, TemplateDef } from '../../../../../libs/domain/src/forms/template';
import { errorCode, errorDetails, errorMessage, formatTime } from '../../format';
import { Alert } from '../../components/ui';
import { fieldId, FollowUpForm, type Answers } from '../../components/follow-up-form/follow-up-form';
import { jsonPath } from '../../../../../libs/domain/src/common/issues';
import { Attachments } from '../../components/attachments';
import { useUnsavedChanges } from '../../hooks/unsaved-changes';
import { SaveSubmissionDocument, SubmissionDocument, SubmitSubmissionDocument } from '../submission-queries';

import { Sub, AUTOSAVE_MS } from './submission-common';
import { Header, useCommentRenderer } from './submission-page';
import { GeneralComments, History } from './comments-history';
import { describePath, messageInWords, valueAt } from './answer-words';

export function Editor(props: { initial: Sub; reload: () => void }) {
  const client = useClient();
  const [sub, setSub] = useState<Sub>(props.initial);
  const lastSaved = useRef<Sub>(props.initial);
  const [answers, setAnswers] = useState<Answers>(() => props.initial.answers as Answers);
  const [saveState, setSaveState] = useState<'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict'>(
    'idle',
  );
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(props.initial.status === 'RETURNED');
  const [submitError, setSubmitError] = useState<{ text: string; validation: boolean } | null>(null);
  // Fields typed in since the last save: their old messages are stale until the next save answers.
  const [editedSinceSave, setEditedSinceSave] = useState<Set<string>>(new Set());
  const [, save] = useMutation(SaveSubmissionDocument);
  const [submitting, submit] = useMutation(SubmitSubmissionDocument);
  const navigate = useNavigate();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const version = useRef(props.initial.version);
  const latest = useRef(answers);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflict = useRef(false);
  // Typed text that could not be saved (a conflict, or the API refused): leaving the page asks first.
  useUnsavedChanges(saveState === 'conflict' || saveState === 'error');

  // Keep comments and history fresh without touching what is being typed.
  useEffect(() => {
    setSub((cur) => ({
      ...props.initial,
      version: cur.version,
      answers: cur.answers,
      validationErrors: cur.validationErrors,
      derived: cur.derived,
    }));
  }, [props.initial]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    if (!dirty.current || conflict.current) return !conflict.current;
    dirty.current = false;
    setSaveState('saving');
    const run = (async () => {
      const r = await save({ id: sub.id, version: version.current, answers: latest.current });
      if (r.data) {
        version.current = r.data.saveSubmission.version;
        lastSaved.current = r.data.saveSubmission;
        setSub(r.data.saveSubmission);
        if (!dirty.current) setEditedSinceSave(new Set());
        setSavedAt(new Date());
        setSaveError(null);
        setSaveState(dirty.current ? 'pending' : 'saved');
        return true;
      }
      dirty.current = true;
      if (errorCode(r.error) === 'VERSION_CONFLICT') {
        conflict.current = true;
        setSaveState('conflict');
      } else {
        setSaveError(errorMessage(r.error));
        setSaveState('error');
      }
      return false;
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    if (ok && dirty.current) return flush();
    return ok;
  }, [save, sub.id]);

  const onChange = useCallback(
    (path: Array<string | number>, value: unknown) => {
      setAnswers((prev) => {
        const next = setIn(prev, path, value);
        latest.current = next;
        return next;
      });
      setTouched((t) => new Set(t).add(jsonPath(path)));
      setEditedSinceSave((t) => new Set(t).add(jsonPath(path)));
      dirty.current = true;
      if (conflict.current) return;
      setSaveState('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  // Save what is typed before the tab closes or the person navigates away.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) {
        void flush();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (dirty.current && !conflict.current) void flush();
    };
  }, [flush]);

  function takeTheirs() {
    // Start over from what is stored now; what I typed since the last save is dropped, as the button says.
    conflict.current = false;
    dirty.current = false;
    window.location.reload();
  }

  async function keepMine() {
    // Save my answers on top of the newest version: the other person's changes are replaced by mine.
    const r = await fetchLatestVersion();
    if (r === null) return;
    version.current = r;
    conflict.current = false;
    dirty.current = true;
    await flush();
  }

  async function fetchLatestVersion(): Promise<number | null> {
    const r = await client
      .query(SubmissionDocument, { id: sub.id }, { requestPolicy: 'network-only' })
      .toPromise();
    if (r.error) setSaveError(errorMessage(r.error));
    return r.data?.submission.version ?? null;
  }

  async function onSubmit() {
    setSubmitError(null);
    setShowAll(true);
    if (!(await flush())) return;
    if (lastSaved.current.validationErrors.length > 0) {
      setSubmitError({
        text: 'Uppföljningen kan inte skickas in förrän felen i listan överst på sidan är åtgärdade.',
        validation: true,
      });
      document.getElementById('error-summary')?.focus();
      return;
    }
    const r = await submit({ id: sub.id, version: version.current });
    if (r.error) {
      const details = errorDetails(r.error);
      setSubmitError({
        text: errorMessage(r.error) + (details.length ? ` (${details.length} fel)` : ''),
        validation: details.length > 0,
      });
      if (errorCode(r.error) === 'VERSION_CONFLICT') {
        conflict.current = true;
        setSaveState('conflict');
      }
      return;
    }
    // The page turns read-only; the confirmation travels with it and says what happens next.
    const first = sub.approvalChain[0]?.roleLabel ?? 'granskarna';
    navigate(`/uppfoljningar/${sub.id}`, {
      replace: true,
      state: {
        notice: `Uppföljningen är inskickad. Den går nu till ${first}, som godkänner den eller skickar tillbaka den med en kommentar; du får e-post om den skickas tillbaka. Tills någon har godkänt den kan du dra tillbaka den här på sidan.`,
      },
    });
    props.reload();
  }

  const template = sub.template.definition as TemplateDef;
  const errors = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const e of sub.validationErrors) {
      if (!showAll && !touched.has(e.path)) continue;
      if (editedSinceSave.has(e.path)) continue;
      const message = messageInWords(template, e.path, e.message, valueAt(answers, e.path));
      m.set(e.path, [...(m.get(e.path) ?? []), message]);
    }
    return m;
  }, [sub.validationErrors, touched, showAll, editedSinceSave, template, answers]);

  const renderComments = useCommentRenderer(sub, props.reload);
  const returned = [...sub.history].reverse().find((h) => h.action === 'submission.returned');

  return (
    <>
      <Header
        sub={sub}
        extra={
          <span className={`save-state save-${saveState}`} role="status" aria-live="polite">
            {saveState === 'saving' && 'Sparar …'}
            {saveState === 'pending' && 'Ändrat, sparas strax …'}
            {saveState === 'saved' && savedAt && `Sparat ${formatTime(savedAt)}`}
            {saveState === 'error' && 'Inte sparat'}
            {saveState === 'conflict' && 'Inte sparat: krock'}
          </span>
        }
      />
      {saveState === 'conflict' && (
        <Alert kind="warning" title="Någon annan har sparat uppföljningen medan du skrev.">
          <p>
            Dina senaste ändringar är inte sparade, eftersom uppföljningen ändrats (kanske i en annan flik
            eller av en kollega) efter att du öppnade den. Välj hur du vill gå vidare:
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={takeTheirs}>
              Hämta den senaste versionen (mina osparade ändringar försvinner)
            </button>
            <button type="button" className="button primary" onClick={keepMine}>
              Spara mina ändringar ovanpå
            </button>
          </div>
        </Alert>
      )}
      {saveState === 'error' && saveError && (
        <Alert kind="error" title="Ändringarna kunde inte sparas.">
          <p>{saveError}</p>
          <button type="button" className="button" onClick={() => void flush()}>
            Försök igen
          </button>
        </Alert>
      )}
      {notice && <Alert kind="success">{notice}</Alert>}
      {sub.status === 'RETURNED' && returned && (
        <Alert kind="info" title="Uppföljningen har skickats tillbaka till dig.">
          <p>
            {returned.actorName ?? 'Granskaren'} skrev: ”
            {String((returned.payload as { comment?: string })?.comment ?? '')}”
          </p>
        </Alert>
      )}
      {/* At the top: what stops the submission, each field named in words and linked to it. */}
      {showAll && sub.validationErrors.length > 0 && (
        <div id="error-summary" className="error-summary" tabIndex={-1} role="alert">
          <p>
            <strong>
              {sub.validationErrors.length === 1
                ? '1 fält behöver åtgärdas'
                : `${sub.validationErrors.length} fält behöver åtgärdas`}{' '}
              innan uppföljningen kan skickas in:
            </strong>
          </p>
          <ul>
            {sub.validationErrors.map((e) => (
              <li key={e.path + e.message}>
                <a href={`#${fieldId(e.path)}`} onClick={(ev) => focusField(ev, e.path)}>
                  {describePath(template, e.path)}:{' '}
                  {messageInWords(template, e.path, e.message, valueAt(answers, e.path))}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="layout-two">
        <div>
          <FollowUpForm
            template={template}
            answers={answers}
            insatsType={sub.insatsType}
            period={sub.period}
            matpunkter={sub.matpunkter}
            derived={sub.derived as Record<string, unknown>}
            errors={errors}
            readOnly={false}
            onChange={onChange}
            renderComments={renderComments}
            renderFiles={(section: SectionDef) => (
              <Attachments
                section={section}
                organisationId={sub.organisationId}
                value={answers[section.key]}
                readOnly={false}
                onChange={(v) => onChange([section.key], v)}
              />
            )}
          />
          <section className="card submit-panel" aria-labelledby="submit-heading">
            <h2 id="submit-heading">Skicka in</h2>
            {submitError && (!submitError.validation || sub.validationErrors.length > 0) && (
              <Alert kind="error">{submitError.text}</Alert>
            )}
            <p className="muted">
              När du skickar in går uppföljningen till {sub.approvalChain[0]?.roleLabel ?? 'granskning'}. Du
              kan dra tillbaka den tills någon har godkänt den.
            </p>
            <button
              type="button"
              className="button primary"
              onClick={onSubmit}
              disabled={submitting.fetching || saveState === 'conflict'}
            >
              {submitting.fetching ? 'Skickar …' : 'Skicka in uppföljningen'}
            </button>
          </section>
        </div>
        <aside className="side">
          <GeneralComments sub={sub} reload={props.reload} />
          <History sub={sub} />
        </aside>
      </div>
    </>
  );
}

export function focusField(ev: React.MouseEvent, path: string) {
  const el =
    document.getElementById(fieldId(path)) ?? document.getElementById(`sec-${path.split(/[.[]/)[1]}`);
  if (el) {
    ev.preventDefault();
    el.scrollIntoView({ block: 'center' });
    el.focus();
  }
}

export function setIn(obj: unknown, path: Array<string | number>, value: unknown): Answers {
  const [head, ...rest] = path;
  const base: Record<string | number, unknown> | unknown[] = Array.isArray(obj)
    ? [...obj]
    : { ...((obj ?? {}) as Record<string, unknown>) };
  const current = (base as Record<string | number, unknown>)[head];
  (base as Record<string | number, unknown>)[head] = rest.length
    ? setIn(current ?? (typeof rest[0] === 'number' ? [] : {}), rest, value)
    : value;
  return base as Answers;
}
