import type { SectionDef } from '../../../../../libs/domain/src/forms/template';
// The same JSON paths as the API's validation messages: one function, shared with the domain.
import { jsonPath } from '../../../../../libs/domain/src/common/issues';
import { CHOICE_LABEL, formatAmount, formatShare, formatTarget } from '../../format';

import { Obj, FormProps, OP_TEXT, fieldApplies, DERIVED_LABEL, SectionErrors } from './follow-up-form';
import { hintFor, Field, ValueInput } from './field';

export function Section(p: FormProps & { section: SectionDef }) {
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
