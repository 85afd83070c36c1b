import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import type { ReportSigningFieldsFragment, SigningFieldsFragment, SigningOrder } from '../gql/graphql';
import { useSession } from '../session';
import {
  errorMessage,
  formatDate,
  formatDateTime,
  SIGN_METHOD_LABEL,
  SIGNER_STATE_LABEL,
  SIGNING_STATUS_LABEL,
} from '../format';
import { downloadFile } from '../client';
import { Alert, StatusBadge } from './ui';
import { SignPanel } from './sign-panel';
import { SignInPlace } from './sign-in-place';
import {
  CancelSigningRequestDocument,
  CreateSigningRequestDocument,
  RemindSignersDocument,
  RetrySealingDocument,
} from '../pages/signing-queries';

/** A request that has ended without a signed document: the förbundschef may send the report again. */
const ENDED = ['CANCELLED', 'DECLINED', 'EXPIRED'];

/** The report's signatures: who has signed, my own signature, and the förbundschef's sending and follow-up. */
export function ReportSigning(props: {
  report: { id: string; version: number; checksPassed: boolean; title: string };
  summary: ReportSigningFieldsFragment | null;
  request: SigningFieldsFragment | null;
  reload: () => void;
}) {
  const s = useSession();
  const chef = s.has('FORBUNDSCHEF');
  const req = props.request;
  const [notice, setNotice] = useState<string | null>(null);
  const mine = req?.signers.find((x) => x.personId === s.me.id);
  const canSign = !!req && req.status === 'OPEN' && !!mine && ['SENT', 'VIEWED'].includes(mine.state);
  const signed = req?.signers.filter((x) => x.state === 'SIGNED').length ?? 0;
  const mayResend = chef && (!req || ENDED.includes(req.status));
  return (
    <section className="card" aria-labelledby="signing-heading">
      <h2 id="signing-heading">Underskrifter</h2>
      {notice && <Alert kind="success">{notice}</Alert>}
      {!req && !chef && <p>Rapporten har inte skickats för underskrift.</p>}
      {req && (
        <>
          <p>
            <StatusBadge status={req.status} label={SIGNING_STATUS_LABEL[req.status] ?? req.status} />{' '}
            {signed} av {req.signers.length} har undertecknat.
            {req.status === 'OPEN' && ` Öppen för underskrift till ${formatDate(req.expiresAt)}.`}
          </p>
          {req.decisionDate && (
            <p>Beslutsdatum {formatDate(req.decisionDate)}: undertecknarna är de som har mandat den dagen.</p>
          )}
          {req.status === 'SEAL_FAILED' && (
            <SealFailed
              requestId={req.id}
              reason={req.failureReason}
              canRetry={chef}
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
          <table className="table stack signers">
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
                <tr key={x.personId} className={x.state === 'SIGNED' ? 'signer-signed' : undefined}>
                  <th scope="row">{x.name}</th>
                  <td data-label="Roll">{x.roleText.charAt(0).toUpperCase() + x.roleText.slice(1)}</td>
                  <td data-label="Läge">
                    {x.state === 'SIGNED' && <span aria-hidden="true">✓ </span>}
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
          {chef && req.status === 'OPEN' && (
            <FollowUp requestId={req.id} onChanged={props.reload} onNotice={setNotice} />
          )}
          {canSign && (
            <SignPanel
              requestId={req.id}
              viewed={mine!.state === 'VIEWED'}
              documentSha256={req.documentSha256}
              documentTitle={props.report.title}
              onSigned={props.reload}
            />
          )}
          {mine?.state === 'SIGNED' && <Alert kind="success">Du har undertecknat rapporten.</Alert>}
        </>
      )}
      {mayResend && (
        <CreateRequest
          report={props.report}
          summary={props.summary}
          again={!!req}
          onCreated={(n) => {
            setNotice(
              `Rapporten är skickad för underskrift till ${n === 1 ? '1 person' : `${n} personer`}. De får ett e-postmeddelande med en länk till rapporten, och du ser här när de har undertecknat.`,
            );
            props.reload();
          }}
        />
      )}
    </section>
  );
}

/** The förbundschef follows an open request up: remind those who have not signed, or cancel to correct it. */
function FollowUp(props: { requestId: string; onChanged: () => void; onNotice: (text: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reminding, remind] = useMutation(RemindSignersDocument);
  const [cancelling, cancel] = useMutation(CancelSigningRequestDocument);
  return (
    <div className="signing-follow-up">
      <h3>Följ upp begäran</h3>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={reminding.fetching}
          onClick={async () => {
            setError(null);
            const r = await remind({ requestId: props.requestId });
            if (r.error) return setError(errorMessage(r.error));
            const n = r.data!.remindSigners.reminded;
            props.onNotice(
              `En påminnelse är skickad till ${n === 1 ? '1 person' : `${n} personer`} som inte har undertecknat. Nästa påminnelse kan skickas ${formatDateTime(r.data!.remindSigners.nextAllowedAt)}.`,
            );
          }}
        >
          Påminn dem som inte har undertecknat
        </button>
      </div>
      <details className="cancel-request">
        <summary>Avbryt eller rätta begäran</summary>
        <p className="muted">
          Behöver begäran rättas (till exempel en ny version av rapporten, eller en annan ordning) avbryter du
          den och skickar rapporten igen. Underskrifter som redan gjorts gäller inte den nya begäran.
        </p>
        <div className="field">
          <label htmlFor="cancel-reason">Skäl till att begäran avbryts (syns i granskningsloggen)</label>
          <input id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button
          type="button"
          className="button danger"
          disabled={cancelling.fetching}
          onClick={async () => {
            setError(null);
            if (!reason.trim()) return setError('Skriv varför begäran avbryts.');
            if (
              !window.confirm(
                'Avbryta signeringsbegäran? De som inte har undertecknat kan inte längre göra det.',
              )
            )
              return;
            const r = await cancel({ requestId: props.requestId, reason: reason.trim() });
            if (r.error) return setError(errorMessage(r.error));
            props.onNotice(
              'Signeringsbegäran är avbruten. Du kan skicka rapporten för underskrift igen nedan.',
            );
            props.onChanged();
          }}
        >
          Avbryt begäran
        </button>
      </details>
    </div>
  );
}

function CreateRequest(props: {
  report: { id: string; version: number; checksPassed: boolean };
  summary: ReportSigningFieldsFragment | null;
  again: boolean;
  onCreated: (signers: number) => void;
}) {
  const [order, setOrder] = useState<SigningOrder>('PARALLEL');
  const [reason, setReason] = useState('');
  const [decisionDate, setDecisionDate] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [r, create] = useMutation(CreateSigningRequestDocument);
  const sum = props.summary;
  const warnings: Array<{ key: string; text: React.ReactNode }> = [];
  if (sum?.signedVersion != null)
    warnings.push({
      key: 'signed',
      text:
        sum.signedVersion === props.report.version
          ? 'Den här versionen av rapporten är redan undertecknad och förseglad.'
          : `Version ${sum.signedVersion} av rapporten är redan undertecknad och förseglad; styrelsen skulle skriva under en gång till.`,
    });
  if (sum && sum.newestVersion > props.report.version)
    warnings.push({
      key: 'newer',
      text: (
        <>
          Det finns en nyare version av rapporten (version {sum.newestVersion}); den här versionen är ersatt.{' '}
          <Link to="/rapporter">Se alla versioner</Link>
        </>
      ),
    });
  return (
    <div className="create-request">
      <h3>{props.again ? 'Skicka för underskrift igen' : 'Skicka för underskrift'}</h3>
      <p>Skicka rapporten till styrelsens ledamöter och revisorerna för underskrift.</p>
      {warnings.length > 0 && (
        <Alert kind="warning" title="Kontrollera versionen innan du skickar.">
          <ul>
            {warnings.map((w) => (
              <li key={w.key}>{w.text}</li>
            ))}
          </ul>
          <label className="radio">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> Jag
            vill ändå skicka version {props.report.version} för underskrift
          </label>
        </Alert>
      )}
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
      {!props.report.checksPassed && (
        <div className="field">
          <label htmlFor="override">Skäl att skicka trots avvikande kontroller</label>
          <input id="override" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {r.error && <Alert kind="error">{errorMessage(r.error)}</Alert>}
      <button
        type="button"
        className="button primary"
        disabled={r.fetching || (warnings.length > 0 && !confirmed)}
        onClick={async () => {
          const res = await create({
            reportId: props.report.id,
            order,
            overrideReason: reason.trim() || null,
            decisionDate: decisionDate || null,
          });
          if (res.data) props.onCreated(res.data.createSigningRequest.signers.length);
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
