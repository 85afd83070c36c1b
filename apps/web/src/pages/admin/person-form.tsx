import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import { ROLE_LABEL, TITLE_LABEL } from '../../format';
import { failure, SaveResult, type SaveOutcome } from '../../components/save-result';

import { SavePersonDocument } from './admin-queries';

export interface RoleDraft {
  role: string;
  insats: string;
  party: string;
  title: string;
}
export interface PersonDraft {
  email: string;
  name: string;
  /** This förbund's own personnummer for the person (for BankID); never another förbund's. */
  personalNumber: string;
  /** False when the name is the person's own (they have an account, or belong to another förbund too). */
  nameEditable: boolean;
  roles: RoleDraft[];
}

export const ROLES = [
  'ADMIN',
  'FORBUNDSCHEF',
  'PROJEKTAGARE',
  'STYRGRUPP',
  'STYRELSELEDAMOT',
  'STYRELSEERSATTARE',
  'REVISOR',
  'BEREDNINGSGRUPP',
];
export const INSATS_ROLES = ['PROJEKTAGARE', 'STYRGRUPP'];
export const BOARD_ROLES = ['STYRELSELEDAMOT', 'STYRELSEERSATTARE'];

/** Add a person, or change one's roles; saving with no roles takes the person out of the förbund. */
export function PersonForm(props: {
  initial: PersonDraft | null;
  insatser: Array<{ key: string; name: string }>;
  parties: Array<{ key: string; name: string }>;
  /** Called with the confirmation to show; the page shows it, since the form starts afresh after a save. */
  onSaved: (confirmation: string) => void;
}) {
  const s = useSession();
  const [p, setP] = useState<PersonDraft>(
    props.initial ?? {
      email: '',
      name: '',
      personalNumber: '',
      nameEditable: true,
      roles: [{ role: 'PROJEKTAGARE', insats: '', party: '', title: '' }],
    },
  );
  const [result, setResult] = useState<SaveOutcome | null>(null);
  const [saving, save] = useMutation(SavePersonDocument);
  const setRole = (i: number, patch: Partial<RoleDraft>) =>
    setP({ ...p, roles: p.roles.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  async function onSave() {
    // Removing asks first: the whole person out of the förbund, or roles they had.
    const gone = (props.initial?.roles ?? []).filter(
      (old) => !p.roles.some((r) => r.role === old.role && r.insats === old.insats),
    );
    if (props.initial && !p.roles.length) {
      if (!window.confirm(`Ta bort ${p.name} ur förbundet? Personen förlorar alla sina roller här.`)) return;
    } else if (gone.length) {
      const names = gone.map((r) => ROLE_LABEL[r.role] ?? r.role).join(', ');
      if (!window.confirm(`Ta bort ${gone.length === 1 ? 'rollen' : 'rollerna'} ${names} för ${p.name}?`))
        return;
    }
    const r = await save({
      orgId: s.org!.id,
      person: {
        email: p.email.trim(),
        name: p.name.trim(),
        personalNumber: p.personalNumber.replace(/[\s-]/g, '') || null,
        roles: p.roles.map((x) => ({
          role: x.role,
          insats: INSATS_ROLES.includes(x.role) ? x.insats || null : null,
          // A party is kept whatever the role (a revisor may stand for one); the field shows when it is set.
          party: x.party || null,
          title: x.title.trim() || null,
        })),
      },
    });
    if (r.error) setResult(failure(r.error));
    else {
      // The saved name: a person who already has their own keeps it, whatever was typed.
      const email = p.email.trim().toLowerCase();
      const saved = r.data?.savePerson.people.find((x) => x.email === email);
      const kept = saved && saved.name !== p.name.trim();
      setResult(null);
      props.onSaved(
        p.roles.length
          ? `${saved?.name ?? p.name} är sparad.${kept ? ' Personen finns redan på plattformen och behåller sitt eget namn.' : ''}`
          : `${p.name} är borttagen ur förbundet.`,
      );
    }
  }
  return (
    <fieldset className="person-form">
      <legend>{props.initial ? `Ändra ${props.initial.name}` : 'Lägg till en person'}</legend>
      <div className="field-grid">
        <div className="field">
          <label htmlFor="person-email">E-postadress</label>
          <input
            id="person-email"
            type="email"
            value={p.email}
            readOnly={!!props.initial}
            onChange={(e) => setP({ ...p, email: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="person-name">Namn</label>
          {!p.nameEditable && (
            <span className="hint" id="person-name-hint">
              Namnet ändras av personen själv under Mitt konto, eller av plattformens administratör.
            </span>
          )}
          <input
            id="person-name"
            value={p.name}
            readOnly={!p.nameEditable}
            aria-describedby={p.nameEditable ? undefined : 'person-name-hint'}
            onChange={(e) => setP({ ...p, name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="person-pnr">Personnummer (för BankID, valfritt)</label>
          <span className="hint" id="person-pnr-hint">
            12 siffror, ÅÅÅÅMMDDNNNN. Gäller bara i det här förbundet.
          </span>
          <input
            id="person-pnr"
            inputMode="numeric"
            autoComplete="off"
            aria-describedby="person-pnr-hint"
            value={p.personalNumber}
            onChange={(e) => setP({ ...p, personalNumber: e.target.value })}
          />
        </div>
      </div>
      {p.roles.map((r, i) => (
        <div className="field-grid role-row" key={i}>
          <div className="field">
            <label htmlFor={`role-${i}`}>Roll {i + 1}</label>
            <select id={`role-${i}`} value={r.role} onChange={(e) => setRole(i, { role: e.target.value })}>
              {ROLES.map((x) => (
                <option key={x} value={x}>
                  {ROLE_LABEL[x] ?? x}
                </option>
              ))}
            </select>
          </div>
          {INSATS_ROLES.includes(r.role) && (
            <div className="field">
              <label htmlFor={`role-insats-${i}`}>Insats för roll {i + 1}</label>
              <select
                id={`role-insats-${i}`}
                value={r.insats}
                onChange={(e) => setRole(i, { insats: e.target.value })}
              >
                <option value="">Välj insats …</option>
                {props.insatser.map((x) => (
                  <option key={x.key} value={x.key}>
                    {x.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {(BOARD_ROLES.includes(r.role) || !!r.party) && (
            <div className="field">
              <label htmlFor={`role-party-${i}`}>Part för roll {i + 1}</label>
              <select
                id={`role-party-${i}`}
                value={r.party}
                onChange={(e) => setRole(i, { party: e.target.value })}
              >
                <option value="">Välj part …</option>
                {props.parties.map((x) => (
                  <option key={x.key} value={x.key}>
                    {x.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`role-title-${i}`}>Titel för roll {i + 1}</label>
            {r.role === 'STYRELSELEDAMOT' ? (
              <select
                id={`role-title-${i}`}
                value={r.title}
                onChange={(e) => setRole(i, { title: e.target.value })}
              >
                <option value="">Ledamot</option>
                {/* A title of the person's own (not one of the board's) is kept as it is. */}
                {r.title && !TITLE_LABEL[r.title] && <option value={r.title}>{r.title}</option>}
                {Object.entries(TITLE_LABEL).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v.charAt(0).toUpperCase() + v.slice(1)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`role-title-${i}`}
                value={r.title}
                onChange={(e) => setRole(i, { title: e.target.value })}
              />
            )}
          </div>
          <div className="field">
            <span className="hint">&nbsp;</span>
            <button
              type="button"
              className="button-link danger-link"
              onClick={() => setP({ ...p, roles: p.roles.filter((_, j) => j !== i) })}
            >
              Ta bort roll {i + 1}
            </button>
          </div>
        </div>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            setP({ ...p, roles: [...p.roles, { role: 'STYRGRUPP', insats: '', party: '', title: '' }] })
          }
        >
          Lägg till en roll
        </button>
        <button type="button" className="button primary" disabled={saving.fetching} onClick={onSave}>
          {p.roles.length ? 'Spara personen' : 'Ta bort personen ur förbundet'}
        </button>
      </div>
      <SaveResult outcome={result} field={describePersonPath} />
      <p className="hint">
        Nya personer får en inbjudan per e-post där de väljer lösenord. Finns personen redan på plattformen
        behåller personen sitt eget namn.
      </p>
    </fieldset>
  );
}

/** "$.person.roles[0].insats" → "Roll 1, insats" */
export function describePersonPath(path: string): string {
  const m = /^\$\.person\.roles\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m)
    return `Roll ${Number(m[1]) + 1}${m[2] ? `, ${({ insats: 'insats', party: 'part', role: 'roll', title: 'titel' } as Record<string, string>)[m[2]] ?? m[2]}` : ''}`;
  if (path === '$.person.email') return 'E-postadress';
  if (path === '$.person.name') return 'Namn';
  if (path === '$.person.personalNumber') return 'Personnummer';
  return path;
}
