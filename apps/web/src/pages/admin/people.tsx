import { useState } from 'react';
import { ROLE_LABEL } from '../../format';
import { Alert } from '../../components/ui';
import type { AdminQuery } from '../../gql/graphql';

import { PersonDraft, PersonForm } from './person-form';

/** The förbund's people and their roles: the list, and the form that invites a person or changes one. */
export function People(props: { data: AdminQuery; onSaved: () => void }) {
  const d = props.data;
  const [editing, setEditing] = useState<PersonDraft | null>(null);
  // The confirmation of the last save; the form itself starts afresh (a new key) after every save.
  const [saved, setSaved] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const reload = props.onSaved;
  return (
    <section className="card" aria-labelledby="people-heading">
      <h2 id="people-heading">Personer och roller</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Förbundets personer och deras roller</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">E-post</th>
              <th scope="col">Roller</th>
              <th scope="col">Konto</th>
              <th scope="col">
                <span className="visually-hidden">Åtgärd</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {d.organisation.people.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.email}</td>
                <td>
                  {p.roles
                    .map((r) => {
                      const [role, insats] = r.split(':');
                      return `${ROLE_LABEL[role] ?? role}${insats ? ` (${insats})` : ''}`;
                    })
                    .join(', ')}
                </td>
                <td>{p.hasPassword ? 'Aktivt' : 'Inbjuden'}</td>
                <td>
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => {
                      setSaved({ text: '', n: saved.n });
                      setEditing({
                        email: p.email,
                        name: p.name,
                        personalNumber: p.personalNumber ?? '',
                        nameEditable: p.nameEditable,
                        // Party and title are kept: saving changes only what the kansli changed.
                        roles: p.assignments.map((r) => ({
                          role: r.role,
                          insats: r.insats ?? '',
                          party: r.party ?? '',
                          title: r.title ?? '',
                        })),
                      });
                      document.getElementById('person-email')?.focus();
                    }}
                  >
                    Ändra<span className="visually-hidden"> {p.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {saved.text && <Alert kind="success">{saved.text}</Alert>}
      <PersonForm
        key={`${editing?.email ?? 'new'}-${saved.n}`}
        initial={editing}
        insatser={d.organisation.insatser}
        parties={d.organisation.parties}
        onSaved={(text) => {
          setSaved({ text, n: saved.n + 1 });
          setEditing(null);
          reload();
        }}
      />
    </section>
  );
}
