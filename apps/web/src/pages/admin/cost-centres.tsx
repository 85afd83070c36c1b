import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import {
  COST_CENTRE_CATEGORY_LABEL,
  COST_SPLIT_PURPOSE_LABEL,
  formatShare,
  percentToShare,
  shareToPercent,
} from '../../format';

import { SaveCostCentreDocument } from './finance-queries';
import { failure, SaveResult, type SaveOutcome } from '../../components/save-result';
import { ActionTable, RemoveButton, RowAction } from '../../components/action-table';
import { optionsOf, SelectField, TextField } from '../../components/fields';

export interface CostCentreRow {
  code: string;
  name: string;
  category: string;
  version: number;
  split: Array<{ purpose: string; share: string; note?: string | null }>;
}

interface Draft {
  code: string;
  name: string;
  category: string;
  /** Shares as typed, in percent. */
  split: Array<{ purpose: string; percent: string; note: string }>;
  version: number | null;
}

const empty = (): Draft => ({ code: '', name: '', category: 'FORBUND', split: [], version: null });

/** Cost centres with their category and, where costs are shared, the parts that count as something else. */
export function CostCentres(props: { costCentres: CostCentreRow[]; onSaved: () => void }) {
  const s = useSession();
  const [draft, setDraft] = useState<Draft>(empty);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<SaveOutcome | null>(null);
  const [saving, save] = useMutation(SaveCostCentreDocument);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setPart = (i: number, patch: Partial<Draft['split'][number]>) =>
    set({ split: draft.split.map((p, j) => (j === i ? { ...p, ...patch } : p)) });

  function edit(c: CostCentreRow) {
    setDraft({
      code: c.code,
      name: c.name,
      category: c.category,
      split: c.split.map((p) => ({
        purpose: p.purpose,
        percent: shareToPercent(p.share) ?? '',
        note: p.note ?? '',
      })),
      version: c.version,
    });
    setResult(null);
    setOpen(true);
  }

  async function onSave() {
    const bad = draft.split.filter((p) => percentToShare(p.percent) === null);
    if (bad.length)
      return setResult({
        kind: 'error',
        text: 'Rätta fördelningen och spara igen.',
        details: bad.map((p) => ({ path: p.purpose, message: `Andel: ”${p.percent}” är ingen procentsats` })),
      });
    const r = await save({
      orgId: s.org!.id,
      costCentre: {
        code: draft.code.trim(),
        name: draft.name,
        category: draft.category,
        split: draft.split.map((p) => ({
          purpose: p.purpose,
          share: percentToShare(p.percent)!,
          ...(p.note.trim() ? { note: p.note.trim() } : {}),
        })),
        ...(draft.version !== null ? { version: draft.version } : {}),
      },
    });
    if (r.error) return setResult(failure(r.error));
    setResult({ kind: 'success', text: `Kostnadsstället ${draft.code.trim()} är sparat.` });
    setDraft(empty());
    props.onSaved();
  }

  return (
    <section className="card" aria-labelledby="cc-heading">
      <h2 id="cc-heading">Kostnadsställen</h2>
      <ActionTable caption="Kostnadsställen" columns={['Kod', 'Namn', 'Slag', 'Fördelning']}>
        {props.costCentres.map((c) => (
          <tr key={c.code}>
            <th scope="row">{c.code}</th>
            <td>{c.name}</td>
            <td>{COST_CENTRE_CATEGORY_LABEL[c.category] ?? c.category}</td>
            <td>
              {c.split.length
                ? c.split
                    .map(
                      (p) =>
                        `${formatShare(p.share)} ${(COST_SPLIT_PURPOSE_LABEL[p.purpose] ?? p.purpose).toLowerCase()}`,
                    )
                    .join(', ')
                : '–'}
            </td>
            <td>
              <RowAction label="Ändra" what={`kostnadsställe ${c.code}`} onClick={() => edit(c)} />
            </td>
          </tr>
        ))}
      </ActionTable>
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          {draft.version === null ? 'Nytt kostnadsställe' : `Ändra kostnadsställe ${draft.code}`}
        </summary>
        <div className="field-grid">
          <TextField
            id="cc-code"
            label="Kostnadsställets kod"
            value={draft.code}
            disabled={draft.version !== null}
            onChange={(code) => set({ code })}
          />
          <TextField
            id="cc-name"
            label="Kostnadsställets namn"
            value={draft.name}
            onChange={(name) => set({ name })}
          />
          <SelectField
            id="cc-category"
            label="Kostnadsställets slag"
            value={draft.category}
            options={optionsOf(COST_CENTRE_CATEGORY_LABEL)}
            onChange={(category) => set({ category })}
          />
        </div>
        <fieldset>
          <legend>Fördelning av delade kostnader</legend>
          <p className="hint">
            Andelar av kostnaderna som räknas som något annat; resten behåller slaget. Högst 100 %.
          </p>
          {draft.split.map((p, i) => (
            <div className="field-grid" key={i}>
              <SelectField
                id={`cc-split-${i}-purpose`}
                label={`Räknas som (${i + 1})`}
                value={p.purpose}
                options={optionsOf(COST_SPLIT_PURPOSE_LABEL)}
                onChange={(purpose) => setPart(i, { purpose })}
              />
              <TextField
                id={`cc-split-${i}-percent`}
                label={`Andel i procent (${i + 1})`}
                inputMode="decimal"
                className="numeric"
                value={p.percent}
                onChange={(percent) => setPart(i, { percent })}
              />
              <TextField
                id={`cc-split-${i}-note`}
                label={`Kommentar (${i + 1})`}
                value={p.note}
                onChange={(note) => setPart(i, { note })}
              />
              <RemoveButton
                what={`andel ${i + 1}`}
                onRemove={() => set({ split: draft.split.filter((_, j) => j !== i) })}
              />
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() =>
              set({ split: [...draft.split, { purpose: 'ADMINISTRATION', percent: '', note: '' }] })
            }
          >
            Lägg till en andel
          </button>
        </fieldset>
        <SaveResult outcome={result} />
        <button type="button" className="button primary" disabled={saving.fetching} onClick={onSave}>
          Spara kostnadsstället
        </button>
      </details>
    </section>
  );
}
