import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import { COMPARISON_OP_LABEL, METRIC_LABEL, formatTarget } from '../../format';

import { RemoveFinancialGoalDocument, SaveFinancialGoalDocument } from './finance-queries';
import { failure, SaveResult, type SaveOutcome } from '../../components/save-result';
import { ActionTable, RemoveButton, RowAction } from '../../components/action-table';
import { optionsOf, SelectField, TextField } from '../../components/fields';

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
      <ActionTable caption="Finansiella mål" columns={['År', 'Mål', 'Mått']}>
        {props.goals.map((g) => (
          <tr key={`${g.year}/${g.key}`}>
            <td>{g.year}</td>
            <th scope="row">{g.text}</th>
            <td>
              {metricLabel(g.metric)} {COMPARISON_OP_LABEL[g.op] ?? g.op} {formatTarget(g.value)}
            </td>
            <td>
              <RowAction
                label="Ändra"
                what={`${g.key} ${g.year}`}
                onClick={() => (setDraft({ ...g }), setResult(null), setOpen(true))}
              />{' '}
              <RemoveButton what={`${g.key} ${g.year}`} onRemove={() => onRemove(g)} />
            </td>
          </tr>
        ))}
      </ActionTable>
      {!open && <SaveResult outcome={result} />}
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{draft.version === null ? 'Nytt finansiellt mål' : 'Ändra målet'}</summary>
        <div className="field-grid">
          <TextField
            id="goal-year"
            label="Målår"
            inputMode="numeric"
            value={draft.year}
            disabled={draft.version !== null}
            onChange={(v) => set({ year: Number(v) || draft.year })}
          />
          <TextField
            id="goal-key"
            label="Målets nyckel"
            value={draft.key}
            disabled={draft.version !== null}
            onChange={(key) => set({ key })}
          />
          <TextField
            id="goal-text"
            label="Målformulering"
            value={draft.text}
            onChange={(text) => set({ text })}
          />
          <SelectField
            id="goal-metric"
            label="Mått"
            value={draft.metric}
            options={[...props.metrics, ...(props.metrics.includes(draft.metric) ? [] : [draft.metric])].map(
              (m) => ({ value: m, label: metricLabel(m) }),
            )}
            onChange={(metric) => set({ metric })}
          />
          <SelectField
            id="goal-op"
            label="Jämförelse"
            value={draft.op}
            options={optionsOf(COMPARISON_OP_LABEL)}
            onChange={(op) => set({ op })}
          />
          <TextField
            id="goal-value"
            label="Målvärde (andelar som decimaltal, 0,15 = 15 %)"
            inputMode="decimal"
            className="numeric"
            value={draft.value}
            onChange={(value) => set({ value })}
          />
        </div>
        <SaveResult outcome={result} />
        <button type="button" className="button primary" disabled={saving.fetching} onClick={onSave}>
          Spara målet
        </button>
      </details>
    </section>
  );
}
