import { type ReactNode } from 'react';
import type { FieldDef, SectionDef, TemplateDef } from '../../../../../libs/domain/src/forms/template';
// The same JSON paths as the API's validation messages: one function, shared with the domain.
import { jsonPath } from '../../../../../libs/domain/src/common/issues';

import { Section } from './section';

export type Answers = Record<string, unknown>;
export type Obj = Record<string, unknown>;

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

export const OP_TEXT: Record<string, string> = {
  '>=': 'minst',
  '<=': 'högst',
  '>': 'mer än',
  '<': 'mindre än',
  '=': 'exakt',
};

export function sectionApplies(s: SectionDef, insatsType: string): boolean {
  return !s.appliesTo || s.appliesTo.includes(insatsType as 'INDIVID' | 'STRUKTUR');
}
export function fieldApplies(f: FieldDef, period: string): boolean {
  return !f.periods || f.periods.some((p) => period.startsWith(p));
}

export const DERIVED_LABEL: Record<string, string> = {
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

export function SectionErrors(props: { errors?: string[]; hidden?: boolean }) {
  if (!props.errors?.length || props.hidden) return null;
  return (
    <ul className="field-error">
      {props.errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
