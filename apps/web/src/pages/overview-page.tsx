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
  ROLE_PHRASE,
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

/**
 * A count of follow-ups in one status, in words: "1 inskickad", "3 godkända". A status after a workflow step
 * names the step's own role (from the API's statusLabel): "2 godkända av beredningsgruppen".
 */
function countLabel(status: string, label: string, n: number): string {
  if (n === 1) return label.toLowerCase();
  if (status === 'STYRGRUPP_APPROVED') return label.toLowerCase().replace(/^godkänd /, 'godkända ');
  return STATUS_PLURAL[status] ?? label.toLowerCase();
}

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
  const counts = new Map<string, { status: string; label: string; n: number }>();
  data?.submissions
    .filter((x) => x.period.endsWith(String(year)))
    .forEach((x) => {
      const label = x.statusLabel ?? STATUS_LABEL[x.status] ?? x.status;
      const c = counts.get(`${x.status}/${label}`) ?? { status: x.status, label, n: 0 };
      counts.set(`${x.status}/${label}`, { ...c, n: c.n + 1 });
    });
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
            {counts.size === 0
              ? `Inga uppföljningar för ${year} än.`
              : [...counts.values()].map((c) => `${c.n} ${countLabel(c.status, c.label, c.n)}`).join(' · ')}
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
                                  väntar på {ROLE_PHRASE[sub.waitingFor] ?? sub.waitingFor}
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
