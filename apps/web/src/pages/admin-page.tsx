import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../session';
import { uploadFile } from '../client';
import {
  errorDetails,
  errorMessage,
  formatAmount,
  formatDate,
  formatDateTime,
  parseAmount,
  ROLE_LABEL,
  sumAmounts,
  type ErrorDetail,
} from '../format';
import { Alert, Loading, ProgressBar } from '../components/ui';

const AdminDocument = graphql(`
  query Admin($slug: String!, $orgId: ID!) {
    organisation(slug: $slug) {
      id
      name
      costCentres {
        code
        name
        category
      }
      insatser {
        key
        name
      }
      parties {
        key
        name
      }
      people {
        id
        name
        email
        roles
        hasPassword
      }
    }
    budgets(organisationId: $orgId) {
      id
      year
      kind
      decided
      lines
    }
    sieImports(organisationId: $orgId) {
      id
      year
      version
      active
      createdAt
      encoding
      vouchers
      transactions
      warnings
      fiscalYearStart
      fiscalYearEnd
    }
  }
`);

const ImportSieDocument = graphql(`
  mutation ImportSie($fileId: ID!, $orgId: ID!) {
    importSie(fileId: $fileId, organisationId: $orgId) {
      id
      year
      version
      vouchers
      transactions
      encoding
      warnings
    }
  }
`);

const SaveBudgetDocument = graphql(`
  mutation SaveBudget($orgId: ID!, $budget: BudgetInput!) {
    saveBudget(organisationId: $orgId, budget: $budget)
  }
`);

const SavePersonDocument = graphql(`
  mutation SavePerson($orgId: ID!, $person: PersonInput!) {
    savePerson(organisationId: $orgId, person: $person) {
      id
    }
  }
`);

const CATEGORY: Record<string, string> = {
  ADMINISTRATION: 'Administration',
  FORBUND: 'Förbundsgemensamt',
  INSATS: 'Insats',
};

export function AdminPage() {
  const s = useSession();
  const [editing, setEditing] = useState<PersonDraft | null>(null);
  const [q, refetch] = useQuery({
    query: AdminDocument,
    variables: { slug: s.org?.slug ?? '', orgId: s.org?.id ?? '' },
    pause: !s.org || !s.has('ADMIN'),
  });
  if (!s.has('ADMIN')) return <Alert kind="info">Administrationen är till för förbundets kansli.</Alert>;
  if (q.error && !q.data) return <Alert kind="error">{errorMessage(q.error)}</Alert>;
  if (!q.data) return <Loading what="förbundets uppgifter" />;
  const d = q.data;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <h1>Administration</h1>
      <SieImport imports={d.sieImports} onImported={reload} />
      <section className="card" aria-labelledby="people-heading">
        <h2 id="people-heading">Personer och roller</h2>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Förbundets personer och deras roller</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">E-post</th>
                <th scope="col">Roller</th>
                <th scope="col">Konto</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {d.organisation.people.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{p.email}</td>
                  <td>
                    {p.roles
                      .map((r) => {
                        const [role, insats] = r.split(':');
                        return `${ROLE_LABEL[role] ?? role}${insats ? ` (${insats})` : ''}`;
                      })
                      .join(', ')}
                  </td>
                  <td>{p.hasPassword ? 'Aktivt' : 'Inbjuden'}</td>
                  <td>
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => {
                        setEditing({
                          email: p.email,
                          name: p.name,
                          roles: p.roles.map((r) => {
                            const [role, insats] = r.split(':');
                            return { role, insats: insats ?? '', party: '', title: '' };
                          }),
                        });
                        document.getElementById('person-email')?.focus();
                      }}
                    >
                      Ändra<span className="visually-hidden"> {p.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <PersonForm
          key={editing?.email ?? 'new'}
          initial={editing}
          insatser={d.organisation.insatser}
          parties={d.organisation.parties}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      </section>
      <section className="card" aria-labelledby="cc-heading">
        <h2 id="cc-heading">Kostnadsställen</h2>
        <table className="table">
          <caption className="visually-hidden">Kostnadsställen</caption>
          <thead>
            <tr>
              <th scope="col">Kod</th>
              <th scope="col">Namn</th>
              <th scope="col">Slag</th>
            </tr>
          </thead>
          <tbody>
            {d.organisation.costCentres.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.code}</th>
                <td>{c.name}</td>
                <td>{CATEGORY[c.category] ?? c.category}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Budgets budgets={d.budgets} costCentres={d.organisation.costCentres} onSaved={reload} />
    </>
  );
}

function SieImport(props: {
  imports: Array<{
    id: string;
    year: number;
    version: number;
    active: boolean;
    createdAt: string;
    encoding: string;
    vouchers: number;
    transactions: number;
    warnings: string[];
  }>;
  onImported: () => void;
}) {
  const s = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [errors, setErrors] = useState<ErrorDetail[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [, importSie] = useMutation(ImportSieDocument);

  async function go() {
    if (!file) return;
    setErrors([]);
    setMessage(null);
    setProgress(0);
    try {
      const up = await uploadFile(file, { organisationId: s.org!.id, purpose: 'sie' }, setProgress);
      const r = await importSie({ fileId: up.id, orgId: s.org!.id });
      if (r.error) {
        setErrors(errorDetails(r.error));
        setMessage({ kind: 'error', text: errorMessage(r.error) });
      } else {
        const i = r.data!.importSie;
        setMessage({
          kind: 'success',
          text: `Huvudboken för ${i.year} är inläst (version ${i.version}): ${i.vouchers} verifikationer, ${i.transactions} transaktioner, teckenkodning ${i.encoding}.`,
        });
        props.onImported();
      }
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="card" aria-labelledby="sie-heading">
      <h2 id="sie-heading">Huvudbok (SIE 4)</h2>
      <p className="muted">
        Läs in årets huvudbok från ekonomisystemet. Allt eller inget: en fil med fel lämnar allt som det var.
      </p>
      <div className="toolbar">
        <label htmlFor="sie-file">SIE-fil</label>
        <input
          id="sie-file"
          type="file"
          accept=".se,.si,.sie,text/plain"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="button" className="button primary" disabled={!file || progress !== null} onClick={go}>
          Läs in
        </button>
      </div>
      {progress !== null && <ProgressBar value={progress} label="Laddar upp SIE-filen" />}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {errors.length > 0 && (
        <div className="table-wrap">
          <table className="table sie-errors">
            <caption>Fel i filen ({errors.length})</caption>
            <thead>
              <tr>
                <th scope="col">Rad</th>
                <th scope="col">Fel</th>
              </tr>
            </thead>
            <tbody>
              {errors.slice(0, 200).map((e, i) => (
                <tr key={i}>
                  <th scope="row">{e.line ?? e.path}</th>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.imports.length > 0 && (
        <table className="table">
          <caption>Inlästa huvudböcker</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col">Version</th>
              <th scope="col">Verifikationer</th>
              <th scope="col">Inläst</th>
              <th scope="col">Gäller</th>
            </tr>
          </thead>
          <tbody>
            {props.imports.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.year}</th>
                <td>{i.version}</td>
                <td>{i.vouchers}</td>
                <td>{formatDateTime(i.createdAt)}</td>
                <td>{i.active ? 'Ja' : 'Ersatt'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Budgets(props: {
  budgets: Array<{ id: string; year: number; kind: string; decided: string; lines: unknown }>;
  costCentres: Array<{ code: string; name: string }>;
  onSaved: () => void;
}) {
  const s = useSession();
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [decided, setDecided] = useState('');
  const [lines, setLines] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{
    kind: 'success' | 'error';
    text: string;
    details?: ErrorDetail[];
  } | null>(null);
  const [saving, save] = useMutation(SaveBudgetDocument);
  async function onSave() {
    const parsed: Record<string, string> = {};
    const bad: ErrorDetail[] = [];
    for (const [code, typed] of Object.entries(lines)) {
      if (!typed.trim()) continue;
      const v = parseAmount(typed);
      if (v === null) bad.push({ path: code, message: `”${typed}” är inget belopp` });
      else parsed[code] = v;
    }
    if (bad.length) return setResult({ kind: 'error', text: 'Rätta beloppen och spara igen.', details: bad });
    const r = await save({ orgId: s.org!.id, budget: { year, decided, lines: parsed } });
    if (r.error) setResult({ kind: 'error', text: errorMessage(r.error), details: errorDetails(r.error) });
    else {
      setResult({ kind: 'success', text: `Budgeten för ${year} är sparad.` });
      props.onSaved();
    }
  }
  return (
    <section className="card" aria-labelledby="budget-heading">
      <h2 id="budget-heading">Budgetar</h2>
      {props.budgets.length > 0 && (
        <ul className="list">
          {props.budgets.map((b) => {
            const total = sumAmounts(Object.values((b.lines ?? {}) as Record<string, string>));
            return (
              <li key={b.id} className="list-row">
                <span className="list-main">
                  {b.year}: {b.kind === 'SUPPLEMENTARY' ? 'tilläggsbudget' : 'budget'} beslutad{' '}
                  {formatDate(b.decided)}
                </span>
                <span>summa {formatAmount(total)} kr</span>
              </li>
            );
          })}
        </ul>
      )}
      <details>
        <summary>Ny budget eller tilläggsbudget</summary>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="budget-year">År</label>
            <input
              id="budget-year"
              inputMode="numeric"
              value={year}
              onChange={(e) => setYear(Number(e.target.value) || year)}
            />
          </div>
          <div className="field">
            <label htmlFor="budget-decided">Beslutsdatum</label>
            <input
              id="budget-decided"
              type="date"
              value={decided}
              onChange={(e) => setDecided(e.target.value)}
            />
          </div>
        </div>
        <div className="field-grid">
          {props.costCentres.map((c) => (
            <div className="field" key={c.code}>
              <label htmlFor={`line-${c.code}`}>
                {c.code} {c.name}
              </label>
              <input
                id={`line-${c.code}`}
                inputMode="decimal"
                className="numeric"
                value={lines[c.code] ?? ''}
                onChange={(e) => setLines({ ...lines, [c.code]: e.target.value })}
              />
            </div>
          ))}
        </div>
        {result && (
          <Alert kind={result.kind}>
            {result.text}
            {result.details && result.details.length > 0 && (
              <ul>
                {result.details.map((d) => (
                  <li key={d.path + d.message}>
                    {d.path}: {d.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        <button type="button" className="button primary" disabled={saving.fetching} onClick={onSave}>
          Spara budgeten
        </button>
      </details>
    </section>
  );
}

interface RoleDraft {
  role: string;
  insats: string;
  party: string;
  title: string;
}
interface PersonDraft {
  email: string;
  name: string;
  roles: RoleDraft[];
}

const ROLES = [
  'ADMIN',
  'FORBUNDSCHEF',
  'PROJEKTAGARE',
  'STYRGRUPP',
  'STYRELSELEDAMOT',
  'STYRELSEERSATTARE',
  'REVISOR',
  'BEREDNINGSGRUPP',
];
const INSATS_ROLES = ['PROJEKTAGARE', 'STYRGRUPP'];
const BOARD_ROLES = ['STYRELSELEDAMOT', 'STYRELSEERSATTARE'];

/** Add a person, or change one's roles; saving with no roles takes the person out of the förbund. */
function PersonForm(props: {
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
function describePersonPath(path: string): string {
  const m = /^\$\.person\.roles\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m)
    return `Roll ${Number(m[1]) + 1}${m[2] ? `, ${({ insats: 'insats', party: 'part', role: 'roll' } as Record<string, string>)[m[2]] ?? m[2]}` : ''}`;
  if (path === '$.person.email') return 'E-postadress';
  if (path === '$.person.name') return 'Namn';
  return path;
}
