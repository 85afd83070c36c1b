import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import QRCode from 'qrcode';
import { startRegistration } from '@simplewebauthn/browser';
import { graphql } from '../gql';
import { useSession } from '../session';
import { session } from '../client';
import { errorMessage, ROLE_LABEL } from '../format';
import { Alert, PasswordField } from '../components/ui';
import { ProfileForm } from './profile-form';

const SetupTotpDocument = graphql(`
  mutation SetupTotp($password: String) {
    setupTotp(password: $password) {
      otpauthUrl
      secret
    }
  }
`);
const ConfirmTotpDocument = graphql(`
  mutation ConfirmTotp($code: String!) {
    confirmTotp(code: $code)
  }
`);
const PasskeyOptionsDocument = graphql(`
  mutation PasskeyRegistrationOptions($password: String) {
    passkeyRegistrationOptions(password: $password)
  }
`);
const RegisterPasskeyDocument = graphql(`
  mutation RegisterPasskey($response: JSON!) {
    registerPasskey(response: $response)
  }
`);
const RemoveFactorDocument = graphql(`
  mutation RemoveSigningFactor($factor: SigningFactor!, $password: String) {
    removeSigningFactor(factor: $factor, password: $password)
  }
`);
const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
    }
  }
`);

export function AccountPage() {
  const s = useSession();
  return (
    <>
      <h1>Mitt konto</h1>
      <section className="card" aria-labelledby="me-heading">
        <h2 id="me-heading">{s.me.name}</h2>
        <p>{s.me.email}</p>
        <ul>
          {s.me.roles.map((r, i) => (
            <li key={i}>
              {ROLE_LABEL[r.role] ?? r.role}
              {r.insatsKey ? ` för ${r.insatsKey}` : ''} i {r.organisationSlug}
              {r.title ? ` (${r.title})` : ''}
            </li>
          ))}
        </ul>
      </section>
      <ProfileForm />
      <Totp />
      <Passkey />
      <RemoveFactor />
      <Password />
    </>
  );
}

function Totp() {
  const [setup, doSetup] = useMutation(SetupTotpDocument);
  const [confirm, doConfirm] = useMutation(ConfirmTotpDocument);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const data = setup.data?.setupTotp;
  useEffect(() => {
    if (data) void QRCode.toDataURL(data.otpauthUrl, { margin: 1, width: 200 }).then(setQr);
  }, [data]);
  return (
    <section className="card" id="engangskoder" aria-labelledby="totp-heading">
      <h2 id="totp-heading">Engångskoder</h2>
      <p className="muted">
        För att underteckna med lösenord och engångskod behöver du en autentiseringsapp.
      </p>
      {setup.error && <Alert kind="error">{errorMessage(setup.error)}</Alert>}
      {!data && (
        <>
          <PasswordField
            id="totp-password"
            label="Ditt nuvarande lösenord"
            value={password}
            onChange={setPassword}
            hint="Vi frågar för att ingen annan ska kunna koppla en app till ditt konto."
          />
          <button type="button" className="button" onClick={() => doSetup({ password })}>
            Koppla en autentiseringsapp
          </button>
        </>
      )}
      {data && !done && (
        <div>
          {qr && <img src={qr} width={200} height={200} alt="QR-kod att skanna med autentiseringsappen" />}
          <p>
            Eller skriv in nyckeln: <code>{data.secret}</code>
          </p>
          <div className="field">
            <label htmlFor="totp-confirm">Koden som appen visar</label>
            <input
              id="totp-confirm"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          {confirm.error && <Alert kind="error">{errorMessage(confirm.error)}</Alert>}
          <button
            type="button"
            className="button primary"
            onClick={async () => {
              const r = await doConfirm({ code: code.trim() });
              if (r.data?.confirmTotp) setDone(true);
            }}
          >
            Bekräfta
          </button>
        </div>
      )}
      {done && <Alert kind="success">Autentiseringsappen är kopplad.</Alert>}
    </section>
  );
}

function Passkey() {
  const [password, setPassword] = useState('');
  const [, options] = useMutation(PasskeyOptionsDocument);
  const [, register] = useMutation(RegisterPasskeyDocument);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  async function go() {
    setMsg(null);
    try {
      const o = await options({ password });
      if (o.error) throw new Error(errorMessage(o.error));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- WebAuthn JSON from the server
      const response = await startRegistration({ optionsJSON: o.data!.passkeyRegistrationOptions as any });
      const r = await register({ response });
      if (r.error) throw new Error(errorMessage(r.error));
      setMsg({ kind: 'success', text: 'Passkeyn är registrerad.' });
    } catch (e) {
      setMsg({
        kind: 'error',
        text: (e as Error).name === 'NotAllowedError' ? 'Registreringen avbröts.' : (e as Error).message,
      });
    }
  }
  return (
    <section className="card" id="passkey" aria-labelledby="passkey-heading">
      <h2 id="passkey-heading">Passkey</h2>
      <p className="muted">
        Underteckna med en säkerhetsnyckel eller med datorns eller telefonens upplåsning.
      </p>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <PasswordField
        id="passkey-password"
        label="Ditt nuvarande lösenord"
        value={password}
        onChange={setPassword}
      />
      <button type="button" className="button" onClick={go}>
        Registrera en passkey
      </button>
    </section>
  );
}

const FACTOR_CHOICES = [
  { value: 'TOTP', label: 'Appen för engångskoder' },
  { value: 'PASSKEY', label: 'Mina passkeys' },
] as const;

/** A lost phone or security key: the person removes that factor with the password (and gets a mail). */
function RemoveFactor() {
  const [factor, setFactor] = useState<'TOTP' | 'PASSKEY'>('TOTP');
  const [password, setPassword] = useState('');
  const [r, remove] = useMutation(RemoveFactorDocument);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="remove-factor-heading">
      <h2 id="remove-factor-heading">Ta bort en inloggningsmetod</h2>
      <p className="muted">
        Har du bytt telefon eller tappat en säkerhetsnyckel? Ta bort den här och lägg till en ny ovan.
      </p>
      {r.error && <Alert kind="error">{errorMessage(r.error)}</Alert>}
      {done && <Alert kind="success">{done}</Alert>}
      <div className="field-grid">
        <div className="field">
          <label htmlFor="remove-factor">Metod</label>
          <select
            id="remove-factor"
            value={factor}
            onChange={(e) => setFactor(e.target.value as 'TOTP' | 'PASSKEY')}
          >
            {FACTOR_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <PasswordField
          id="remove-factor-password"
          label="Ditt nuvarande lösenord"
          value={password}
          onChange={setPassword}
        />
      </div>
      <button
        type="button"
        className="button"
        onClick={async () => {
          setDone(null);
          const res = await remove({ factor, password });
          if (res.data?.removeSigningFactor)
            setDone(
              `${FACTOR_CHOICES.find((c) => c.value === factor)!.label} är borttagen. Du får ett mejl om ändringen.`,
            );
        }}
      >
        Ta bort
      </button>
    </section>
  );
}

function Password() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [r, change] = useMutation(ChangePasswordDocument);
  const [done, setDone] = useState(false);
  return (
    <section className="card" aria-labelledby="pw-heading">
      <h2 id="pw-heading">Byt lösenord</h2>
      {r.error && <Alert kind="error">{errorMessage(r.error)}</Alert>}
      {done && <Alert kind="success">Lösenordet är bytt. Andra inloggningar har loggats ut.</Alert>}
      <div className="field-grid">
        <PasswordField id="pw-current" label="Nuvarande lösenord" value={current} onChange={setCurrent} />
        <PasswordField
          id="pw-new"
          label="Nytt lösenord"
          hint="Minst 12 tecken"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
        />
      </div>
      <button
        type="button"
        className="button"
        onClick={async () => {
          const res = await change({ currentPassword: current, newPassword: next });
          if (res.data) {
            session.set(res.data.changePassword.token);
            setDone(true);
          }
        }}
      >
        Byt lösenord
      </button>
    </section>
  );
}
