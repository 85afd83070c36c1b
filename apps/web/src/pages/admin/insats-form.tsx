import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import {
  errorDetails,
  errorMessage,
  formatAmount,
  INSATS_TYPE_LABEL,
  parseAmount,
  type ErrorDetail,
} from '../../format';
import { Alert } from '../../components/ui';

import { optionsOf, SelectField, TextField, type Option } from '../../components/fields';
import { MatpunktRows, TeamPicker, type MatpunktDraft } from './insats-form-parts';
import { CreateInsatsDocument, DeleteInsatsDocument, UpdateInsatsDocument } from './insatser-queries';

export interface BudgetDraft {
  year: string;
  amount: string;
}
export interface InsatsDraft {
  /** Set when editing a registered insats: its id and the version the edit starts from. */
  id: string | null;
  version: number;
  key: string;
  name: string;
  type: string;
  ownerParty: string;
  costCentre: string;
  start: string;
  end: string;
  decidedOn: string;
  decisionBody: string;
  decisionText: string;
  budgets: BudgetDraft[];
  matpunkter: MatpunktDraft[];
  styrgrupp: string[];
  projektagare: string[];
}

export const EMPTY_INSATS: InsatsDraft = {
  id: null,
  version: 0,
  key: '',
  name: '',
  type: 'INDIVID',
  ownerParty: '',
  costCentre: '',
  start: '',
  end: '',
  decidedOn: '',
  decisionBody: 'Styrelsen',
  decisionText: '',
  budgets: [{ year: '', amount: '' }],
  matpunkter: [],
  styrgrupp: [],
  projektagare: [],
};

/** A key from the name: "Bron till arbete" → "bron-till-arbete". */
export function keyFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Register a new insats, or change, end or delete one. Amounts in kronor; errors name the field. */
export function InsatsForm(props: {
  initial: InsatsDraft;
  parties: Option[];
  costCentres: Option[];
  people: Option[];
  onSaved: (confirmation: string) => void;
  onCancel: () => void;
}) {
  const s = useSession();
  const editing = props.initial.id !== null;
  const [d, setD] = useState<InsatsDraft>(props.initial);
  const [result, setResult] = useState<{ text: string; details: ErrorDetail[] } | null>(null);
  const [creating, create] = useMutation(CreateInsatsDocument);
  const [updating, update] = useMutation(UpdateInsatsDocument);
  const [deleting, remove] = useMutation(DeleteInsatsDocument);
  const busy = creating.fetching || updating.fetching || deleting.fetching;
  const set = (patch: Partial<InsatsDraft>) => setD({ ...d, ...patch });
  const setBudget = (i: number, patch: Partial<BudgetDraft>) =>
    set({ budgets: d.budgets.map((b, j) => (j === i ? { ...b, ...patch } : b)) });

  function input() {
    const bad: ErrorDetail[] = [];
    const budgets = d.budgets
      .filter((b) => b.year.trim() || b.amount.trim())
      .map((b, i) => {
        const amount = parseAmount(b.amount);
        if (amount === null)
          bad.push({
            path: `budget-${i}`,
            message: `Budget rad ${i + 1}, belopp: ”${b.amount}” är inget belopp`,
          });
        return { year: Number(b.year), amount: amount ?? '' };
      });
    const matpunkter = d.matpunkter.map((m, i) => ({
      key: m.key.trim() || `matpunkt_${i + 1}`,
      year: Number(m.year),
      text: m.text.trim(),
      metric: m.metric.trim() || null,
      op: m.op || null,
      target: m.target.trim() ? m.target.trim().replace(/\s/g, '').replace(',', '.') : null,
    }));
    return {
      bad,
      insats: {
        key: d.key.trim(),
        name: d.name.trim(),
        type: d.type,
        ownerParty: d.ownerParty,
        costCentre: d.costCentre,
        start: d.start,
        end: d.end || null,
        decision: d.decidedOn
          ? { date: d.decidedOn, body: d.decisionBody.trim() || null, text: d.decisionText.trim() || null }
          : null,
        budgets,
        matpunkter,
        styrgrupp: d.styrgrupp,
        projektagare: d.projektagare,
      },
    };
  }

  async function onSave() {
    const { bad, insats } = input();
    if (bad.length) return setResult({ text: 'Rätta beloppen och spara igen.', details: bad });
    const r = editing
      ? await update({ id: d.id!, version: d.version, insats })
      : await create({ orgId: s.org!.id, insats });
    if (r.error) return setResult({ text: errorMessage(r.error), details: errorDetails(r.error) });
    setResult(null);
    props.onSaved(editing ? `${insats.name} är sparad.` : `${insats.name} är registrerad.`);
  }

  async function onDelete() {
    if (!window.confirm(`Ta bort ${d.name}? Gör det bara för en felregistrerad insats.`)) return;
    const r = await remove({ id: d.id!, version: d.version });
    if (r.error) return setResult({ text: errorMessage(r.error), details: errorDetails(r.error) });
    props.onSaved(`${d.name} är borttagen.`);
  }

  return (
    <fieldset className="insats-form">
      <legend>{editing ? `Ändra ${props.initial.name}` : 'Registrera en insats'}</legend>
      <div className="field-grid">
        <TextField
          id="insats-name"
          label="Namn"
          value={d.name}
          onChange={(v) => set({ name: v, ...(editing ? {} : { key: keyFromName(v) }) })}
        />
        <TextField
          id="insats-key"
          label="Nyckel"
          value={d.key}
          onChange={(v) => set({ key: v })}
          readOnly={editing}
          aria-describedby="insats-key-hint"
        />
        <SelectField
          id="insats-type"
          label="Typ"
          value={d.type}
          empty="Välj …"
          options={optionsOf(INSATS_TYPE_LABEL)}
          onChange={(v) => set({ type: v })}
        />
        <SelectField
          id="insats-owner"
          label="Ägande part"
          value={d.ownerParty}
          empty="Välj …"
          options={props.parties}
          onChange={(v) => set({ ownerParty: v })}
        />
        <SelectField
          id="insats-cost-centre"
          label="Kostnadsställe"
          value={d.costCentre}
          empty="Välj …"
          options={props.costCentres}
          onChange={(v) => set({ costCentre: v })}
        />
      </div>
      <p className="hint" id="insats-key-hint">
        Nyckeln identifierar insatsen i uppföljningar och rapporter och kan inte ändras efter registreringen.
      </p>
      <div className="field-grid">
        <TextField
          id="insats-start"
          label="Startdatum"
          type="date"
          value={d.start}
          onChange={(v) => set({ start: v })}
        />
        <TextField
          id="insats-end"
          label="Slutdatum (tomt: tills vidare)"
          type="date"
          value={d.end}
          onChange={(v) => set({ end: v })}
        />
        <TextField
          id="insats-decided"
          label="Beslutsdatum"
          type="date"
          value={d.decidedOn}
          onChange={(v) => set({ decidedOn: v })}
        />
        <TextField
          id="insats-body"
          label="Beslutande organ"
          value={d.decisionBody}
          onChange={(v) => set({ decisionBody: v })}
        />
      </div>
      <div className="field">
        <label htmlFor="insats-decision-text">Beslutstext</label>
        <textarea
          id="insats-decision-text"
          rows={2}
          value={d.decisionText}
          onChange={(e) => set({ decisionText: e.target.value })}
        />
      </div>

      <h3>Budget per år</h3>
      {d.budgets.map((b, i) => (
        <div className="field-grid" key={i}>
          <TextField
            id={`insats-budget-year-${i}`}
            label={`År, budgetrad ${i + 1}`}
            inputMode="numeric"
            value={b.year}
            onChange={(v) => setBudget(i, { year: v })}
          />
          <TextField
            id={`insats-budget-amount-${i}`}
            label={`Belopp (kr), budgetrad ${i + 1}`}
            inputMode="decimal"
            className="numeric"
            value={b.amount}
            onChange={(v) => setBudget(i, { amount: v })}
          />
          <div className="field">
            <span className="hint">
              {parseAmount(b.amount) !== null ? `${formatAmount(parseAmount(b.amount))} kr` : '\u00a0'}
            </span>
            <button
              type="button"
              className="button-link danger-link"
              onClick={() => set({ budgets: d.budgets.filter((_, j) => j !== i) })}
            >
              Ta bort budgetrad {i + 1}
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => set({ budgets: [...d.budgets, { year: '', amount: '' }] })}
      >
        Lägg till ett år
      </button>

      <MatpunktRows
        matpunkter={d.matpunkter}
        start={d.start}
        onChange={(matpunkter) => set({ matpunkter })}
      />

      <h3>Styrgrupp och projektägare</h3>
      <div className="field-grid">
        <TeamPicker
          label="Projektägare"
          id="insats-projektagare"
          people={props.people}
          chosen={d.projektagare}
          onChange={(projektagare) => set({ projektagare })}
        />
        <TeamPicker
          label="Styrgrupp"
          id="insats-styrgrupp"
          people={props.people}
          chosen={d.styrgrupp}
          onChange={(styrgrupp) => set({ styrgrupp })}
        />
      </div>

      {result && (
        <Alert kind="error">
          {result.text}
          {result.details.length > 0 && (
            <ul>
              {result.details.map((x) => (
                <li key={x.path + x.message}>{x.message}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <div className="button-row">
        <button type="button" className="button primary" disabled={busy} onClick={onSave}>
          {editing ? 'Spara insatsen' : 'Registrera insatsen'}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Avbryt
        </button>
        {editing && (
          <button type="button" className="button danger" disabled={busy} onClick={onDelete}>
            Ta bort insatsen
          </button>
        )}
      </div>
    </fieldset>
  );
}
