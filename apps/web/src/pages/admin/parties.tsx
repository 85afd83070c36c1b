import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import { PARTY_KIND_LABEL, formatShare, percentToShare, shareToPercent } from '../../format';

import { SaveKommunKeyDocument, SavePartyDocument } from './finance-queries';
import { failure, SaveResult, type SaveOutcome } from '../../components/save-result';
import { ActionTable, RowAction } from '../../components/action-table';
import { optionsOf, SelectField, TextField } from '../../components/fields';

export interface PartyRow {
  key: string;
  name: string;
  kind: string;
  version: number;
}

interface Draft {
  key: string;
  name: string;
  kind: string;
  version: number | null;
}

const empty = (): Draft => ({ key: '', name: '', kind: 'KOMMUN', version: null });

/** The förbund's parties and the kommuner's key (fördelningsnyckel), which sums to exactly 100 %. */
export function Parties(props: {
  parties: PartyRow[];
  kommunKey: { version: number; shares: Array<{ party: string; share: string }> };
  onSaved: () => void;
}) {
  const s = useSession();
  const [draft, setDraft] = useState<Draft>(empty);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<SaveOutcome | null>(null);
  const [keyResult, setKeyResult] = useState<SaveOutcome | null>(null);
  const kommuner = props.parties.filter((p) => p.kind === 'KOMMUN');
  const shareOf = (key: string) => props.kommunKey.shares.find((x) => x.party === key)?.share;
  const [percents, setPercents] = useState<Record<string, string>>(() =>
    Object.fromEntries(kommuner.map((p) => [p.key, shareToPercent(shareOf(p.key) ?? '') ?? ''])),
  );
  const [savingParty, saveParty] = useMutation(SavePartyDocument);
  const [savingKey, saveKey] = useMutation(SaveKommunKeyDocument);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  async function onSaveParty() {
    const r = await saveParty({
      orgId: s.org!.id,
      party: {
        key: draft.key.trim(),
        name: draft.name,
        kind: draft.kind,
        ...(draft.version !== null ? { version: draft.version } : {}),
      },
    });
    if (r.error) return setResult(failure(r.error));
    setResult({ kind: 'success', text: `Parten ${draft.name} är sparad.` });
    setDraft(empty());
    props.onSaved();
  }

  async function onSaveKey() {
    const typed = kommuner.filter((p) => (percents[p.key] ?? '').trim());
    const bad = typed.filter((p) => percentToShare(percents[p.key]) === null);
    if (bad.length)
      return setKeyResult({
        kind: 'error',
        text: 'Rätta andelarna och spara igen.',
        details: bad.map((p) => ({
          path: p.key,
          message: `${p.name}: ”${percents[p.key]}” är ingen procentsats`,
        })),
      });
    const r = await saveKey({
      orgId: s.org!.id,
      key: {
        version: props.kommunKey.version,
        shares: Object.fromEntries(typed.map((p) => [p.key, percentToShare(percents[p.key])!])),
      },
    });
    if (r.error) return setKeyResult(failure(r.error));
    setKeyResult({ kind: 'success', text: 'Fördelningsnyckeln är sparad.' });
    props.onSaved();
  }

  return (
    <section className="card" aria-labelledby="parties-heading">
      <h2 id="parties-heading">Parter och fördelningsnyckel</h2>
      <ActionTable
        caption="Förbundets parter"
        columns={['Nyckel', 'Namn', 'Slag', 'Andel av kommunernas del']}
      >
        {props.parties.map((p) => (
          <tr key={p.key}>
            <th scope="row">{p.key}</th>
            <td>{p.name}</td>
            <td>{PARTY_KIND_LABEL[p.kind] ?? p.kind}</td>
            <td className="numeric">{p.kind === 'KOMMUN' ? formatShare(shareOf(p.key)) : ''}</td>
            <td>
              <RowAction
                label="Ändra"
                what={p.name}
                onClick={() => (setDraft({ ...p }), setResult(null), setOpen(true))}
              />
            </td>
          </tr>
        ))}
      </ActionTable>
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{draft.version === null ? 'Ny part' : `Ändra ${draft.name}`}</summary>
        <div className="field-grid">
          <TextField
            id="party-key"
            label="Partens nyckel"
            value={draft.key}
            disabled={draft.version !== null}
            onChange={(key) => set({ key })}
          />
          <TextField
            id="party-name"
            label="Partens namn"
            value={draft.name}
            onChange={(name) => set({ name })}
          />
          <SelectField
            id="party-kind"
            label="Partens slag"
            value={draft.kind}
            options={optionsOf(PARTY_KIND_LABEL)}
            onChange={(kind) => set({ kind })}
          />
        </div>
        <SaveResult outcome={result} />
        <button
          type="button"
          className="button primary"
          disabled={savingParty.fetching}
          onClick={onSaveParty}
        >
          Spara parten
        </button>
      </details>
      <details>
        <summary>Kommunernas fördelningsnyckel</summary>
        <p className="hint">
          Varje kommuns andel av kommunernas gemensamma del, i procent; tillsammans exakt 100 %.
        </p>
        <div className="field-grid">
          {kommuner.map((p) => (
            <TextField
              key={p.key}
              id={`key-${p.key}`}
              label={`${p.name}, procent`}
              inputMode="decimal"
              className="numeric"
              value={percents[p.key] ?? ''}
              onChange={(v) => setPercents({ ...percents, [p.key]: v })}
            />
          ))}
        </div>
        <SaveResult outcome={keyResult} />
        <button type="button" className="button primary" disabled={savingKey.fetching} onClick={onSaveKey}>
          Spara fördelningsnyckeln
        </button>
      </details>
    </section>
  );
}
