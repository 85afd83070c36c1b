import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { SigningFieldsFragment, SigningOrder } from '../gql/graphql';
import { useSession } from '../session';
import {
  errorMessage,
  formatDate,
  formatDateTime,
  REPORT_KIND_LABEL,
  SIGN_METHOD_LABEL,
  SIGNER_STATE_LABEL,
  SIGNING_STATUS_LABEL,
} from '../format';
import { Alert, Loading, StatusBadge } from '../components/ui';
import { ReportProgress, useLiveReport } from '../components/report-progress';
import { ReportChecks, ReportFiles } from '../components/report-files';
import { SignPanel } from '../components/sign-panel';
import { SignInPlace } from '../components/sign-in-place';
import { FollowUpCoverage } from '../components/follow-up-coverage';
import { ReportDocument } from './report-queries';
import { CreateSigningRequestDocument, RetrySealingDocument } from './signing-queries';
import { downloadFile } from '../client';

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
      </p>
      <section className="card" aria-labelledby="files-heading">
        <h2 id="files-heading">Rapporten</h2>
        <ReportProgress report={r} />
        {r.status === 'READY' && <ReportFiles report={r} />}
      </section>
      {r.status === 'READY' && <FollowUpCoverage items={q.data.report.followUpCoverage} />}
      {r.status === 'READY' && (
        <Signing
          reportId={r.id}
          checksPassed={r.checksPassed ?? true}
          request={q.data.signingRequest ?? null}
          reload={reload}
        />
      )}
      {r.checks.length > 0 && (
        <section className="card" aria-labelledby="checks-heading">
          <h2 id="checks-heading">Kontroller</h2>
          <ReportChecks report={r} collapsed={r.checksPassed === true} />
        </section>
      )}
    </>
  );
}

function Signing(props: {
  reportId: string;
  checksPassed: boolean;
  request: SigningFieldsFragment | null;
  reload: () => void;
}) {
  const s = useSession();
  const req = props.request;
  const mine = req?.signers.find((x) => x.personId === s.me.id);
  const canSign = !!req && req.status === 'OPEN' && !!mine && ['SENT', 'VIEWED'].includes(mine.state);
  return (
    <section className="card" aria-labelledby="signing-heading">
      <h2 id="signing-heading">Underskrifter</h2>
      {!req && s.has('FORBUNDSCHEF') && (
        <CreateRequest reportId={props.reportId} checksPassed={props.checksPassed} onCreated={props.reload} />
      )}
      {!req && !s.has('FORBUNDSCHEF') && <p>Rapporten har inte skickats för underskrift.</p>}
      {req && (
        <>
          <p>
            <StatusBadge status={req.status} label={SIGNING_STATUS_LABEL[req.status] ?? req.status} />
            {req.status === 'OPEN' && ` Öppen för underskrift till ${formatDate(req.expiresAt)}`}
          </p>
          {req.decisionDate && (
            <p>Beslutsdatum {formatDate(req.decisionDate)}: undertecknarna är de som har mandat den dagen.</p>
          )}
          {req.status === 'SEAL_FAILED' && (
            <SealFailed
              requestId={req.id}
              reason={req.failureReason}
              canRetry={s.has('FORBUNDSCHEF')}
              onRetried={props.reload}
            />
          )}
          {req.sealedPdfFileId && (
            <button
              type="button"
              className="button"
              onClick={() => downloadFile(req.sealedPdfFileId!, 'förseglad-rapport.pdf')}
            >
              Ladda ner den förseglade PDF:en
            </button>
          )}
          <table className="table">
            <caption className="visually-hidden">Undertecknare</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Roll</th>
                <th scope="col">Läge</th>
              </tr>
            </thead>
            <tbody>
              {req.signers.map((x) => (
                <tr key={x.personId}>
                  <th scope="row">{x.name}</th>
                  <td>{x.roleText.charAt(0).toUpperCase() + x.roleText.slice(1)}</td>
                  <td>
                    {SIGNER_STATE_LABEL[x.state] ?? x.state}
                    {x.method && ` med ${SIGN_METHOD_LABEL[x.method] ?? x.method}`}
                    {x.signedAt && `, ${formatDateTime(x.signedAt)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {req.status === 'OPEN' && s.has('FORBUNDSCHEF', 'ADMIN', 'STYRELSEERSATTARE') && (
            <SignInPlace request={req} onDone={props.reload} />
          )}
          {canSign && (
            <SignPanel requestId={req.id} viewed={mine!.state === 'VIEWED'} onSigned={props.reload} />
          )}
          {mine?.state === 'SIGNED' && <Alert kind="success">Du har undertecknat rapporten.</Alert>}
        </>
      )}
    </section>
  );
}

function CreateRequest(props: { reportId: string; checksPassed: boolean; onCreated: () => void }) {
  const [order, setOrder] = useState<SigningOrder>('PARALLEL');
  const [reason, setReason] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const [r, create] = useMutation(CreateSigningRequestDocument);
  return (
    <div>
      <p>Skicka rapporten till styrelsens ledamöter och revisorerna för underskrift.</p>
      <div className="field">
        <label htmlFor="order">Ordning</label>
        <select id="order" value={order} onChange={(e) => setOrder(e.target.value as SigningOrder)}>
          <option value="PARALLEL">Alla på en gång</option>
          <option value="GROUPS">Ledamöterna först, sedan revisorerna</option>
          <option value="SEQUENTIAL">En i taget</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="decision-date">Styrelsens beslutsdatum (tomt: i dag)</label>
        <input
          id="decision-date"
          type="date"
          value={decisionDate}
          aria-describedby="decision-date-hint"
          onChange={(e) => setDecisionDate(e.target.value)}
        />
        <small id="decision-date-hint">
          De ledamöter och revisorer som har mandat den dagen skriver under.
        </small>
      </div>
      {!props.checksPassed && (
        <div className="field">
          <label htmlFor="override">Skäl att skicka trots avvikande kontroller</label>
          <input id="override" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {r.error && <Alert kind="error">{errorMessage(r.error)}</Alert>}
      <button
        type="button"
        className="button primary"
        disabled={r.fetching}
        onClick={async () => {
          const res = await create({
            reportId: props.reportId,
            order,
            overrideReason: reason.trim() || null,
            decisionDate: decisionDate || null,
          });
          if (res.data) props.onCreated();
        }}
      >
        Skicka för underskrift
      </button>
    </div>
  );
}

/** The seal failed for good: the reason, and for the förbundschef a retry (the signatures stand). */
function SealFailed(props: {
  requestId: string;
  reason: string | null;
  canRetry: boolean;
  onRetried: () => void;
}) {
  const [r, retry] = useMutation(RetrySealingDocument);
  const [done, setDone] = useState(false);
  return (
    <>
      <Alert kind="error">{props.reason ?? 'Förseglingen misslyckades.'}</Alert>
      {r.error && <Alert kind="error">{errorMessage(r.error)}</Alert>}
      {done && <Alert kind="success">Förseglingen har startats igen. Sidan visar när den är klar.</Alert>}
      {props.canRetry && !done && (
        <button
          type="button"
          className="button primary"
          disabled={r.fetching}
          onClick={async () => {
            const res = await retry({ requestId: props.requestId });
            if (res.data) {
              setDone(true);
              props.onRetried();
            }
          }}
        >
          Försök försegla igen
        </button>
      )}
    </>
  );
}
