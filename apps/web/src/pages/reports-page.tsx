import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../session';
import type { ReportFieldsFragment, ReportKind } from '../gql/graphql';
import {
  errorCode,
  errorMessage,
  formatDateTime,
  REPORT_KIND_LABEL,
  REPORT_STATUS_LABEL,
  yearsAround,
} from '../format';
import { Alert, Loading, StatusBadge } from '../components/ui';
import { ReportProgress, useLiveReport } from '../components/report-progress';
import { ReportChecks, ReportFiles } from '../components/report-files';
import { ReportSettingsEditor } from './report-settings-editor';
import {
  CompileReportDocument,
  ReportsDocument,
  ReportTextsDocument,
  SaveReportTextsDocument,
} from './report-queries';

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
          <table className="table">
            <caption className="visually-hidden">Förbundets rapporter, nyast först</caption>
            <thead>
              <tr>
                <th scope="col">Rapport</th>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Kontroller</th>
                <th scope="col">Sammanställd</th>
              </tr>
            </thead>
            <tbody>
              {list.data.reports.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/rapporter/${r.id}`}>
                      {REPORT_KIND_LABEL[r.kind]} {r.year}
                    </Link>
                  </th>
                  <td>{r.version}</td>
                  <td>
                    <StatusBadge status={r.status} label={REPORT_STATUS_LABEL[r.status]} />
                  </td>
                  <td>{r.checksPassed === null ? '–' : r.checksPassed ? 'Stämmer' : 'Avvikelser'}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
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
          <ReportSettingsEditor year={year} />
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

/** The förbundschef's own texts; each save names the version it started from. */
function ReportTextsEditor(props: { kind: ReportKind; year: number }) {
  const s = useSession();
  const [q, refetch] = useQuery({
    query: ReportTextsDocument,
    variables: { orgId: s.org!.id, kind: props.kind, year: props.year },
  });
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'warning'; text: string } | null>(
    null,
  );
  const [saving, save] = useMutation(SaveReportTextsDocument);
  useEffect(() => {
    if (q.data) {
      setTexts((q.data.reportTexts.texts ?? {}) as Record<string, string>);
      setVersion(q.data.reportTexts.version);
    }
  }, [q.data]);
  if (!s.has('FORBUNDSCHEF')) return null;
  if (!q.data) return <Loading what="texterna" />;
  async function onSave() {
    const r = await save({ orgId: s.org!.id, kind: props.kind, year: props.year, version, texts });
    if (r.data) {
      setVersion(r.data.saveReportTexts.version);
      setMessage({ kind: 'success', text: 'Texterna är sparade.' });
    } else if (errorCode(r.error) === 'VERSION_CONFLICT') {
      setMessage({
        kind: 'warning',
        text: 'Någon annan har sparat texterna efter att du öppnade dem. Kopiera det du skrivit, hämta de senaste texterna och spara igen.',
      });
    } else setMessage({ kind: 'error', text: errorMessage(r.error) });
  }
  return (
    <details className="texts">
      <summary>Förbundschefens texter (förvaltningsberättelse)</summary>
      {q.data.reportTexts.fields.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`text-${f.key}`}>{f.title}</label>
          <textarea
            id={`text-${f.key}`}
            rows={4}
            value={texts[f.key] ?? ''}
            onChange={(e) => setTexts({ ...texts, [f.key]: e.target.value })}
          />
        </div>
      ))}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <div className="button-row">
        <button type="button" className="button" disabled={saving.fetching} onClick={onSave}>
          Spara texterna
        </button>
        {message?.kind === 'warning' && (
          <button
            type="button"
            className="button-link"
            onClick={() => refetch({ requestPolicy: 'network-only' })}
          >
            Hämta de senaste texterna
          </button>
        )}
      </div>
    </details>
  );
}
