import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import { optionsOf, SelectField, TextField } from '../../components/fields';
import { RowAction } from '../../components/action-table';
import {
  BUDGET_KIND_LABEL,
  FUNDED_BY_LABEL,
  formatAmount,
  formatDate,
  parseAmount,
  sumAmounts,
} from '../../format';

import { SaveBudgetDocument } from './admin-queries';
import { failure, SaveResult, type SaveOutcome } from '../../components/save-result';
import { parseLines, AmountLines, SaveButtons, typedLines } from './amount-lines';

export interface BudgetRow {
  id: string;
  year: number;
  kind: string;
  decided: string;
  fundedBy?: string | null;
  lines: unknown;
  version: number;
}

interface Draft {
  year: number;
  decided: string;
  kind: 'ORDINARY' | 'SUPPLEMENTARY';
  fundedBy: string;
  lines: Record<string, string>;
  /** The version being changed; null for a new decision. */
  version: number | null;
}

const empty = (): Draft => ({
  year: new Date().getFullYear() + 1,
  decided: '',
  kind: 'ORDINARY',
  fundedBy: 'EQUITY',
  lines: {},
  version: null,
});

/** Budgets and tilläggsbudgetar (supplementary decisions, with how they are funded); a change keeps the outlook. */
export function Budgets(props: {
  budgets: BudgetRow[];
  costCentres: Array<{ code: string; name: string }>;
  onSaved: () => void;
}) {
  const s = useSession();
  const [draft, setDraft] = useState<Draft>(empty);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<SaveOutcome | null>(null);
  const [saving, save] = useMutation(SaveBudgetDocument);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  function edit(b: BudgetRow) {
    const lines = typedLines(b.lines, formatAmount);
    setDraft({
      year: b.year,
      decided: b.decided,
      kind: b.kind === 'SUPPLEMENTARY' ? 'SUPPLEMENTARY' : 'ORDINARY',
      fundedBy: b.fundedBy ?? 'EQUITY',
      lines,
      version: b.version,
    });
    setResult(null);
    setOpen(true);
  }

  async function onSave() {
    const { lines, bad } = parseLines(draft.lines, parseAmount);
    if (bad.length) return setResult({ kind: 'error', text: 'Rätta beloppen och spara igen.', details: bad });
    const supplementary = draft.kind === 'SUPPLEMENTARY';
    const r = await save({
      orgId: s.org!.id,
      budget: {
        year: draft.year,
        decided: draft.decided,
        kind: draft.kind,
        lines,
        ...(supplementary ? { fundedBy: draft.fundedBy } : {}),
        ...(draft.version !== null ? { version: draft.version } : {}),
      },
    });
    if (r.error) return setResult(failure(r.error));
    const what = supplementary ? 'Tilläggsbudgeten' : 'Budgeten';
    setResult({ kind: 'success', text: `${what} för ${draft.year} är sparad.` });
    setDraft(empty());
    props.onSaved();
  }

  return (
    <section className="card" aria-labelledby="budget-heading">
      <h2 id="budget-heading">Budgetar</h2>
      {props.budgets.length > 0 && (
        <ul className="list" aria-label="Budgetbeslut">
          {props.budgets.map((b) => {
            const total = sumAmounts(Object.values((b.lines ?? {}) as Record<string, string>));
            const kind = BUDGET_KIND_LABEL[b.kind] ?? b.kind;
            return (
              <li key={b.id} className="list-row">
                <span className="list-main">
                  {b.year}: {kind.toLowerCase()} beslutad {formatDate(b.decided)}
                  {b.kind === 'SUPPLEMENTARY' && b.fundedBy
                    ? `, finansieras av ${(FUNDED_BY_LABEL[b.fundedBy] ?? b.fundedBy).toLowerCase()}`
                    : ''}
                </span>
                <span>summa {formatAmount(total)} kr</span>
                <RowAction
                  label="Ändra"
                  what={`${b.kind === 'SUPPLEMENTARY' ? 'tilläggsbudgeten' : 'budgeten'} för ${b.year} beslutad ${formatDate(b.decided)}`}
                  onClick={() => edit(b)}
                />
              </li>
            );
          })}
        </ul>
      )}
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          {draft.version === null ? 'Ny budget eller tilläggsbudget' : 'Ändra budgetbeslutet'}
        </summary>
        <div className="field-grid">
          <SelectField
            id="budget-kind"
            label="Slag av beslut"
            value={draft.kind}
            disabled={draft.version !== null}
            options={optionsOf(BUDGET_KIND_LABEL)}
            onChange={(kind) => set({ kind: kind as Draft['kind'] })}
          />
          <TextField
            id="budget-year"
            label="År"
            inputMode="numeric"
            value={draft.year}
            disabled={draft.version !== null}
            onChange={(v) => set({ year: Number(v) || draft.year })}
          />
          <TextField
            id="budget-decided"
            label="Beslutsdatum"
            type="date"
            value={draft.decided}
            disabled={draft.version !== null}
            onChange={(decided) => set({ decided })}
          />
          {draft.kind === 'SUPPLEMENTARY' && (
            <SelectField
              id="budget-funded-by"
              label="Finansieras av"
              value={draft.fundedBy}
              options={optionsOf(FUNDED_BY_LABEL)}
              onChange={(fundedBy) => set({ fundedBy })}
            />
          )}
        </div>
        <AmountLines
          costCentres={props.costCentres}
          lines={draft.lines}
          idPrefix="line"
          onChange={(lines) => set({ lines })}
        />
        <SaveResult outcome={result} />
        <SaveButtons
          label="Spara budgeten"
          saving={saving.fetching}
          editing={draft.version !== null}
          onSave={onSave}
          onCancel={() => (setDraft(empty()), setResult(null))}
        />
      </details>
    </section>
  );
}
