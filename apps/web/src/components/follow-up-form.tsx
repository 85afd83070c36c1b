import { useState, type ReactNode } from 'react';
import type { FieldDef, SectionDef, TemplateDef } from '../../../../libs/domain/src/forms/template';
// The same JSON paths as the API's validation messages: one function, shared with the domain.
import { jsonPath } from '../../../../libs/domain/src/common/issues';
import {
  CHOICE_LABEL,
  formatAmount,
  formatShare,
  formatTarget,
  parseAmount,
  percentToShare,
  shareToPercent,
} from '../format';

export type Answers = Record<string, unknown>;
type Obj = Record<string, unknown>;

export interface Matpunkt {
  key: string;
  text: string;
  target?: string | null;
  op?: string | null;
}

export interface FormProps {
  template: TemplateDef;
  answers: Answers;
  insatsType: string;
  period: string;
  matpunkter: Matpunkt[];
  derived: Obj;
  /** Messages by JSON path ($.deltagare.avslutade), already filtered to those to show. */
  errors: Map<string, string[]>;
  readOnly: boolean;
  onChange?: (path: Array<string | number>, value: unknown) => void;
  /** Comments and the comment button beside a field or section. */
  renderComments?: (path: string, label: string) => ReactNode;
  /** The bilagor section (uploads need the API). */
  renderFiles?: (section: SectionDef) => ReactNode;
}

/** DOM id for a JSON path, so error summaries can link to the field. */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9_]/g, '-')}`;

const OP_TEXT: Record<string, string> = {
  '>=': 'minst',
  '<=': 'högst',
  '>': 'mer än',
  '<': 'mindre än',
  '=': 'exakt',
};

function sectionApplies(s: SectionDef, insatsType: string): boolean {
  return !s.appliesTo || s.appliesTo.includes(insatsType as 'INDIVID' | 'STRUKTUR');
}
function fieldApplies(f: FieldDef, period: string): boolean {
  return !f.periods || f.periods.some((p) => period.startsWith(p));
}

const DERIVED_LABEL: Record<string, string> = {
  inskrivna_totalt: 'Inskrivna totalt',
  avvikelse: 'Avvikelse mot beviljat',
  vald_besvarade_andel: 'Andel besvarade',
};

export function FollowUpForm(p: FormProps) {
  return (
    <div className="form-sections">
      {p.template.sections
        .filter((s) => sectionApplies(s, p.insatsType))
        .map((s) => (
          <section key={s.key} className="card form-section" aria-labelledby={`sec-${s.key}`}>
            <div className="section-head">
              <h2 id={`sec-${s.key}`}>{s.title}</h2>
              {s.kind !== 'text' && p.renderComments?.(jsonPath([s.key]), s.title)}
            </div>
            <SectionErrors errors={p.errors.get(jsonPath([s.key]))} hidden={s.kind === 'text'} />
            <Section {...p} section={s} />
          </section>
        ))}
    </div>
  );
}

function SectionErrors(props: { errors?: string[]; hidden?: boolean }) {
  if (!props.errors?.length || props.hidden) return null;
  return (
    <ul className="field-error">
      {props.errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

function Section(p: FormProps & { section: SectionDef }) {
  const s = p.section;
  const value = p.answers[s.key];
  if (s.kind === 'text') {
    const path = jsonPath([s.key]);
    return (
      <Field
        path={path}
        label={s.title}
        hideLabel
        required={!p.readOnly && s.required}
        errors={p.errors.get(path)}
        comments={p.renderComments?.(path, s.title)}
      >
        {(id, describedBy) =>
          p.readOnly ? (
            <p id={id} className="answer-text">
              {typeof value === 'string' && value ? value : '–'}
            </p>
          ) : (
            <textarea
              id={id}
              aria-describedby={describedBy}
              aria-invalid={!!p.errors.get(path)}
              rows={6}
              maxLength={s.maxLength}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => p.onChange?.([s.key], e.target.value)}
            />
          )
        }
      </Field>
    );
  }
  if (s.kind === 'group') {
    const group = (value && typeof value === 'object' ? value : {}) as Obj;
    const derived = (p.derived[s.key] ?? {}) as Obj;
    return (
      <>
        <div className="field-grid">
          {(s.fields ?? [])
            .filter((f) => fieldApplies(f, p.period))
            .map((f) => {
              const path = jsonPath([s.key, f.key]);
              return (
                <Field
                  key={f.key}
                  path={path}
                  label={f.label}
                  required={!p.readOnly && f.required}
                  hint={p.readOnly ? undefined : hintFor(f)}
                  errors={p.errors.get(path)}
                  comments={p.renderComments?.(path, `${s.title}: ${f.label}`)}
                >
                  {(id, describedBy) => (
                    <ValueInput
                      id={id}
                      describedBy={describedBy}
                      field={f}
                      value={group[f.key]}
                      readOnly={p.readOnly}
                      invalid={!!p.errors.get(path)}
                      onChange={(v) => p.onChange?.([s.key, f.key], v)}
                    />
                  )}
                </Field>
              );
            })}
        </div>
        {Object.keys(derived).length > 0 && (
          <dl className="derived" aria-label="Beräknat">
            {Object.entries(derived).map(([k, v]) => (
              <div key={k}>
                <dt>{DERIVED_LABEL[k] ?? k}</dt>
                <dd>
                  {k.endsWith('andel') ? formatShare(String(v)) : formatAmount(v === null ? null : String(v))}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </>
    );
  }
  if (s.kind === 'rows') {
    const rows = (Array.isArray(value) ? value : []) as Obj[];
    const suggestions = (p.derived.foreslagna_bedomningar ?? {}) as Record<string, string>;
    const fields = s.fields ?? [];
    return (
      <div className="rows">
        {rows.map((row, i) => {
          const m = p.matpunkter.find((x) => x.key === row.matpunkt);
          const title = m?.text ?? String(row.matpunkt);
          return (
            <fieldset key={`${String(row.matpunkt)}-${i}`} className="row-card">
              <legend>
                {title}
                {m?.target && (
                  <small className="muted">
                    {' '}
                    · mål: {OP_TEXT[m.op ?? ''] ?? ''} {formatTarget(m.target)}
                  </small>
                )}
              </legend>
              <SectionErrors errors={p.errors.get(jsonPath([s.key, i]))} />
              <div className="field-grid">
                {fields
                  .filter((f) => f.key !== 'matpunkt')
                  .map((f) => {
                    const path = jsonPath([s.key, i, f.key]);
                    const suggestion = f.key === 'bedomning' ? suggestions[String(row.matpunkt)] : undefined;
                    return (
                      <Field
                        key={f.key}
                        path={path}
                        label={f.label}
                        srContext={title}
                        required={!p.readOnly && f.required}
                        hint={
                          suggestion
                            ? `Förslag utifrån målet: ${CHOICE_LABEL[suggestion] ?? suggestion}`
                            : p.readOnly
                              ? undefined
                              : hintFor(f)
                        }
                        errors={p.errors.get(path)}
                        comments={p.renderComments?.(path, `${title}: ${f.label}`)}
                      >
                        {(id, describedBy) => (
                          <ValueInput
                            id={id}
                            describedBy={describedBy}
                            field={f}
                            value={row[f.key]}
                            readOnly={p.readOnly}
                            invalid={!!p.errors.get(path)}
                            onChange={(v) => p.onChange?.([s.key, i, f.key], v)}
                          />
                        )}
                      </Field>
                    );
                  })}
              </div>
            </fieldset>
          );
        })}
      </div>
    );
  }
  return <>{p.renderFiles?.(s)}</>;
}

function hintFor(f: FieldDef): string | undefined {
  if (f.type === 'money') return 'Kronor, t.ex. 2 520 000';
  if (f.type === 'share') return 'I procent, t.ex. 87';
  if (f.type === 'integer') return 'Antal';
  return undefined;
}

function Field(props: {
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

function display(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (field.type === 'share') return shareToPercent(String(value))?.replace('.', ',') ?? String(value);
  if (field.type === 'money' || field.type === 'decimal')
    return typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? formatAmount(value) : String(value);
  return String(value);
}

function ValueInput(props: {
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
