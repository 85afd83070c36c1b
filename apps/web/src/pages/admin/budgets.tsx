import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import {
  errorDetails,
  errorMessage,
  formatAmount,
  formatDate,
  parseAmount,
  sumAmounts,
  type ErrorDetail,
} from '../../format';
import { Alert } from '../../components/ui';

import { SaveBudgetDocument } from './admin-queries';

type Props = Parameters<typeof Budgets>[0];

export function Budgets(props: {
  budgets: Array<{
    id: string;
    year: number;
    kind: string;
    decided: string;
    lines: unknown;
    fundedBy?: string | null;
    outlook?: unknown;
  }>;
  costCentres: Array<{ code: string; name: string }>;
  onSaved: () => void;
}) {
  const s = useSession();
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [decided, setDecided] = useState('');
  const [lines, setLines] = useState<Record<string, string>>({});
  const [kind, setKind] = useState('ORDINARY');
  const [open, setOpen] = useState(false);
  // What the form does not show (financing, outlook) is kept as the edited budget has it.
  const [kept, setKept] = useState<{ fundedBy?: string; outlook?: Record<string, string> }>({});
  /** Loads a decided budget into the form, line by line, to change and save again. */
  function edit(b: Props['budgets'][number]) {
    setKept({
      ...(b.fundedBy ? { fundedBy: b.fundedBy } : {}),
      ...(b.outlook ? { outlook: b.outlook as Record<string, string> } : {}),
    });
    setYear(b.year);
    setKind(b.kind);
    setDecided(b.decided.slice(0, 10));
    const typed: Record<string, string> = {};
    for (const [code, amount] of Object.entries((b.lines ?? {}) as Record<string, string>))
      typed[code] = formatAmount(amount);
    setLines(typed);
    setResult(null);
    setOpen(true);
    setTimeout(() => document.getElementById('budget-year')?.focus(), 0);
  }
  const [result, setResult] = useState<{
    kind: 'success' | 'error';
    text: string;
    details?: ErrorDetail[];
  } | null>(null);
  const [saving, save] = useMutation(SaveBudgetDocument);
  async function onSave() {
    const parsed: Record<string, string> = {};
    const bad: ErrorDetail[] = [];
    for (const [code, typed] of Object.entries(lines)) {
      if (!typed.trim()) continue;
      const v = parseAmount(typed);
      if (v === null) bad.push({ path: code, message: `”${typed}” är inget belopp` });
      else parsed[code] = v;
    }
    if (bad.length) return setResult({ kind: 'error', text: 'Rätta beloppen och spara igen.', details: bad });
    const r = await save({ orgId: s.org!.id, budget: { ...kept, year, kind, decided, lines: parsed } });
    if (r.error) setResult({ kind: 'error', text: errorMessage(r.error), details: errorDetails(r.error) });
    else {
      setResult({
        kind: 'success',
        text: `${kind === 'SUPPLEMENTARY' ? 'Tilläggsbudgeten' : 'Budgeten'} för ${year} är sparad.`,
      });
      props.onSaved();
    }
  }
  return (
    <section className="card" aria-labelledby="budget-heading">
      <h2 id="budget-heading">Budgetar</h2>
      {props.budgets.length > 0 && (
        <ul className="list">
          {props.budgets.map((b) => {
            const total = sumAmounts(Object.values((b.lines ?? {}) as Record<string, string>));
            return (
              <li key={b.id} className="list-row">
                <span className="list-main">
                  {b.year}: {b.kind === 'SUPPLEMENTARY' ? 'tilläggsbudget' : 'budget'} beslutad{' '}
                  {formatDate(b.decided)}
                </span>
                <span>summa {formatAmount(total)} kr</span>
                <button type="button" className="button-link" onClick={() => edit(b)}>
                  Ändra
                  <span className="visually-hidden">
                    {' '}
                    {b.kind === 'SUPPLEMENTARY' ? 'tilläggsbudgeten' : 'budgeten'} för {b.year}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>Ny budget eller tilläggsbudget, eller ändra en</summary>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="budget-year">År</label>
            <input
              id="budget-year"
              inputMode="numeric"
              value={year}
              onChange={(e) => setYear(Number(e.target.value) || year)}
            />
          </div>
          <div className="field">
            <label htmlFor="budget-kind">Slag</label>
            <select id="budget-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="ORDINARY">Budget</option>
              <option value="SUPPLEMENTARY">Tilläggsbudget</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="budget-decided">Beslutsdatum</label>
            <input
              id="budget-decided"
              type="date"
              value={decided}
              onChange={(e) => setDecided(e.target.value)}
            />
          </div>
        </div>
        <div className="field-grid">
          {props.costCentres.map((c) => (
            <div className="field" key={c.code}>
              <label htmlFor={`line-${c.code}`}>
                {c.code} {c.name}
              </label>
              <input
                id={`line-${c.code}`}
                inputMode="decimal"
                className="numeric"
                value={lines[c.code] ?? ''}
                onChange={(e) => setLines({ ...lines, [c.code]: e.target.value })}
              />
            </div>
          ))}
        </div>
        {result && (
          <Alert kind={result.kind}>
            {result.text}
            {result.details && result.details.length > 0 && (
              <ul>
                {result.details.map((d) => (
                  <li key={d.path + d.message}>
                    {d.path}: {d.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        <button type="button" className="button primary" disabled={saving.fetching} onClick={onSave}>
          Spara budgeten
        </button>
      </details>
    </section>
  );
}
