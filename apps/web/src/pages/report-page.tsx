import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { errorMessage, formatDateTime, REPORT_KIND_LABEL } from '../format';
import { Alert, Loading } from '../components/ui';
import { ReportProgress, useLiveReport } from '../components/report-progress';
import { ChecksFile, ReportChecks, ReportFiles } from '../components/report-files';
import { ReportSigning } from '../components/report-signing';
import { FollowUpCoverage } from '../components/follow-up-coverage';
import { ReportDocument } from './report-queries';

export function ReportPage() {
  const { id = '' } = useParams();
  const [q, refetch] = useQuery({ query: ReportDocument, variables: { id } });
  const live = useLiveReport(q.data?.report ?? null);
  if (q.error && !q.data)
    return (
      <>
        <h1>Rapporten kunde inte visas</h1>
        <Alert kind="error">{errorMessage(q.error)}</Alert>
      </>
    );
  if (!q.data || !live) return <Loading what="rapporten" />;
  const r = live;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/rapporter">Rapporter</Link> / {REPORT_KIND_LABEL[r.kind]} {r.year}
      </p>
      <h1>
        {REPORT_KIND_LABEL[r.kind]} {r.year}
      </h1>
      <p className="meta">
        Version {r.version} · sammanställd {formatDateTime(r.createdAt)}
        {r.status === 'READY' &&
          r.kind !== 'VERKSAMHETSPLAN' &&
          (r.structureVersion
            ? ` · förbundets avsnitt, version ${r.structureVersion}`
            : ' · förlagornas avsnitt')}
      </p>
      <section className="card" aria-labelledby="files-heading">
        <h2 id="files-heading">Rapporten</h2>
        <ReportProgress report={r} />
        {r.status === 'READY' && <ReportFiles report={r} />}
      </section>
      {r.status === 'READY' && <FollowUpCoverage items={q.data.report.followUpCoverage} />}
      {r.status === 'READY' && (
        <ReportSigning
          report={{
            id: r.id,
            version: r.version,
            checksPassed: r.checksPassed ?? true,
            title: `${REPORT_KIND_LABEL[r.kind].toLowerCase()} ${r.year}, version ${r.version}`,
          }}
          summary={q.data.report.signing}
          request={q.data.signingRequest ?? null}
          reload={reload}
        />
      )}
      {r.checks.length > 0 && (
        <section className="card" aria-labelledby="checks-heading">
          <h2 id="checks-heading">Kontroller</h2>
          <p className="muted">
            Ett arbetsdokument för förbundschefen och revisorerna. Kontrollerna ingår inte i den rapport som
            styrelsen beslutar om och som publiceras.
          </p>
          {r.status === 'READY' && r.checksFileId && <ChecksFile report={r} />}
          <ReportChecks report={r} collapsed={r.checksPassed === true} />
        </section>
      )}
    </>
  );
}
