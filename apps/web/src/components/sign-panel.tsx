import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import QRCode from 'qrcode';
import { startAuthentication } from '@simplewebauthn/browser';
import { errorMessage } from '../format';
import { Alert, PasswordField } from './ui';
import {
  BankIdQrDocument,
  CancelBankIdDocument,
  CollectBankIdDocument,
  DeclineSigningDocument,
  PasskeySigningOptionsDocument,
  SignWithPasskeyDocument,
  SigningMethodsDocument,
  SignWithTotpDocument,
  StartBankIdDocument,
  ViewSigningDocumentDocument,
} from '../pages/signing-queries';

type Method = 'TOTP' | 'PASSKEY' | 'BANKID';

/**
 * Signing for one signer: the document shown in the page (with its SHA-256), a consent line, then one of the
 * methods this installation has, each saying what it needs and where to set it up.
 */
export function SignPanel(props: {
  requestId: string;
  viewed: boolean;
  documentSha256: string;
  documentTitle: string;
  onSigned: () => void;
}) {
  const [methods] = useQuery({ query: SigningMethodsDocument, variables: { requestId: props.requestId } });
  const available = methods.data?.signingMethods ?? [];
  const [chosen, setChosen] = useState<Method | null>(null);
  // The first method I am ready for, else the first there is.
  const method = (chosen ??
    available.find((m) => m.ready)?.method ??
    available[0]?.method ??
    null) as Method | null;
  const current = available.find((m) => m.method === method);
  const [link, setLink] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [, view] = useMutation(ViewSigningDocumentDocument);
  const opened = !!link || props.viewed;

  async function open() {
    setError(null);
    const r = await view({ requestId: props.requestId });
    if (r.error) return setError(errorMessage(r.error));
    setLink(r.data!.viewSigningDocument);
  }

  return (
    <div className="sign-panel">
      <h3>Din underskrift</h3>
      {error && <Alert kind="error">{error}</Alert>}
      <ol className="sign-steps">
        <li>
          <p>
            <strong>Läs dokumentet.</strong>{' '}
            {opened ? (
              <span className="ok">Öppnat</span>
            ) : (
              <span className="muted">Läs dokumentet innan du undertecknar.</span>
            )}
          </p>
          {!link && (
            <button type="button" className="button" onClick={open}>
              {opened ? 'Visa dokumentet igen' : 'Visa dokumentet'}
            </button>
          )}
          {link && (
            <div className="document-viewer">
              <iframe src={link} title={`Dokumentet att underteckna: ${props.documentTitle}`} />
              <p className="muted">
                Syns inte dokumentet?{' '}
                <a href={link} target="_blank" rel="noopener noreferrer">
                  Öppna det i en ny flik
                </a>
                .
              </p>
            </div>
          )}
          <p className="document-hash">
            Dokumentets kontrollsumma (SHA-256): <code>{props.documentSha256}</code>
          </p>
        </li>
        <li>
          <label className="radio consent">
            <input
              type="checkbox"
              checked={consent}
              disabled={!opened}
              onChange={(e) => setConsent(e.target.checked)}
            />{' '}
            Jag har läst {props.documentTitle} och skriver under dokumentet med kontrollsumman ovan. Jag vet
            att underskriften är bindande och sparas med tid och metod.
          </label>
        </li>
        <li>
          {methods.error && <Alert kind="error">{errorMessage(methods.error)}</Alert>}
          <fieldset className="method-choice" disabled={!opened || !consent}>
            <legend>Välj hur du vill underteckna</legend>
            {available.map((m) => (
              <label key={m.method} className="radio">
                <input
                  type="radio"
                  name="method"
                  value={m.method}
                  checked={method === m.method}
                  onChange={() => setChosen(m.method as Method)}
                />{' '}
                {m.label}
                {!m.ready && <span className="muted"> (inte inställt för dig än)</span>}
              </label>
            ))}
          </fieldset>
          {current && (
            <p className="hint method-requirement">
              {current.requirement}
              {current.method !== 'BANKID' && (
                <>
                  {' '}
                  <Link to={current.method === 'TOTP' ? '/mitt-konto#engangskoder' : '/mitt-konto#passkey'}>
                    {current.method === 'TOTP'
                      ? 'Ställ in en autentiseringsapp under Mitt konto'
                      : 'Registrera en passkey under Mitt konto'}
                  </Link>
                </>
              )}
            </p>
          )}
          {opened && consent && method === 'TOTP' && (
            <TotpSign requestId={props.requestId} onSigned={props.onSigned} />
          )}
          {opened && consent && method === 'PASSKEY' && (
            <PasskeySign requestId={props.requestId} onSigned={props.onSigned} />
          )}
          {opened && consent && method === 'BANKID' && (
            <BankIdSign requestId={props.requestId} onSigned={props.onSigned} />
          )}
        </li>
      </ol>
      <Decline requestId={props.requestId} onDeclined={props.onSigned} />
    </div>
  );
}

function TotpSign(props: { requestId: string; onSigned: () => void }) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [r, sign] = useMutation(SignWithTotpDocument);
  return (
    <form
      className="sign-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const res = await sign({ requestId: props.requestId, password, code: code.replace(/\s/g, '') });
        if (res.data) props.onSigned();
      }}
    >
      {r.error && <Alert kind="error">{errorMessage(r.error)}</Alert>}
      <div className="field-grid">
        <PasswordField
          id="sign-password"
          label="Ditt lösenord"
          value={password}
          onChange={setPassword}
          required
        />
        <div className="field">
          <label htmlFor="sign-code">Engångskod</label>
          <span className="hint" id="sign-code-hint">
            Sex siffror från din autentiseringsapp
          </span>
          <input
            id="sign-code"
            aria-describedby="sign-code-hint"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="button primary" disabled={r.fetching}>
        Underteckna
      </button>
    </form>
  );
}

function PasskeySign(props: { requestId: string; onSigned: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, options] = useMutation(PasskeySigningOptionsDocument);
  const [, sign] = useMutation(SignWithPasskeyDocument);
  async function go() {
    setError(null);
    setBusy(true);
    try {
      const o = await options({ requestId: props.requestId });
      if (o.error) throw new Error(errorMessage(o.error));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the server's options are WebAuthn JSON
      const response = await startAuthentication({ optionsJSON: o.data!.passkeySigningOptions as any });
      const r = await sign({ requestId: props.requestId, response });
      if (r.error) throw new Error(errorMessage(r.error));
      props.onSigned();
    } catch (e) {
      setError(
        (e as Error).name === 'NotAllowedError'
          ? 'Underskriften avbröts eller tog för lång tid. Försök igen.'
          : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="sign-form">
      {error && <Alert kind="error">{error}</Alert>}
      <button type="button" className="button primary" disabled={busy} onClick={go}>
        Underteckna med passkey
      </button>
    </div>
  );
}

function BankIdSign(props: { requestId: string; onSigned: () => void }) {
  const client = useClient();
  const [order, setOrder] = useState<{ orderRef: string; autoStartToken: string } | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [, start] = useMutation(StartBankIdDocument);
  const [, collect] = useMutation(CollectBankIdDocument);
  const [, cancel] = useMutation(CancelBankIdDocument);
  const active = useRef(false);

  useEffect(() => {
    if (!order) return;
    active.current = true;
    // The QR code changes every second (animated QR); the order is collected every two seconds.
    const qrTimer = setInterval(async () => {
      const r = await client
        .query(BankIdQrDocument, { orderRef: order.orderRef }, { requestPolicy: 'network-only' })
        .toPromise();
      if (r.data && active.current) setQr(await QRCode.toDataURL(r.data.bankIdQr, { margin: 1, width: 220 }));
    }, 1000);
    const collectTimer = setInterval(async () => {
      const r = await collect({ orderRef: order.orderRef });
      if (!active.current) return;
      if (r.error) {
        setError(errorMessage(r.error));
        stop();
        return;
      }
      const st = r.data!.collectBankIdSigning;
      setStatus(st.message);
      if (st.status === 'complete') {
        stop();
        props.onSigned();
      } else if (st.status === 'failed') {
        setError(st.message);
        stop();
      }
    }, 2000);
    function stop() {
      active.current = false;
      clearInterval(qrTimer);
      clearInterval(collectTimer);
      setOrder(null);
      setQr(null);
    }
    return () => {
      active.current = false;
      clearInterval(qrTimer);
      clearInterval(collectTimer);
    };
  }, [order, client, collect, props]);

  async function go() {
    setError(null);
    const r = await start({ requestId: props.requestId });
    if (r.error) return setError(errorMessage(r.error));
    const o = r.data!.startBankIdSigning;
    setQr(await QRCode.toDataURL(o.qrData, { margin: 1, width: 220 }));
    setStatus('Starta BankID-appen och skanna QR-koden.');
    setOrder(o);
  }

  return (
    <div className="sign-form">
      {error && <Alert kind="error">{error}</Alert>}
      {!order && (
        <button type="button" className="button primary" onClick={go}>
          Underteckna med BankID
        </button>
      )}
      {order && (
        <div className="bankid">
          {qr && (
            <img
              src={qr}
              alt="QR-kod att skanna med BankID-appen; den byts varje sekund."
              width={220}
              height={220}
            />
          )}
          <p role="status" aria-live="polite">
            {status}
          </p>
          <div className="button-row">
            <a className="button" href={`bankid:///?autostarttoken=${order.autoStartToken}&redirect=null`}>
              Öppna BankID på den här enheten
            </a>
            <button
              type="button"
              className="button-link"
              onClick={async () => {
                await cancel({ orderRef: order.orderRef });
                setOrder(null);
                setStatus('');
              }}
            >
              Avbryt
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function Decline(props: { requestId: string; onDeclined: () => void }) {
  const [reason, setReason] = useState('');
  const [r, decline] = useMutation(DeclineSigningDocument);
  return (
    <details className="decline">
      <summary>Jag vill inte underteckna</summary>
      {r.error && <Alert kind="error">{errorMessage(r.error)}</Alert>}
      <div className="field">
        <label htmlFor="decline-reason">Skäl (syns för förbundschefen)</label>
        <input id="decline-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button
        type="button"
        className="button danger"
        disabled={!reason.trim() || r.fetching}
        onClick={async () => {
          const res = await decline({ requestId: props.requestId, reason: reason.trim() });
          if (res.data) props.onDeclined();
        }}
      >
        Avböj underskrift
      </button>
    </details>
  );
}
