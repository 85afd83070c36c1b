import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../session';
import type { ReportFieldsFragment, ReportKind, ReportSigningFieldsFragment } from '../gql/graphql';
import {
  errorMessage,
  formatDateTime,
  REPORT_KIND_LABEL,
  REPORT_STATUS_LABEL,
  SIGNING_STATUS_LABEL,
  yearsAround,
} from '../format';
import { Alert, Loading, StatusBadge } from '../components/ui';
import { ReportProgress, useLiveReport } from '../components/report-progress';
import { ReportChecks, ReportFiles } from '../components/report-files';
import { CompileReportDocument, ReportsDocument } from './report-queries';
import { ReportStructureEditor } from './report-structure-editor';
import { ReportTextsEditor } from './report-texts-editor';
import { ReportSettingsEditor } from './report-settings-editor';
import { OrganisationLogo } from './admin/organisation-logo';

export function ReportsPage() {
  const s = useSession();
  const orgId = s.org?.id ?? '';
  const [list, refetch] = useQuery({ query: ReportsDocument, variables: { orgId }, pause: !orgId });
  const chef = s.has('FORBUNDSCHEF', 'ADMIN');
  return (
    <>
      <h1>Rapporter</h1>
      {chef && <CompilePanel onCompiled={() => refetch({ requestPolicy: 'network-only' })} />}
      <section className="card" aria-labelledby="all-reports">
        <h2 id="all-reports">Sammanställda rapporter</h2>
        {list.error && <Alert kind="error">{errorMessage(list.error)}</Alert>}
        {!list.data && !list.error && <Loading what="rapporterna" />}
        {list.data && list.data.reports.length === 0 && <p>Inga rapporter är sammanställda än.</p>}
        {list.data && list.data.reports.length > 0 && (
          <table className="table stack">
            <caption className="visually-hidden">Förbundets rapporter, nyast först</caption>
            <thead>
              <tr>
                <th scope="col">Rapport</th>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Kontroller</th>
                <th scope="col">Underskrifter</th>
                <th scope="col">Sammanställd</th>
              </tr>
            </thead>
            <tbody>
              {list.data.reports.map((r) => (
                <tr key={r.id} className={r.signing.status === 'COMPLETED' ? 'report-signed' : undefined}>
                  <th scope="row">
                    <Link to={`/rapporter/${r.id}`}>
                      {REPORT_KIND_LABEL[r.kind]} {r.year}
                      <span className="visually-hidden">, version {r.version}</span>
                    </Link>
                  </th>
                  <td data-label="Version">{r.version}</td>
                  <td data-label="Status">
                    <StatusBadge status={r.status} label={REPORT_STATUS_LABEL[r.status]} />
                  </td>
                  <td data-label="Kontroller">
                    {r.checksPassed === null ? '–' : r.checksPassed ? 'Stämmer' : 'Avvikelser'}
                  </td>
                  <td data-label="Underskrifter">
                    <SigningState signing={r.signing} version={r.version} />
                  </td>
                  <td data-label="Sammanställd">{formatDateTime(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** A version's signing in words; the signed and sealed version stands out, a replaced one says so. */
function SigningState(props: { signing: ReportSigningFieldsFragment; version: number }) {
  const x = props.signing;
  return (
    <>
      {x.status === 'COMPLETED' ? (
        <strong className="badge badge-signed">Undertecknad och förseglad</strong>
      ) : x.status ? (
        <>
          {SIGNING_STATUS_LABEL[x.status] ?? x.status}
          {x.status === 'OPEN' && `: ${x.signed} av ${x.signers} har undertecknat`}
        </>
      ) : (
        <span className="muted">Inte skickad</span>
      )}
      {x.newestVersion > props.version && (
        <small className="muted"> · ersatt av version {x.newestVersion}</small>
      )}
    </>
  );
}

function CompilePanel(props: { onCompiled: () => void }) {
  const s = useSession();
  const thisYear = new Date().getFullYear();
  const [kind, setKind] = useState<ReportKind>('ARSREDOVISNING');
  const [year, setYear] = useState(thisYear - 1);
  const [started, setStarted] = useState<ReportFieldsFragment | null>(null);
  const [state, compile] = useMutation(CompileReportDocument);
  const live = useLiveReport(started);
  const done = live?.status === 'READY' || live?.status === 'FAILED';
  // Refresh the list once when a compilation finishes.
  const announced = useRef<string | null>(null);
  const { onCompiled } = props;
  useEffect(() => {
    if (done && live && announced.current !== live.id) {
      announced.current = live.id;
      onCompiled();
    }
  }, [done, live, onCompiled]);

  async function onCompile() {
    const r = await compile({ orgId: s.org!.id, kind, year });
    if (r.data) setStarted(r.data.compileReport);
  }

  return (
    <section className="card" aria-labelledby="compile-heading">
      <h2 id="compile-heading">Sammanställ en rapport</h2>
      <div className="toolbar">
        <label htmlFor="kind">Rapport</label>
        <select id="kind" value={kind} onChange={(e) => setKind(e.target.value as ReportKind)}>
          <option value="ARSREDOVISNING">Årsredovisning</option>
          <option value="DELARSRAPPORT">Delårsrapport</option>
          <option value="VERKSAMHETSPLAN">Verksamhetsplan och budget</option>
        </select>
        <label htmlFor="report-year">År</label>
        <select id="report-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {yearsAround(thisYear).map((y) => (
            <option key={y}>{y}</option>
          ))}
        </select>
      </div>
      {kind === 'VERKSAMHETSPLAN' ? (
        <p className="muted">
          Planens texter, budget och mål skrivs under <Link to="/verksamhetsplan">Verksamhetsplan</Link>.
        </p>
      ) : (
        <>
          <ReportStructureEditor kind={kind} />
          <ReportSettingsEditor year={year} />
          {!s.has('ADMIN') && <OrganisationLogo />}
          <ReportTextsEditor kind={kind} year={year} />
        </>
      )}
      {state.error && <Alert kind="error">{errorMessage(state.error)}</Alert>}
      <button
        type="button"
        className="button primary"
        disabled={state.fetching || (!!live && !done)}
        onClick={onCompile}
      >
        Sammanställ {REPORT_KIND_LABEL[kind].toLowerCase()} {year}
      </button>
      {live && (
        <div className="compile-result" aria-live="polite">
          <ReportProgress report={live} />
          {live.status === 'READY' && (
            <>
              <Alert kind="success">
                {REPORT_KIND_LABEL[live.kind]} {live.year}, version {live.version}, är klar.{' '}
                <Link to={`/rapporter/${live.id}`}>Öppna rapporten</Link>
              </Alert>
              <ReportFiles report={live} />
              <ReportChecks report={live} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
