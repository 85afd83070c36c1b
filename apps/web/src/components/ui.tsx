import type { ReactNode } from 'react';
import { STATUS_LABEL } from '../format';

export function StatusBadge(props: { status: string; label?: string }) {
  return (
    <span className={`badge badge-${props.status.toLowerCase()}`}>
      {props.label ?? STATUS_LABEL[props.status] ?? props.status}
    </span>
  );
}

export function Alert(props: {
  kind: 'error' | 'info' | 'success' | 'warning';
  children: ReactNode;
  title?: string;
}) {
  return (
    <div
      className={`alert alert-${props.kind}`}
      role={props.kind === 'error' || props.kind === 'warning' ? 'alert' : 'status'}
    >
      {props.title && <strong className="alert-title">{props.title}</strong>}
      {props.children}
    </div>
  );
}

export function ProgressBar(props: { value: number; label: string; describedBy?: string }) {
  const v = Math.max(0, Math.min(100, Math.round(props.value)));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={v}
      aria-valuetext={`${v} procent`}
      aria-describedby={props.describedBy}
    >
      <div className="progress-fill" style={{ width: `${v}%` }} />
    </div>
  );
}

export function Loading(props: { what?: string }) {
  return (
    <p className="muted" aria-busy="true">
      Hämtar {props.what ?? 'uppgifter'} …
    </p>
  );
}

/** The approval chain as numbered steps: submitted, then each approval step, done or waiting. */
export function ApprovalSteps(props: {
  status: string;
  steps: Array<{ role: string; roleLabel: string; quorum: number; approvals: number; state: string }>;
}) {
  const submitted = !['DRAFT', 'RETURNED', 'WITHDRAWN'].includes(props.status);
  const all = [
    { key: 'submit', label: 'Projektägaren skickar in', state: submitted ? 'DONE' : 'CURRENT', note: '' },
    ...props.steps.map((s, i) => ({
      key: `${s.role}-${i}`,
      label: `Godkänns av ${s.roleLabel}`,
      state: s.state,
      note: s.quorum > 1 ? `${s.approvals} av ${s.quorum}` : '',
    })),
  ];
  const stateText: Record<string, string> = { DONE: 'klart', CURRENT: 'pågår', PENDING: 'väntar' };
  return (
    <ol className="steps" aria-label="Godkännandekedjan">
      {all.map((s, i) => (
        <li
          key={s.key}
          className={`step step-${s.state.toLowerCase()}`}
          aria-current={s.state === 'CURRENT' ? 'step' : undefined}
        >
          <span className="step-number" aria-hidden="true">
            {s.state === 'DONE' ? '✓' : i + 1}
          </span>
          <span className="step-label">
            {s.label}
            {s.note && <small> ({s.note})</small>}
            <span className="visually-hidden">: {stateText[s.state]}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A password field (the person's current one unless `autoComplete` says otherwise), with an optional hint. */
export function PasswordField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  required?: boolean;
  autoComplete?: 'current-password' | 'new-password';
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <span className="hint" id={hintId}>
          {props.hint}
        </span>
      )}
      <input
        id={props.id}
        type="password"
        autoComplete={props.autoComplete ?? 'current-password'}
        aria-describedby={hintId}
        required={props.required}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export interface VersionedSaveMessage {
  kind: 'success' | 'error' | 'warning';
  text: string;
}

/**
 * Saving a versioned document (structure, texts): the outcome, the save button and, after a version conflict
 * (a warning), a way to fetch the latest version.
 */
export function VersionedSave(props: {
  message: VersionedSaveMessage | null;
  label: string;
  reloadLabel: string;
  saving: boolean;
  onSave: () => void;
  onReload: () => void;
}) {
  return (
    <>
      {props.message && <Alert kind={props.message.kind}>{props.message.text}</Alert>}
      <div className="button-row">
        <button type="button" className="button" disabled={props.saving} onClick={props.onSave}>
          {props.label}
        </button>
        {props.message?.kind === 'warning' && (
          <button type="button" className="button-link" onClick={props.onReload}>
            {props.reloadLabel}
          </button>
        )}
      </div>
    </>
  );
}
