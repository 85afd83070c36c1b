import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session';
import {
  errorMessage,
  formatDate,
  isLate,
  owesPeriod,
  periodLabel,
  STATUS_LABEL,
  STATUS_PLURAL,
  yearsAround,
} from '../format';
import { Alert, Loading, StatusBadge } from '../components/ui';

const OverviewDocument = graphql(`
  query Overview($slug: String!, $orgId: ID!, $year: Int!) {
    organisation(slug: $slug) {
      id
      name
      insatser {
        id
        key
        name
        type
        start
        end
        costCentre
      }
      periods(fromYear: $year, toYear: $year) {
        period
        kind
        deadline
      }
    }
    submissions(organisationId: $orgId) {
      id
      insatsId
      period
      status
      waitingFor
      statusLabel
      updatedAt
    }
  }
`);

const WAITING: Record<string, string> = {
  PROJEKTAGARE: 'projektägaren',
  STYRGRUPP: 'styrgruppen',
  FORBUNDSCHEF: 'förbundschefen',
};

/** The förbundschef's overview: every insats, its follow-up per period, and the deadlines. */
export function OverviewPage() {
  const s = useSession();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const [q] = useQuery({
    query: OverviewDocument,
    variables: { slug: s.org?.slug ?? '', orgId: s.org?.id ?? '', year },
    pause: !s.org,
  });
  if (!s.has('FORBUNDSCHEF', 'ADMIN'))
    return <Alert kind="info">Översikten är till för förbundschefen och kansliet.</Alert>;
  const data = q.data;
  const now = new Date();
  const counts: Record<string, number> = {};
  data?.submissions
    .filter((x) => x.period.endsWith(String(year)))
    .forEach((x) => (counts[x.status] = (counts[x.status] ?? 0) + 1));
  return (
    <>
      <h1>Översikt</h1>
      <div className="toolbar">
        <label htmlFor="year">År</label>
        <select id="year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {yearsAround(thisYear).map((y) => (
            <option key={y}>{y}</option>
          ))}
        </select>
      </div>
      {q.error && <Alert kind="error">{errorMessage(q.error)}</Alert>}
      {!data && !q.error && <Loading what="översikten" />}
      {data && (
        <>
          <p className="summary">
            {Object.keys(counts).length === 0
              ? `Inga uppföljningar för ${year} än.`
              : Object.entries(counts)
                  .map(
                    ([k, n]) =>
                      `${n} ${n === 1 ? (STATUS_LABEL[k] ?? k).toLowerCase() : (STATUS_PLURAL[k] ?? k)}`,
                  )
                  .join(' · ')}
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption>Insatsernas uppföljningar {year}</caption>
              <thead>
                <tr>
                  <th scope="col">Insats</th>
                  {data.organisation.periods.map((p) => (
                    <th scope="col" key={p.period}>
                      {periodLabel(p.period)}
                      <br />
                      <small className={isLate(p.deadline, now) ? 'muted' : undefined}>
                        senast {formatDate(p.deadline)}
                      </small>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.organisation.insatser.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      {i.name}
                      <br />
                      <small className="muted">
                        {i.type === 'INDIVID' ? 'Individinsats' : 'Strukturinsats'} · kostnadsställe{' '}
                        {i.costCentre}
                      </small>
                    </th>
                    {data.organisation.periods.map((p) => {
                      const active = owesPeriod(i, p.period);
                      const sub = data.submissions.find((x) => x.insatsId === i.id && x.period === p.period);
                      return (
                        <td key={p.period}>
                          {sub ? (
                            <>
                              <Link to={`/uppfoljningar/${sub.id}`}>
                                <StatusBadge status={sub.status} label={sub.statusLabel} />
                                <span className="visually-hidden">
                                  {' '}
                                  – {i.name}, {periodLabel(p.period)}
                                </span>
                              </Link>
                              {sub.waitingFor && sub.status !== 'APPROVED' && (
                                <small className="muted">
                                  {' '}
                                  väntar på {WAITING[sub.waitingFor] ?? sub.waitingFor}
                                </small>
                              )}
                            </>
                          ) : active ? (
                            <span className={isLate(p.deadline, now) ? 'late' : 'muted'}>
                              {isLate(p.deadline, now) ? 'Saknas (sen)' : 'Ej påbörjad'}
                            </span>
                          ) : (
                            <span className="muted">–</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
