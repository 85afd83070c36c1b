import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  errorDetails,
  errorMessage,
  formatDate,
  GENDER_LABEL,
  MANDATE_ROLE_LABEL,
  TITLE_LABEL,
  type ErrorDetail,
} from '../../format';
import { Alert, Loading } from '../../components/ui';
import { BoardMandatesDocument, RemoveBoardMandateDocument, SaveBoardMandateDocument } from './board-queries';

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
  const [result, setResult] = useState<{
    kind: 'success' | 'error';
    text: string;
    details?: ErrorDetail[];
  } | null>(null);
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
    if (r.error)
      return setResult({ kind: 'error', text: errorMessage(r.error), details: errorDetails(r.error) });
    setResult({ kind: 'success', text: draft.id ? 'Mandatet är ändrat.' : 'Mandatet är tillagt.' });
    setDraft(EMPTY);
    reload();
  }

  async function onRemove(m: { id: string; name: string; version: number }) {
    if (
      !window.confirm(
        `Ta bort mandatet för ${m.name}? Ett mandat som har tagit slut får ett slutdatum i stället.`,
      )
    )
      return;
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
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Styrelsens och revisorernas mandat</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Roll</th>
                <th scope="col">Utsedd av</th>
                <th scope="col">Från</th>
                <th scope="col">Till</th>
                <th scope="col">Kön</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {q.data.boardMandates.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{roleText(m)}</td>
                  <td>{m.partyName ?? partyName(m.appointedBy)}</td>
                  <td>{m.from ? formatDate(m.from) : '–'}</td>
                  <td>{m.to ? formatDate(m.to) : 'tills vidare'}</td>
                  <td>{m.gender ? GENDER_LABEL[m.gender] : '–'}</td>
                  <td>
                    <button
                      type="button"
                      className="button-link"
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
                    >
                      Ändra<span className="visually-hidden"> mandatet för {m.name}</span>
                    </button>{' '}
                    <button type="button" className="button-link" onClick={() => onRemove(m)}>
                      Ta bort<span className="visually-hidden"> mandatet för {m.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <fieldset>
        <legend>{draft.id ? 'Ändra mandat' : 'Nytt mandat'}</legend>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="mandate-person">Person</label>
            <select
              id="mandate-person"
              value={draft.personId}
              onChange={(e) => set({ personId: e.target.value })}
            >
              <option value="">Välj person …</option>
              {props.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.email})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="mandate-role">Roll</label>
            <select
              id="mandate-role"
              value={draft.role}
              onChange={(e) => set({ role: e.target.value, title: '' })}
            >
              {Object.entries(MANDATE_ROLE_LABEL).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="mandate-party">Utsedd av</label>
            <select
              id="mandate-party"
              value={draft.appointedBy}
              onChange={(e) => set({ appointedBy: e.target.value })}
            >
              <option value="">{draft.role === 'REVISOR' ? 'Förbundet' : 'Välj part …'}</option>
              {props.parties.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          {draft.role === 'STYRELSELEDAMOT' && (
            <div className="field">
              <label htmlFor="mandate-title">Titel</label>
              <select id="mandate-title" value={draft.title} onChange={(e) => set({ title: e.target.value })}>
                <option value="">Ledamot</option>
                <option value="ORDFORANDE">Ordförande</option>
                <option value="VICE_ORDFORANDE">Vice ordförande</option>
              </select>
            </div>
          )}
          {draft.role === 'REVISOR' && (
            <div className="field">
              <label htmlFor="mandate-title">Titel</label>
              <input
                id="mandate-title"
                value={draft.title}
                onChange={(e) => set({ title: e.target.value })}
              />
            </div>
          )}
          <div className="field">
            <label htmlFor="mandate-from">Från (första dag)</label>
            <input
              id="mandate-from"
              type="date"
              value={draft.from}
              onChange={(e) => set({ from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="mandate-to">Till (sista dag, tomt: tills vidare)</label>
            <input
              id="mandate-to"
              type="date"
              value={draft.to}
              onChange={(e) => set({ to: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="mandate-gender">Kön (för könsfördelningen i rapporterna)</label>
            <select
              id="mandate-gender"
              value={draft.gender}
              onChange={(e) => set({ gender: e.target.value })}
            >
              <option value="">Inte angivet</option>
              {Object.entries(GENDER_LABEL).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        </div>
        {result && (
          <Alert kind={result.kind}>
            {result.text}
            {result.details && result.details.length > 0 && (
              <ul>
                {result.details.map((d) => (
                  <li key={d.path + d.message}>{d.message}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
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
