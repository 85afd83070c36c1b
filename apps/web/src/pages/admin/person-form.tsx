import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import { errorDetails, errorMessage, ROLE_LABEL, type ErrorDetail } from '../../format';
import { Alert } from '../../components/ui';

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
  onSaved: () => void;
}) {
  const s = useSession();
  const [p, setP] = useState<PersonDraft>(
    props.initial ?? {
      email: '',
      name: '',
      roles: [{ role: 'PROJEKTAGARE', insats: '', party: '', title: '' }],
    },
  );
  const [result, setResult] = useState<{
    kind: 'success' | 'error';
    text: string;
    details?: ErrorDetail[];
  } | null>(null);
  const [saving, save] = useMutation(SavePersonDocument);
  const setRole = (i: number, patch: Partial<RoleDraft>) =>
    setP({ ...p, roles: p.roles.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  async function onSave() {
    const r = await save({
      orgId: s.org!.id,
      person: {
        email: p.email.trim(),
        name: p.name.trim(),
        roles: p.roles.map((x) => ({
          role: x.role,
          insats: INSATS_ROLES.includes(x.role) ? x.insats || null : null,
          party: BOARD_ROLES.includes(x.role) ? x.party || null : null,
          title: x.title.trim() || null,
        })),
      },
    });
    if (r.error) setResult({ kind: 'error', text: errorMessage(r.error), details: errorDetails(r.error) });
    else {
      setResult({
        kind: 'success',
        text: p.roles.length ? `${p.name} är sparad.` : `${p.name} är borttagen ur förbundet.`,
      });
      props.onSaved();
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
          <input id="person-name" value={p.name} onChange={(e) => setP({ ...p, name: e.target.value })} />
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
          {BOARD_ROLES.includes(r.role) && (
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
      {result && (
        <Alert kind={result.kind}>
          {result.text}
          {result.details && result.details.length > 0 && (
            <ul>
              {result.details.map((d) => (
                <li key={d.path + d.message}>
                  {describePersonPath(d.path)}: {d.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <p className="hint">Nya personer får en inbjudan per e-post där de väljer lösenord.</p>
    </fieldset>
  );
}

/** "$.person.roles[0].insats" → "Roll 1, insats" */
export function describePersonPath(path: string): string {
  const m = /^\$\.person\.roles\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m)
    return `Roll ${Number(m[1]) + 1}${m[2] ? `, ${({ insats: 'insats', party: 'part', role: 'roll' } as Record<string, string>)[m[2]] ?? m[2]}` : ''}`;
  if (path === '$.person.email') return 'E-postadress';
  if (path === '$.person.name') return 'Namn';
  return path;
}
