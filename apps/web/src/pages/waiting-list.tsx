import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session';
import { errorMessage, formatDate } from '../format';
import { Alert, Loading } from '../components/ui';

const WaitingForMeDocument = graphql(`
  query WaitingForMe {
    waitingForMe {
      kind
      kindLabel
      title
      dueDate
      late
      targetId
      period
      organisationId
      organisationName
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

const StartOwedDocument = graphql(`
  mutation StartOwedSubmission($insatsId: ID!, $period: String!) {
    startSubmission(insatsId: $insatsId, period: $period) {
      id
    }
  }
`);

/** Where an item leads: the follow-up, or the report (to sign it or to send it for signing). */
function hrefOf(kind: string, targetId: string): string {
  return kind === 'SIGNATURE' || kind === 'REPORT_TO_SEND'
    ? `/rapporter/${targetId}`
    : `/uppfoljningar/${targetId}`;
}

/** "Väntar på dig": everything that waits for me, late ones first, each with a way to it. */
export function WaitingList() {
  const s = useSession();
  const navigate = useNavigate();
  const [q, refetch] = useQuery({ query: WaitingForMeDocument });
  useSubscription({ query: InboxChangedDocument }, () => {
    refetch({ requestPolicy: 'network-only' });
    return null;
  });
  const [start, startSubmission] = useMutation(StartOwedDocument);
  const manyOrgs = s.organisations.length > 1;
  async function open(insatsId: string, period: string) {
    const r = await startSubmission({ insatsId, period });
    if (r.data) navigate(`/uppfoljningar/${r.data.startSubmission.id}`);
  }
  const items = q.data?.waitingForMe ?? [];
  return (
    <section aria-labelledby="inbox-heading" className="card">
      <h2 id="inbox-heading">Väntar på dig</h2>
      {q.error && <Alert kind="error">{errorMessage(q.error)}</Alert>}
      {start.error && <Alert kind="error">{errorMessage(start.error)}</Alert>}
      {!q.data && !q.error && <Loading what="det som väntar på dig" />}
      {q.data && items.length === 0 && <p>Inget väntar på dig just nu.</p>}
      {items.length > 0 && (
        <ul className="list" aria-labelledby="inbox-heading">
          {items.map((i) => (
            <li key={`${i.kind}:${i.targetId}:${i.period ?? ''}`} className="list-row">
              {i.kind === 'FOLLOW_UP_TO_START' ? (
                <button
                  type="button"
                  className="button small"
                  disabled={start.fetching}
                  onClick={() => open(i.targetId, i.period!)}
                >
                  Påbörja {i.title}
                </button>
              ) : (
                <Link to={hrefOf(i.kind, i.targetId)} className="list-main">
                  {i.title}
                </Link>
              )}
              <span>{i.kindLabel}</span>
              {i.dueDate && (
                <span className={i.late ? 'late' : 'muted'}>
                  {i.late ? `Sen: sista dag var ${formatDate(i.dueDate)}` : `Senast ${formatDate(i.dueDate)}`}
                </span>
              )}
              {manyOrgs && <span className="muted">{i.organisationName}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
