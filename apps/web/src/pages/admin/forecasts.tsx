import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import { TextField } from '../../components/fields';
import { RowAction } from '../../components/action-table';
import { formatAmount, formatDate, parseAmount, sumAmounts } from '../../format';

import { SaveForecastDocument } from './finance-queries';
import { failure, SaveResult, type SaveOutcome } from '../../components/save-result';
import { parseLines, AmountLines, SaveButtons, typedLines } from './amount-lines';

export interface ForecastRow {
  id: string;
  year: number;
  asOf: string;
  lines: unknown;
  version: number;
}

interface Draft {
  year: number;
  asOf: string;
  lines: Record<string, string>;
  version: number | null;
}

const empty = (): Draft => ({ year: new Date().getFullYear(), asOf: '', lines: {}, version: null });

/** The year's forecast per cost centre (helårsprognos), as of a date; a later forecast is a new one. */
export function Forecasts(props: {
  forecasts: ForecastRow[];
  costCentres: Array<{ code: string; name: string }>;
  onSaved: () => void;
}) {
  const s = useSession();
  const [draft, setDraft] = useState<Draft>(empty);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<SaveOutcome | null>(null);
  const [saving, save] = useMutation(SaveForecastDocument);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  function edit(f: ForecastRow) {
    const lines = typedLines(f.lines, formatAmount);
    setDraft({ year: f.year, asOf: f.asOf, lines, version: f.version });
    setResult(null);
    setOpen(true);
  }

  async function onSave() {
    const { lines, bad } = parseLines(draft.lines, parseAmount);
    if (bad.length) return setResult({ kind: 'error', text: 'Rätta beloppen och spara igen.', details: bad });
    const r = await save({
      orgId: s.org!.id,
      forecast: {
        year: draft.year,
        asOf: draft.asOf,
        lines,
        ...(draft.version !== null ? { version: draft.version } : {}),
      },
    });
    if (r.error) return setResult(failure(r.error));
    setResult({ kind: 'success', text: `Prognosen för ${draft.year} är sparad.` });
    setDraft(empty());
    props.onSaved();
  }

  return (
    <section className="card" aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Prognoser</h2>
      {props.forecasts.length === 0 ? (
        <p>Ingen prognos är sparad än.</p>
      ) : (
        <ul className="list" aria-label="Prognoser">
          {props.forecasts.map((f) => (
            <li key={f.id} className="list-row">
              <span className="list-main">
                {f.year}: prognos per {formatDate(f.asOf)}
              </span>
              <span>
                summa {formatAmount(sumAmounts(Object.values((f.lines ?? {}) as Record<string, string>)))} kr
              </span>
              <RowAction label="Ändra" what={`prognosen ${f.year} per ${f.asOf}`} onClick={() => edit(f)} />
            </li>
          ))}
        </ul>
      )}
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{draft.version === null ? 'Ny prognos' : 'Ändra prognosen'}</summary>
        <div className="field-grid">
          <TextField
            id="forecast-year"
            label="Prognosår"
            inputMode="numeric"
            value={draft.year}
            disabled={draft.version !== null}
            onChange={(v) => set({ year: Number(v) || draft.year })}
          />
          <TextField
            id="forecast-as-of"
            label="Prognosdatum"
            type="date"
            value={draft.asOf}
            disabled={draft.version !== null}
            onChange={(asOf) => set({ asOf })}
          />
        </div>
        <AmountLines
          costCentres={props.costCentres}
          lines={draft.lines}
          idPrefix="forecast-line"
          labelPrefix="Prognos"
          onChange={(lines) => set({ lines })}
        />
        <SaveResult outcome={result} />
        <SaveButtons
          label="Spara prognosen"
          saving={saving.fetching}
          editing={draft.version !== null}
          onSave={onSave}
          onCancel={() => (setDraft(empty()), setResult(null))}
        />
      </details>
    </section>
  );
}
