import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { errorMessage } from '../format';
import { PasswordField } from '../components/ui';

const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) {
      token
    }
  }
`);

/** The invitation mail's link: the invited person chooses a password and is signed in. */
export function InvitationPage(props: { onSignedIn: (token: string) => void }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, accept] = useMutation(AcceptInvitationDocument);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (password !== repeat) return setError('Lösenorden är inte lika.');
    const r = await accept({ token, password });
    if (r.error || !r.data) return setError(errorMessage(r.error));
    props.onSignedIn(r.data.acceptInvitation.token);
    navigate('/', { replace: true });
  }

  return (
    <main id="main" className="login">
      <form className="card login-card" onSubmit={submit} noValidate aria-describedby="invitation-help">
        <h1>Välj lösenord</h1>
        <p id="invitation-help" className="muted">
          Du har fått en inbjudan till samordningsplattformen. Välj ett lösenord för ditt konto.
        </p>
        {!token && (
          <p role="alert" className="alert alert-error">
            Länken saknar sin kod. Öppna länken i inbjudan igen, eller be kansliet om en ny inbjudan.
          </p>
        )}
        {error && (
          <p role="alert" className="alert alert-error">
            {error}
          </p>
        )}
        <PasswordField
          id="new-password"
          label="Nytt lösenord"
          hint="Minst 12 tecken"
          autoComplete="new-password"
          required
          value={password}
          onChange={setPassword}
        />
        <PasswordField
          id="repeat-password"
          label="Upprepa lösenordet"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={setRepeat}
        />
        <button type="submit" className="button primary" disabled={fetching || !token}>
          {fetching ? 'Sparar …' : 'Spara lösenord och logga in'}
        </button>
      </form>
    </main>
  );
}
