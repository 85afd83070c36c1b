import { useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../session';
import { errorMessage, ROLE_LABEL } from '../../format';
import { Alert, Loading } from '../../components/ui';

import { AdminDocument } from './admin-queries';
import { SieImport } from './sie-import';
import { Budgets } from './budgets';
import { Forecasts } from './forecasts';
import { FinanceSetup } from './finance-setup';
import { PersonDraft, PersonForm } from './person-form';
import { Insatser } from './insatser';
import { BoardMandates } from './board-mandates';
import { PlatformOrganisations } from './platform-organisations';
import { OrganisationLogo } from './organisation-logo';

export function AdminPage() {
  const s = useSession();
  const [editing, setEditing] = useState<PersonDraft | null>(null);
  // The confirmation of the last save; the form itself starts afresh (a new key) after every save.
  const [saved, setSaved] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const [q, refetch] = useQuery({
    query: AdminDocument,
    variables: { slug: s.org?.slug ?? '', orgId: s.org?.id ?? '' },
    pause: !s.org || !s.has('ADMIN'),
  });
  // The platform admin creates förbund, also before there is any.
  const platform = s.me.isPlatformAdmin ? <PlatformOrganisations onCreated={() => s.refresh()} /> : null;
  if (platform && !s.org)
    return (
      <>
        <h1>Administration</h1>
        {platform}
      </>
    );
  if (!s.has('ADMIN')) return <Alert kind="info">Administrationen är till för förbundets kansli.</Alert>;
  if (q.error && !q.data) return <Alert kind="error">{errorMessage(q.error)}</Alert>;
  if (!q.data) return <Loading what="förbundets uppgifter" />;
  const d = q.data;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <h1>Administration</h1>
      {platform}
      <SieImport imports={d.sieImports} onImported={reload} />
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
      <OrganisationLogo />
      <FinanceSetup onChanged={reload} />
      <Insatser />
      <BoardMandates
        orgId={d.organisation.id}
        people={d.organisation.people}
        parties={d.organisation.parties}
      />
      <Budgets budgets={d.budgets} costCentres={d.organisation.costCentres} onSaved={reload} />
      <Forecasts forecasts={d.forecasts} costCentres={d.organisation.costCentres} onSaved={reload} />
    </>
  );
}
