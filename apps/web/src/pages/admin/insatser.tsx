import { useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../session';
import {
  errorMessage,
  formatAmount,
  formatDate,
  formatDateTime,
  INSATS_ACTION_LABEL,
  INSATS_FIELD_LABEL,
  INSATS_TYPE_LABEL,
} from '../../format';
import { Alert, Loading } from '../../components/ui';

import { EMPTY_INSATS, InsatsDraft, InsatsForm } from './insats-form';
import { InsatserAdminDocument, InsatsHistoryDocument } from './insatser-queries';
import { ActionTable, RowAction } from '../../components/action-table';
import type { InsatserAdminQuery } from '../../gql/graphql';

type Insats = InsatserAdminQuery['organisation']['insatser'][number];

/** "15.000000" → "15", "0.750000" → "0.75" (exact, as text). */
const withoutTrailingZeros = (v: string) => (v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

function draftOf(i: Insats): InsatsDraft {
  return {
    id: i.id,
    version: i.version,
    key: i.key,
    name: i.name,
    type: i.type,
    ownerParty: i.ownerParty,
    costCentre: i.costCentre,
    start: i.start,
    end: i.end ?? '',
    decidedOn: i.decidedOn ?? '',
    decisionBody: i.decisionBody ?? '',
    decisionText: i.decisionText ?? '',
    budgets: i.budgets.map((b) => ({ year: String(b.year), amount: formatAmount(b.amount) })),
    matpunkter: i.matpunkter.map((m) => ({
      key: m.key,
      year: String(m.year),
      text: m.text,
      metric: m.metric ?? '',
      op: m.op ?? '',
      target: m.target ? withoutTrailingZeros(m.target).replace('.', ',') : '',
    })),
    styrgrupp: i.team.filter((t) => t.role === 'STYRGRUPP').map((t) => t.personId),
    projektagare: i.team.filter((t) => t.role === 'PROJEKTAGARE').map((t) => t.personId),
  };
}

/** The förbund's insatser, kept by the kansli: register, change, end (slutdatum) and see each one's history. */
export function Insatser() {
  const s = useSession();
  const [editing, setEditing] = useState<InsatsDraft | null>(null);
  const [saved, setSaved] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const [q, refetch] = useQuery({ query: InsatserAdminDocument, variables: { slug: s.org?.slug ?? '' } });
  if (q.error && !q.data) return <Alert kind="error">{errorMessage(q.error)}</Alert>;
  if (!q.data) return <Loading what="insatserna" />;
  const o = q.data.organisation;
  const parties = o.parties.map((p) => ({ value: p.key, label: p.name }));
  const costCentres = o.costCentres.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }));
  const people = o.people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }));
  const partyName = (key: string) => o.parties.find((p) => p.key === key)?.name ?? key;
  return (
    <section className="card" aria-labelledby="insatser-heading">
      <h2 id="insatser-heading">Insatser</h2>
      <ActionTable
        caption="Förbundets insatser"
        columns={['Insats', 'Typ', 'Ägare', 'Period', 'Beslut', { label: 'Budget', numeric: true }]}
        wrap
      >
        {o.insatser.map((i) => (
          <tr key={i.id}>
            <th scope="row">{i.name}</th>
            <td>{INSATS_TYPE_LABEL[i.type] ?? i.type}</td>
            <td>{partyName(i.ownerParty)}</td>
            <td>
              {formatDate(i.start)} – {i.end ? formatDate(i.end) : 'tills vidare'}
            </td>
            <td>{i.decidedOn ? `${i.decisionBody ?? 'Beslut'} ${formatDate(i.decidedOn)}` : '–'}</td>
            <td className="numeric">
              {i.budgets.map((b) => `${b.year}: ${formatAmount(b.amount)} kr`).join(', ') || '–'}
            </td>
            <td>
              <RowAction
                label="Ändra"
                what={i.name}
                onClick={() => {
                  setSaved({ text: '', n: saved.n });
                  setEditing(draftOf(i));
                }}
              />
            </td>
          </tr>
        ))}
      </ActionTable>
      {saved.text && <Alert kind="success">{saved.text}</Alert>}
      {editing ? (
        <>
          <InsatsForm
            key={`${editing.id ?? 'new'}-${saved.n}`}
            initial={editing}
            parties={parties}
            costCentres={costCentres}
            people={people}
            onCancel={() => setEditing(null)}
            onSaved={(text) => {
              setSaved({ text, n: saved.n + 1 });
              setEditing(null);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
          {editing.id && <InsatsHistory id={editing.id} />}
        </>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setSaved({ text: '', n: saved.n });
            setEditing({ ...EMPTY_INSATS });
          }}
        >
          Registrera en insats
        </button>
      )}
    </section>
  );
}

/** Who changed what and when, from the förbund's audit trail. */
function InsatsHistory(props: { id: string }) {
  const s = useSession();
  const [q] = useQuery({
    query: InsatsHistoryDocument,
    variables: { orgId: s.org!.id, id: props.id },
    requestPolicy: 'network-only',
  });
  if (!q.data)
    return q.error ? <Alert kind="error">{errorMessage(q.error)}</Alert> : <Loading what="historiken" />;
  return (
    <section aria-labelledby="insats-history-heading">
      <h3 id="insats-history-heading">Historik</h3>
      <ul className="list">
        {q.data.auditTrail.map((e) => {
          const changes = Object.keys(((e.payload ?? {}) as { changes?: object }).changes ?? {});
          return (
            <li key={e.id} className="list-row">
              <span className="list-main">
                {formatDateTime(e.at)} {e.actorName ?? 'Okänd'} {INSATS_ACTION_LABEL[e.action] ?? e.action}
                {changes.length > 0 &&
                  `: ${changes.map((c) => (INSATS_FIELD_LABEL[c] ?? c).toLowerCase()).join(', ')}`}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
