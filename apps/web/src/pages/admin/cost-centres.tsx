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
import { failure, SaveResult, type SaveOutcome } from './save-result';

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
      <table className="table">
        <caption className="visually-hidden">Kostnadsställen</caption>
        <thead>
          <tr>
            <th scope="col">Kod</th>
            <th scope="col">Namn</th>
            <th scope="col">Slag</th>
            <th scope="col">Fördelning</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
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
                <button type="button" className="button-link" onClick={() => edit(c)}>
                  Ändra<span className="visually-hidden"> kostnadsställe {c.code}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          {draft.version === null ? 'Nytt kostnadsställe' : `Ändra kostnadsställe ${draft.code}`}
        </summary>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="cc-code">Kostnadsställets kod</label>
            <input
              id="cc-code"
              value={draft.code}
              disabled={draft.version !== null}
              onChange={(e) => set({ code: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="cc-name">Kostnadsställets namn</label>
            <input id="cc-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="cc-category">Kostnadsställets slag</label>
            <select
              id="cc-category"
              value={draft.category}
              onChange={(e) => set({ category: e.target.value })}
            >
              {Object.entries(COST_CENTRE_CATEGORY_LABEL).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset>
          <legend>Fördelning av delade kostnader</legend>
          <p className="hint">
            Andelar av kostnaderna som räknas som något annat; resten behåller slaget. Högst 100 %.
          </p>
          {draft.split.map((p, i) => (
            <div className="field-grid" key={i}>
              <div className="field">
                <label htmlFor={`cc-split-${i}-purpose`}>Räknas som ({i + 1})</label>
                <select
                  id={`cc-split-${i}-purpose`}
                  value={p.purpose}
                  onChange={(e) => setPart(i, { purpose: e.target.value })}
                >
                  {Object.entries(COST_SPLIT_PURPOSE_LABEL).map(([k, label]) => (
                    <option key={k} value={k}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`cc-split-${i}-percent`}>Andel i procent ({i + 1})</label>
                <input
                  id={`cc-split-${i}-percent`}
                  inputMode="decimal"
                  className="numeric"
                  value={p.percent}
                  onChange={(e) => setPart(i, { percent: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`cc-split-${i}-note`}>Kommentar ({i + 1})</label>
                <input
                  id={`cc-split-${i}-note`}
                  value={p.note}
                  onChange={(e) => setPart(i, { note: e.target.value })}
                />
              </div>
              <button
                type="button"
                className="button-link"
                onClick={() => set({ split: draft.split.filter((_, j) => j !== i) })}
              >
                Ta bort<span className="visually-hidden"> andel {i + 1}</span>
              </button>
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
