import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session';
import { errorMessage, formatDate, isLate, owesPeriod, periodLabel, swedishDate } from '../format';
import { Alert, Loading, StatusBadge } from '../components/ui';
import { ActionTable } from '../components/action-table';
import { WaitingList } from './waiting-list';

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
      statusLabel
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

export function StartPage() {
  const s = useSession();
  const owner = s.has('PROJEKTAGARE');
  const styrgrupp = s.has('STYRGRUPP');
  return (
    <>
      <h1>Hej {s.me.name.split(' ')[0]}!</h1>
      <WaitingList />
      {owner && s.org && <MyInsatser role="PROJEKTAGARE" />}
      {styrgrupp && s.org && <MyInsatser role="STYRGRUPP" />}
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

/**
 * The insatser I own (projektägare: start and open each period's follow-up) or sit in the styrgrupp of (every
 * follow-up of the insats, not only those waiting for me), period by period.
 */
function MyInsatser(props: { role: 'PROJEKTAGARE' | 'STYRGRUPP' }) {
  const owner = props.role === 'PROJEKTAGARE';
  const s = useSession();
  const navigate = useNavigate();
  const now = new Date();
  const year = Number(swedishDate(now).slice(0, 4));
  const mine = useMemo(
    () =>
      s.me.roles
        .filter((r) => r.role === props.role && r.organisationId === s.org!.id)
        .map((r) => r.insatsId),
    [s, props.role],
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
    <section className="card" aria-labelledby={`mine-heading-${props.role}`}>
      <h2 id={`mine-heading-${props.role}`}>
        {owner ? 'Mina insatser' : 'Insatser där du sitter i styrgruppen'}
      </h2>
      {start.error && <Alert kind="error">{errorMessage(start.error)}</Alert>}
      {insatser.map((i) => (
        <div key={i.id} className="insats-block">
          <h3>{i.name}</h3>
          <ActionTable caption={`Uppföljningar för ${i.name}`} columns={['Period', 'Sista dag', 'Status']}>
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
                        <StatusBadge status={sub.status} label={sub.statusLabel} />
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
                      ) : !owner ? (
                        <span className="muted">Projektägaren har inte påbörjat den</span>
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
          </ActionTable>
        </div>
      ))}
    </section>
  );
}
