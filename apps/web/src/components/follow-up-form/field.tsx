import { useState, type ReactNode } from 'react';
import type { FieldDef } from '../../../../../libs/domain/src/forms/template';
// The same JSON paths as the API's validation messages: one function, shared with the domain.
import {
  CHOICE_LABEL,
  formatAmount,
  formatShare,
  parseAmount,
  percentToShare,
  shareToPercent,
} from '../../format';

import { fieldId } from './follow-up-form';

export function hintFor(f: FieldDef): string | undefined {
  if (f.type === 'money') return 'Kronor, t.ex. 2 520 000';
  if (f.type === 'share') return 'I procent, t.ex. 87';
  if (f.type === 'integer') return 'Antal';
  return undefined;
}

export function Field(props: {
  path: string;
  label: string;
  hideLabel?: boolean;
  srContext?: string;
  required?: boolean;
  hint?: string;
  errors?: string[];
  comments?: ReactNode;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = fieldId(props.path);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errId = props.errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.errors?.length ? ' has-error' : ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
        {props.srContext && <span className="visually-hidden"> ({props.srContext})</span>}
        {props.required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
        {props.required && <span className="visually-hidden"> (obligatoriskt)</span>}
      </label>
      {props.hint && (
        <span id={hintId} className="hint">
          {props.hint}
        </span>
      )}
      {props.children(id, describedBy)}
      {errId && (
        <span id={errId} className="field-error">
          {props.errors!.join('; ')}
        </span>
      )}
      {props.comments}
    </div>
  );
}

export function display(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (field.type === 'share') return shareToPercent(String(value))?.replace('.', ',') ?? String(value);
  if (field.type === 'money' || field.type === 'decimal')
    return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? formatAmount(value) : String(value);
  return String(value);
}

export function ValueInput(props: {
  id: string;
  describedBy?: string;
  field: FieldDef;
  value: unknown;
  readOnly: boolean;
  invalid: boolean;
  onChange: (v: unknown) => void;
}) {
  const f = props.field;
  const [text, setText] = useState(() => display(f, props.value));
  if (props.readOnly) {
    const shown =
      f.type === 'choice'
        ? (CHOICE_LABEL[String(props.value)] ?? String(props.value ?? '–'))
        : f.type === 'share'
          ? formatShare(props.value === undefined || props.value === null ? null : String(props.value))
          : display(f, props.value) || '–';
    return (
      <output id={props.id} className="answer-value">
        {shown}
      </output>
    );
  }
  const common = {
    id: props.id,
    'aria-describedby': props.describedBy,
    'aria-invalid': props.invalid,
  };
  if (f.type === 'choice')
    return (
      <select
        {...common}
        value={String(props.value ?? '')}
        onChange={(e) => props.onChange(e.target.value || null)}
      >
        <option value="">Välj …</option>
        {(f.options ?? []).map((o) => (
          <option key={o} value={o}>
            {CHOICE_LABEL[o] ?? o}
          </option>
        ))}
      </select>
    );
  if (f.type === 'text' && (f.maxLength ?? 0) > 300)
    return (
      <textarea
        {...common}
        rows={3}
        maxLength={f.maxLength}
        value={String(props.value ?? '')}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  if (f.type === 'text' || f.type === 'textOrNumber' || f.type === 'date')
    return (
      <input
        {...common}
        type={f.type === 'date' ? 'date' : 'text'}
        maxLength={f.maxLength}
        value={String(props.value ?? '')}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  // Numbers: keep what the person typed; store the exact value (integer, decimal string or share).
  function parse(t: string): unknown {
    const trimmed = t.trim();
    if (trimmed === '') return null;
    if (f.type === 'integer')
      return /^\d+$/.test(trimmed.replace(/\s/g, '')) ? Number(trimmed.replace(/\s/g, '')) : trimmed;
    if (f.type === 'share') return percentToShare(trimmed) ?? trimmed;
    return parseAmount(trimmed) ?? trimmed;
  }
  return (
    <span className={f.type === 'share' ? 'input-suffix' : undefined}>
      <input
        {...common}
        type="text"
        inputMode={f.type === 'integer' ? 'numeric' : 'decimal'}
        className="numeric"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(parse(e.target.value));
        }}
        onBlur={() => {
          const v = parse(text);
          if (v !== null && typeof v !== 'number' && f.type === 'money' && parseAmount(text))
            setText(display(f, v));
        }}
      />
      {f.type === 'share' && <span aria-hidden="true">%</span>}
    </span>
  );
}
