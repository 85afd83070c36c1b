import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { errorMessage } from '../format';
import { PasswordField } from '../components/ui';

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
    }
  }
`);

export function LoginPage(props: { onSignedIn: (token: string) => void; expired?: boolean }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, login] = useMutation(LoginDocument);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await login({ email: email.trim(), password });
    if (r.error || !r.data) setError(errorMessage(r.error));
    else props.onSignedIn(r.data.login.token);
  }

  return (
    <main id="main" className="login">
      <form className="card login-card" onSubmit={submit} noValidate aria-describedby="login-help">
        <h1>Logga in</h1>
        <p id="login-help" className="muted">
          Samordningsplattformen: uppföljning och rapportering för samordningsförbund.
        </p>
        {props.expired && !error && (
          <p role="status" className="alert alert-info">
            Din session har gått ut. Logga in igen för att fortsätta där du var.
          </p>
        )}
        {error && (
          <p role="alert" className="alert alert-error">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="email">E-postadress</label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <PasswordField id="password" label="Lösenord" value={password} onChange={setPassword} required />
        <button type="submit" className="button primary" disabled={fetching}>
          {fetching ? 'Loggar in …' : 'Logga in'}
        </button>
      </form>
    </main>
  );
}
