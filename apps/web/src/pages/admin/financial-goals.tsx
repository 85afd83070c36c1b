import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import { COMPARISON_OP_LABEL, METRIC_LABEL, formatTarget } from '../../format';

import { RemoveFinancialGoalDocument, SaveFinancialGoalDocument } from './finance-queries';
import { failure, SaveResult, type SaveOutcome } from './save-result';

export interface GoalRow {
  year: number;
  key: string;
  text: string;
  metric: string;
  op: string;
  value: string;
  version: number;
}

type Draft = Omit<GoalRow, 'version'> & { version: number | null };

const empty = (metric: string): Draft => ({
  year: new Date().getFullYear() + 1,
  key: '',
  text: '',
  metric,
  op: '<=',
  value: '',
  version: null,
});

const metricLabel = (m: string) => METRIC_LABEL[m] ?? m;

/** Financial goals measured by any key figure the reports compute (or an NNS indicator), with op and value. */
export function FinancialGoals(props: { goals: GoalRow[]; metrics: string[]; onSaved: () => void }) {
  const s = useSession();
  const [draft, setDraft] = useState<Draft>(() => empty(props.metrics[0] ?? ''));
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<SaveOutcome | null>(null);
  const [saving, save] = useMutation(SaveFinancialGoalDocument);
  const [, remove] = useMutation(RemoveFinancialGoalDocument);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  async function onSave() {
    const { version, ...goal } = draft;
    const r = await save({
      orgId: s.org!.id,
      goal: {
        ...goal,
        key: goal.key.trim(),
        value: goal.value.trim().replace(',', '.'),
        ...(version !== null ? { version } : {}),
      },
    });
    if (r.error) return setResult(failure(r.error));
    setResult({ kind: 'success', text: `Målet för ${draft.year} är sparat.` });
    setDraft(empty(props.metrics[0] ?? ''));
    props.onSaved();
  }

  async function onRemove(g: GoalRow) {
    const r = await remove({ orgId: s.org!.id, year: g.year, key: g.key, version: g.version });
    if (r.error) return setResult(failure(r.error));
    setResult({ kind: 'success', text: `Målet ”${g.text}” är borttaget.` });
    props.onSaved();
  }

  return (
    <section className="card" aria-labelledby="goals-heading">
      <h2 id="goals-heading">Finansiella mål</h2>
      <table className="table">
        <caption className="visually-hidden">Finansiella mål</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col">Mål</th>
            <th scope="col">Mått</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.goals.map((g) => (
            <tr key={`${g.year}/${g.key}`}>
              <td>{g.year}</td>
              <th scope="row">{g.text}</th>
              <td>
                {metricLabel(g.metric)} {COMPARISON_OP_LABEL[g.op] ?? g.op} {formatTarget(g.value)}
              </td>
              <td>
                <button
                  type="button"
                  className="button-link"
                  onClick={() => (setDraft({ ...g }), setResult(null), setOpen(true))}
                >
                  Ändra<span className="visually-hidden"> {`${g.key} ${g.year}`}</span>
                </button>{' '}
                <button type="button" className="button-link" onClick={() => onRemove(g)}>
                  Ta bort<span className="visually-hidden"> {`${g.key} ${g.year}`}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!open && <SaveResult outcome={result} />}
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{draft.version === null ? 'Nytt finansiellt mål' : 'Ändra målet'}</summary>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="goal-year">Målår</label>
            <input
              id="goal-year"
              inputMode="numeric"
              value={draft.year}
              disabled={draft.version !== null}
              onChange={(e) => set({ year: Number(e.target.value) || draft.year })}
            />
          </div>
          <div className="field">
            <label htmlFor="goal-key">Målets nyckel</label>
            <input
              id="goal-key"
              value={draft.key}
              disabled={draft.version !== null}
              onChange={(e) => set({ key: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="goal-text">Målformulering</label>
            <input id="goal-text" value={draft.text} onChange={(e) => set({ text: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="goal-metric">Mått</label>
            <select id="goal-metric" value={draft.metric} onChange={(e) => set({ metric: e.target.value })}>
              {[...props.metrics, ...(props.metrics.includes(draft.metric) ? [] : [draft.metric])].map(
                (m) => (
                  <option key={m} value={m}>
                    {metricLabel(m)}
                  </option>
                ),
              )}
            </select>
          </div>
          <div className="field">
            <label htmlFor="goal-op">Jämförelse</label>
            <select id="goal-op" value={draft.op} onChange={(e) => set({ op: e.target.value })}>
              {Object.entries(COMPARISON_OP_LABEL).map(([op, label]) => (
                <option key={op} value={op}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="goal-value">Målvärde (andelar som decimaltal, 0,15 = 15 %)</label>
            <input
              id="goal-value"
              inputMode="decimal"
              className="numeric"
              value={draft.value}
              onChange={(e) => set({ value: e.target.value })}
            />
          </div>
        </div>
        <SaveResult outcome={result} />
        <button type="button" className="button primary" disabled={saving.fetching} onClick={onSave}>
          Spara målet
        </button>
      </details>
    </section>
  );
}
