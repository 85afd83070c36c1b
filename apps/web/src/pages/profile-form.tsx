import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session';
import { PasswordField } from '../components/ui';
import { failure, SaveResult, type SaveOutcome } from '../components/save-result';

const UpdateMyProfileDocument = graphql(`
  mutation UpdateMyProfile($profile: ProfileInput!, $currentPassword: String) {
    updateMyProfile(profile: $profile, currentPassword: $currentPassword) {
      id
      name
      email
    }
  }
`);

const FIELD: Record<string, string> = {
  '$.name': 'Namn',
  '$.email': 'E-postadress',
  '$.currentPassword': 'Nuvarande lösenord',
};

/** My own name and e-mail: the same in every förbund I belong to; only I (or the platform admin) change them. */
export function ProfileForm() {
  const s = useSession();
  const [name, setName] = useState(s.me.name);
  const [email, setEmail] = useState(s.me.email);
  const [password, setPassword] = useState('');
  const [r, update] = useMutation(UpdateMyProfileDocument);
  const [result, setResult] = useState<SaveOutcome | null>(null);
  const [savedEmail, setSavedEmail] = useState(s.me.email);
  const emailChanges = email.trim().toLowerCase() !== savedEmail;
  async function onSave() {
    const res = await update({
      profile: { name: name.trim(), email: email.trim() },
      currentPassword: emailChanges ? password : null,
    });
    if (res.error) setResult(failure(res.error));
    else if (res.data) {
      const p = res.data.updateMyProfile;
      setName(p.name);
      setEmail(p.email);
      setSavedEmail(p.email);
      setPassword('');
      setResult({
        kind: 'success',
        text: `Dina uppgifter är sparade: ${p.name}, ${p.email}. De gäller i alla förbund du tillhör.`,
      });
    }
  }
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Mina uppgifter</h2>
      <p className="hint">
        Namn och e-postadress är dina egna och gäller i alla förbund du tillhör. Ändringen loggas i varje
        förbund.
      </p>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="profile-name">Namn</label>
          <input id="profile-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="profile-email">E-postadress</label>
          <input
            id="profile-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        {emailChanges && (
          <PasswordField
            id="profile-password"
            label="Nuvarande lösenord"
            value={password}
            onChange={setPassword}
            hint="Krävs för att byta e-postadress"
          />
        )}
      </div>
      <button type="button" className="button" disabled={r.fetching} onClick={onSave}>
        Spara mina uppgifter
      </button>
      <SaveResult outcome={result} field={(path) => FIELD[path] ?? path} />
    </section>
  );
}
