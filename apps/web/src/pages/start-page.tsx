import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session';
import { errorMessage, formatDate, isLate, owesPeriod, periodLabel, swedishDate } from '../format';
import { Alert, Loading, StatusBadge } from '../components/ui';

const InboxDocument = graphql(`
  query Inbox {
    inbox {
      id
      insatsName
      period
      status
      deadline
      waitingFor
      updatedAt
      organisationId
    }
  }
`);

const InboxChangedDocument = graphql(`
  subscription InboxChanged {
    inboxChanged {
      id
    }
  }
`);

const MyInsatserDocument = graphql(`
  query MyInsatser($slug: String!, $orgId: ID!, $fromYear: Int!, $toYear: Int!) {
    organisation(slug: $slug) {
      id
      insatser {
        id
        key
        name
        start
        end
      }
      periods(fromYear: $fromYear, toYear: $toYear) {
        period
        deadline
      }
    }
    submissions(organisationId: $orgId) {
      id
      insatsId
      period
      status
    }
  }
`);

const StartSubmissionDocument = graphql(`
  mutation StartSubmission($insatsId: ID!, $period: String!) {
    startSubmission(insatsId: $insatsId, period: $period) {
      id
    }
  }
`);

const WAITING_TEXT: Record<string, string> = {
  PROJEKTAGARE: 'att fylla i och skicka in',
  STYRGRUPP: 'att granskas av styrgruppen',
  FORBUNDSCHEF: 'att godkännas av förbundschefen',
};

export function StartPage() {
  const s = useSession();
  const [inbox, refetchInbox] = useQuery({ query: InboxDocument });
  useSubscription({ query: InboxChangedDocument }, () => {
    refetchInbox({ requestPolicy: 'network-only' });
    return null;
  });
  const owner = s.has('PROJEKTAGARE');
  return (
    <>
      <h1>Hej {s.me.name.split(' ')[0]}!</h1>
      <section aria-labelledby="inbox-heading" className="card">
        <h2 id="inbox-heading">Väntar på dig</h2>
        {inbox.error && <Alert kind="error">{errorMessage(inbox.error)}</Alert>}
        {!inbox.data && !inbox.error && <Loading what="din inkorg" />}
        {inbox.data && inbox.data.inbox.length === 0 && <p>Inget väntar på dig just nu.</p>}
        {inbox.data && inbox.data.inbox.length > 0 && (
          <ul className="list" aria-label="Inkorg">
            {inbox.data.inbox.map((i) => (
              <li key={i.id} className="list-row">
                <Link to={`/uppfoljningar/${i.id}`} className="list-main">
                  {i.insatsName}, {periodLabel(i.period)}
                </Link>
                <StatusBadge status={i.status} />
                <span className="muted">
                  {WAITING_TEXT[i.waitingFor ?? ''] ?? ''} · senast {formatDate(i.deadline)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {owner && s.org && <MyInsatser />}
      {s.has('FORBUNDSCHEF', 'ADMIN') && (
        <section className="card" aria-labelledby="chef-heading">
          <h2 id="chef-heading">Förbundet</h2>
          <p>
            <Link to="/oversikt">Översikten</Link> visar alla insatsers uppföljningar per period.{' '}
            <Link to="/rapporter">Rapporter</Link>: delårsrapport och årsredovisning, texter och
            underskrifter.
          </p>
        </section>
      )}
      {s.has('STYRELSELEDAMOT', 'STYRELSEERSATTARE', 'REVISOR') && (
        <section className="card" aria-labelledby="board-heading">
          <h2 id="board-heading">Styrelse och revision</h2>
          <p>
            Under <Link to="/rapporter">Rapporter</Link> läser du förbundets rapporter och undertecknar dem
            som väntar på din underskrift.
          </p>
        </section>
      )}
    </>
  );
}

function MyInsatser() {
  const s = useSession();
  const navigate = useNavigate();
  const now = new Date();
  const year = Number(swedishDate(now).slice(0, 4));
  const mine = useMemo(
    () =>
      s.me.roles
        .filter((r) => r.role === 'PROJEKTAGARE' && r.organisationId === s.org!.id)
        .map((r) => r.insatsId),
    [s],
  );
  const [q] = useQuery({
    query: MyInsatserDocument,
    variables: { slug: s.org!.slug, orgId: s.org!.id, fromYear: year - 10, toYear: year },
  });
  const [start, startSubmission] = useMutation(StartSubmissionDocument);
  if (!q.data) return q.error ? <Alert kind="error">{errorMessage(q.error)}</Alert> : <Loading />;
  // Newest first: the period at hand on top, earlier ones below.
  const periods = [...q.data.organisation.periods].reverse();
  const insatser = q.data.organisation.insatser.filter((i) => mine.includes(i.id));
  async function open(insatsId: string, period: string) {
    const r = await startSubmission({ insatsId, period });
    if (r.data) navigate(`/uppfoljningar/${r.data.startSubmission.id}`);
  }
  return (
    <section className="card" aria-labelledby="mine-heading">
      <h2 id="mine-heading">Mina insatser</h2>
      {start.error && <Alert kind="error">{errorMessage(start.error)}</Alert>}
      {insatser.map((i) => (
        <div key={i.id} className="insats-block">
          <h3>{i.name}</h3>
          <table className="table">
            <caption className="visually-hidden">Uppföljningar för {i.name}</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Sista dag</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {periods
                // Only the periods the insats ran in: one that starts in September owes no Delår that year.
                .filter((p) => owesPeriod(i, p.period))
                .map((p) => {
                  const sub = q.data!.submissions.find((x) => x.insatsId === i.id && x.period === p.period);
                  return (
                    <tr key={p.period}>
                      <th scope="row">{periodLabel(p.period)}</th>
                      <td>{formatDate(p.deadline)}</td>
                      <td>
                        {sub ? (
                          <StatusBadge status={sub.status} />
                        ) : (
                          <span className={isLate(p.deadline, now) ? 'late' : 'muted'}>
                            {isLate(p.deadline, now) ? 'Saknas (sen)' : 'Ej påbörjad'}
                          </span>
                        )}
                      </td>
                      <td>
                        {sub ? (
                          <Link to={`/uppfoljningar/${sub.id}`}>
                            Öppna {periodLabel(p.period).toLowerCase()}
                          </Link>
                        ) : (
                          <button
                            type="button"
                            className="button small"
                            disabled={start.fetching}
                            onClick={() => open(i.id, p.period)}
                          >
                            Påbörja {periodLabel(p.period).toLowerCase()}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
