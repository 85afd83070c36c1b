import { useEffect, useState } from 'react';
import { useClient, useSubscription } from 'urql';
import type { ReportFieldsFragment } from '../gql/graphql';
import { ReportDocument, ReportProgressDocument } from '../pages/report-queries';
import { REPORT_STATUS_LABEL } from '../format';
import { ProgressBar } from './ui';

type Report = ReportFieldsFragment;
const DONE = ['READY', 'FAILED'];

/**
 * Follows a compilation live over the subscription; polls now and then as well, so a dropped WebSocket
 * (a proxy, a laptop waking up) never leaves the bar standing still.
 */
export function useLiveReport(initial: Report | null): Report | null {
  const [report, setReport] = useState(initial);
  const client = useClient();
  useEffect(() => setReport(initial), [initial]);
  const running = !!report && !DONE.includes(report.status);
  useSubscription(
    { query: ReportProgressDocument, variables: { id: report?.id ?? '' }, pause: !running },
    (_prev, data) => {
      setReport(data.reportProgress);
      return data;
    },
  );
  useEffect(() => {
    if (!running || !report) return;
    const t = setInterval(async () => {
      const r = await client
        .query(ReportDocument, { id: report.id }, { requestPolicy: 'network-only' })
        .toPromise();
      if (r.data) setReport((cur) => (cur && DONE.includes(cur.status) ? cur : r.data!.report));
    }, 3000);
    return () => clearInterval(t);
  }, [running, report, client]);
  return report;
}

export function ReportProgress(props: { report: Report }) {
  const r = props.report;
  const stageId = `stage-${r.id}`;
  if (r.status === 'READY') return null;
  if (r.status === 'FAILED')
    return (
      <p className="field-error" role="alert">
        Sammanställningen misslyckades: {r.error ?? 'okänt fel'}
      </p>
    );
  return (
    <div className="report-progress">
      <ProgressBar value={r.progress} label="Sammanställningens förlopp" describedBy={stageId} />
      <p id={stageId} className="muted" aria-live="polite">
        {REPORT_STATUS_LABEL[r.status] ?? r.status}: {r.stage ?? 'väntar på en ledig arbetare'} ({r.progress}{' '}
        %)
      </p>
    </div>
  );
}
