import type { TemplateDef } from '../../../../libs/domain/src/forms/template';
import { formatDateTime } from '../format';
import { answerInWords, describePath } from '../pages/submission/answer-words';

export interface Changes {
  kind: string;
  since: string;
  changes: Array<{ path: string; before?: unknown; after?: unknown }>;
}

/** What the projektägare changed since the reviewers last saw the follow-up, field by field in words. */
export function AnswerChanges(props: { template: TemplateDef; changes: Changes | null | undefined }) {
  const c = props.changes;
  if (!c) return null;
  const since =
    c.kind === 'REVISION'
      ? `sedan förra revisionen (${formatDateTime(c.since)})`
      : `sedan förra inskickningen (${formatDateTime(c.since)})`;
  return (
    <section className="card answer-changes" aria-labelledby="changes-heading">
      <h2 id="changes-heading">Ändrat {since}</h2>
      {c.changes.length === 0 ? (
        <p>Inga svar har ändrats.</p>
      ) : (
        <ul>
          {c.changes.map((x) => (
            <li key={x.path}>
              <strong>{describePath(props.template, x.path)}:</strong>{' '}
              <del>
                <span className="visually-hidden">förut </span>
                {answerInWords(props.template, x.path, x.before)}
              </del>{' '}
              <span aria-hidden="true">→</span>{' '}
              <ins>
                <span className="visually-hidden">nu </span>
                {answerInWords(props.template, x.path, x.after)}
              </ins>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
