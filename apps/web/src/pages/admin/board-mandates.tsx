import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage, formatDate, GENDER_LABEL, MANDATE_ROLE_LABEL, TITLE_LABEL } from '../../format';
import { Alert, Loading } from '../../components/ui';
import { optionsOf, SelectField, TextField } from '../../components/fields';
import { BoardMandatesDocument, RemoveBoardMandateDocument, SaveBoardMandateDocument } from './board-queries';
import { ActionTable, RemoveButton, RowAction } from '../../components/action-table';
import { failure, SaveResult, type SaveOutcome } from '../../components/save-result';

interface Draft {
  id: string | null;
  version: number | null;
  personId: string;
  role: string;
  title: string;
  appointedBy: string;
  from: string;
  to: string;
  gender: string;
}

const EMPTY: Draft = {
  id: null,
  version: null,
  personId: '',
  role: 'STYRELSELEDAMOT',
  title: '',
  appointedBy: '',
  from: '',
  to: '',
  gender: '',
};

/** A mandate's role with its title: "Ledamot, ordförande", "Ersättare", "Revisor, Auktoriserad revisor". */
function roleText(m: { role: string; title: string | null }): string {
  const role = MANDATE_ROLE_LABEL[m.role] ?? m.role;
  const title = m.title ? (TITLE_LABEL[m.title] ?? m.title) : '';
  return title ? `${role}, ${title}` : role;
}

/**
 * Styrelse och revisorer (issue 18.2): the kansli keeps each ledamot's, ersättare's and revisor's mandate, with the
 * party that appointed them, their period and title. A mandate that has ended gets an end date; removing is for
 * mistakes. The signers of a report are those whose mandate covers its decision date.
 */
export function BoardMandates(props: {
  orgId: string;
  people: Array<{ id: string; name: string; email: string }>;
  parties: Array<{ key: string; name: string }>;
}) {
  const [q, refetch] = useQuery({ query: BoardMandatesDocument, variables: { orgId: props.orgId } });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [result, setResult] = useState<SaveOutcome | null>(null);
  const [saving, save] = useMutation(SaveBoardMandateDocument);
  const [, remove] = useMutation(RemoveBoardMandateDocument);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  async function onSave() {
    const r = await save({
      orgId: props.orgId,
      mandate: {
        id: draft.id,
        version: draft.version,
        personId: draft.personId,
        role: draft.role,
        title: draft.title.trim() || null,
        appointedBy: draft.appointedBy || null,
        from: draft.from || null,
        to: draft.to || null,
        gender: draft.gender || null,
      },
    });
    if (r.error) return setResult(failure(r.error));
    setResult({ kind: 'success', text: draft.id ? 'Mandatet är ändrat.' : 'Mandatet är tillagt.' });
    setDraft(EMPTY);
    reload();
  }

  async function onRemove(m: { id: string; version: number }) {
    const r = await remove({ mandateId: m.id, version: m.version });
    setResult(
      r.error
        ? { kind: 'error', text: errorMessage(r.error) }
        : { kind: 'success', text: 'Mandatet är borttaget.' },
    );
    reload();
  }

  const partyName = (key: string | null) =>
    key ? (props.parties.find((p) => p.key === key)?.name ?? key) : 'Förbundet';
  return (
    <section className="card" aria-labelledby="board-heading">
      <h2 id="board-heading">Styrelse och revisorer</h2>
      <p className="muted">
        Varje ledamot, ersättare och revisor med den part som utsett dem och mandatperioden. En rapport skrivs
        under av dem som har mandat på beslutsdagen, och rapporten visar styrelsen som den var under året.
      </p>
      {q.error && !q.data && <Alert kind="error">{errorMessage(q.error)}</Alert>}
      {!q.data && !q.error && <Loading what="styrelsens mandat" />}
      {q.data && (
        <ActionTable
          caption="Styrelsens och revisorernas mandat"
          columns={['Namn', 'Roll', 'Utsedd av', 'Från', 'Till', 'Kön']}
          wrap
        >
          {q.data.boardMandates.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.name}</th>
              <td>{roleText(m)}</td>
              <td>{m.partyName ?? partyName(m.appointedBy)}</td>
              <td>{m.from ? formatDate(m.from) : '–'}</td>
              <td>{m.to ? formatDate(m.to) : 'tills vidare'}</td>
              <td>{m.gender ? GENDER_LABEL[m.gender] : '–'}</td>
              <td>
                <RowAction
                  label="Ändra"
                  what={`mandatet för ${m.name}`}
                  onClick={() => {
                    setResult(null);
                    setDraft({
                      id: m.id,
                      version: m.version,
                      personId: m.personId,
                      role: m.role,
                      title: m.title ?? '',
                      appointedBy: m.appointedBy ?? '',
                      from: m.from ?? '',
                      to: m.to ?? '',
                      gender: m.gender ?? '',
                    });
                    document.getElementById('mandate-person')?.focus();
                  }}
                />{' '}
                <RemoveButton
                  what={`mandatet för ${m.name}`}
                  confirm={`Ta bort mandatet för ${m.name}? Ett mandat som har tagit slut får ett slutdatum i stället.`}
                  onRemove={() => onRemove(m)}
                />
              </td>
            </tr>
          ))}
        </ActionTable>
      )}
      <fieldset>
        <legend>{draft.id ? 'Ändra mandat' : 'Nytt mandat'}</legend>
        <div className="field-grid">
          <SelectField
            id="mandate-person"
            label="Person"
            value={draft.personId}
            empty="Välj person …"
            options={props.people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
            onChange={(personId) => set({ personId })}
          />
          <SelectField
            id="mandate-role"
            label="Roll"
            value={draft.role}
            options={optionsOf(MANDATE_ROLE_LABEL)}
            onChange={(role) => set({ role, title: '' })}
          />
          <SelectField
            id="mandate-party"
            label="Utsedd av"
            value={draft.appointedBy}
            empty={draft.role === 'REVISOR' ? 'Förbundet' : 'Välj part …'}
            options={props.parties.map((p) => ({ value: p.key, label: p.name }))}
            onChange={(appointedBy) => set({ appointedBy })}
          />
          {draft.role === 'STYRELSELEDAMOT' && (
            <SelectField
              id="mandate-title"
              label="Titel"
              value={draft.title}
              empty="Ledamot"
              options={[
                { value: 'ORDFORANDE', label: 'Ordförande' },
                { value: 'VICE_ORDFORANDE', label: 'Vice ordförande' },
              ]}
              onChange={(title) => set({ title })}
            />
          )}
          {draft.role === 'REVISOR' && (
            <TextField
              id="mandate-title"
              label="Titel"
              value={draft.title}
              onChange={(title) => set({ title })}
            />
          )}
          <TextField
            id="mandate-from"
            label="Från (första dag)"
            type="date"
            value={draft.from}
            onChange={(from) => set({ from })}
          />
          <TextField
            id="mandate-to"
            label="Till (sista dag, tomt: tills vidare)"
            type="date"
            value={draft.to}
            onChange={(to) => set({ to })}
          />
          <SelectField
            id="mandate-gender"
            label="Kön (för könsfördelningen i rapporterna)"
            value={draft.gender}
            empty="Inte angivet"
            options={optionsOf(GENDER_LABEL)}
            onChange={(gender) => set({ gender })}
          />
        </div>
        <SaveResult outcome={result} />
        <button
          type="button"
          className="button primary"
          disabled={saving.fetching || !draft.personId}
          onClick={onSave}
        >
          {draft.id ? 'Spara ändringen' : 'Lägg till mandatet'}
        </button>{' '}
        {draft.id && (
          <button type="button" className="button" onClick={() => setDraft(EMPTY)}>
            Avbryt
          </button>
        )}
      </fieldset>
    </section>
  );
}
