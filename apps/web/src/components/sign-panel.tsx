import { useEffect, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
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
  SignWithTotpDocument,
  StartBankIdDocument,
  ViewSigningDocumentDocument,
} from '../pages/signing-queries';

type Method = 'TOTP' | 'PASSKEY' | 'BANKID';

/** Signing for one signer: open the document first, then sign with the method of one's choice. */
export function SignPanel(props: { requestId: string; viewed: boolean; onSigned: () => void }) {
  const [method, setMethod] = useState<Method>('TOTP');
  const [opened, setOpened] = useState(props.viewed);
  const [error, setError] = useState<string | null>(null);
  const [, view] = useMutation(ViewSigningDocumentDocument);

  async function open() {
    setError(null);
    const r = await view({ requestId: props.requestId });
    if (r.error) return setError(errorMessage(r.error));
    window.open(r.data!.viewSigningDocument, '_blank', 'noopener');
    setOpened(true);
  }

  return (
    <div className="sign-panel">
      <h3>Din underskrift</h3>
      {error && <Alert kind="error">{error}</Alert>}
      <ol className="sign-steps">
        <li>
          <button type="button" className="button" onClick={open}>
            Öppna dokumentet (PDF)
          </button>{' '}
          {opened ? (
            <span className="ok">Öppnat</span>
          ) : (
            <span className="muted">Läs dokumentet innan du undertecknar.</span>
          )}
        </li>
        <li>
          <fieldset className="method-choice" disabled={!opened}>
            <legend>Välj hur du vill underteckna</legend>
            {(
              [
                ['TOTP', 'Lösenord och engångskod'],
                ['PASSKEY', 'Passkey (säkerhetsnyckel eller enhetens upplåsning)'],
                ['BANKID', 'BankID'],
              ] as const
            ).map(([m, label]) => (
              <label key={m} className="radio">
                <input
                  type="radio"
                  name="method"
                  value={m}
                  checked={method === m}
                  onChange={() => setMethod(m)}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          {opened && method === 'TOTP' && <TotpSign requestId={props.requestId} onSigned={props.onSigned} />}
          {opened && method === 'PASSKEY' && (
            <PasskeySign requestId={props.requestId} onSigned={props.onSigned} />
          )}
          {opened && method === 'BANKID' && (
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
      <p className="muted">Har du inte registrerat en passkey gör du det under Mitt konto.</p>
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
