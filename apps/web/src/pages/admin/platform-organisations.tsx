import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../../format';
import { Alert, Loading } from '../../components/ui';
import { CreateOrganisationDocument, PlatformOrganisationsDocument } from './platform-queries';
import { failure, SaveResult, type SaveOutcome } from '../../components/save-result';

interface Draft {
  name: string;
  organisationNumber: string;
  slug: string;
  chefName: string;
  chefEmail: string;
}

const empty = (): Draft => ({ name: '', organisationNumber: '', slug: '', chefName: '', chefEmail: '' });

/** What each field of the new förbund is called, for the API's messages per field. */
const FIELD: Record<string, string> = {
  '$.name': 'Förbundets namn',
  '$.organisationNumber': 'Organisationsnummer',
  '$.slug': 'Kortnamn',
  '$.forbundschef.name': 'Förbundschefens namn',
  '$.forbundschef.email': 'Förbundschefens e-post',
  '$.reportingUnit': 'Rapportenhet',
};

/** A short name for addresses from the förbund's name: "Samordningsförbundet Norrsken" → "norrsken". */
function suggestSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/^samordningsförbundet\s+/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

/**
 * The platform admin's view of every förbund, and a new förbund from nothing: its name, organisationsnummer and
 * short name, and its förbundschef, who is invited by e-mail and registers the rest.
 */
export function PlatformOrganisations(props: { onCreated: () => void }) {
  const [q, refetch] = useQuery({ query: PlatformOrganisationsDocument });
  const [creating, create] = useMutation(CreateOrganisationDocument);
  const [draft, setDraft] = useState<Draft>(empty);
  const [slugTouched, setSlugTouched] = useState(false);
  const [result, setResult] = useState<SaveOutcome | null>(null);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  async function onCreate() {
    const who = draft.chefName.trim() || 'förbundschefen';
    if (
      !window.confirm(
        `Skapa ${draft.name.trim() || 'förbundet'} (${draft.organisationNumber.trim()}) och skicka en inbjudan till ${who} på ${draft.chefEmail.trim()}?`,
      )
    )
      return;
    const r = await create({
      o: {
        name: draft.name,
        organisationNumber: draft.organisationNumber,
        slug: draft.slug,
        forbundschef: { name: draft.chefName, email: draft.chefEmail },
      },
    });
    if (r.error) return setResult(failure(r.error));
    const o = r.data!.createOrganisation;
    setResult({
      kind: 'success',
      text: `${o.name} är skapat. ${draft.chefName.trim()} har fått en inbjudan per e-post och registrerar resten.`,
    });
    setDraft(empty());
    setSlugTouched(false);
    refetch({ requestPolicy: 'network-only' });
    props.onCreated();
  }

  return (
    <section className="card" aria-labelledby="platform-heading">
      <h2 id="platform-heading">Förbund på plattformen</h2>
      {q.error && !q.data && <Alert kind="error">{errorMessage(q.error)}</Alert>}
      {!q.data && !q.error && <Loading what="förbunden" />}
      {q.data && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Alla förbund på plattformen</caption>
            <thead>
              <tr>
                <th scope="col">Förbund</th>
                <th scope="col">Organisationsnummer</th>
                <th scope="col">Kortnamn</th>
              </tr>
            </thead>
            <tbody>
              {q.data.organisations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  <td>{o.organisationNumber ?? '–'}</td>
                  <td>{o.slug}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details>
        <summary>Nytt förbund</summary>
        <p className="hint">
          Förbundschefen får en inbjudan per e-post och väljer själv sitt lösenord. Parter, kostnadsställen,
          insatser, budget och styrelse registrerar förbundet sedan självt.
        </p>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="new-org-name">Förbundets namn</label>
            <input
              id="new-org-name"
              value={draft.name}
              onChange={(e) =>
                set({ name: e.target.value, ...(slugTouched ? {} : { slug: suggestSlug(e.target.value) }) })
              }
            />
          </div>
          <div className="field">
            <label htmlFor="new-org-number">Organisationsnummer</label>
            <input
              id="new-org-number"
              inputMode="numeric"
              placeholder="NNNNNN-NNNN"
              value={draft.organisationNumber}
              onChange={(e) => set({ organisationNumber: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="new-org-slug">Kortnamn (a–z, 0–9 och bindestreck)</label>
            <input
              id="new-org-slug"
              value={draft.slug}
              onChange={(e) => (setSlugTouched(true), set({ slug: e.target.value }))}
            />
          </div>
          <div className="field">
            <label htmlFor="new-org-chef-name">Förbundschefens namn</label>
            <input
              id="new-org-chef-name"
              value={draft.chefName}
              onChange={(e) => set({ chefName: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="new-org-chef-email">Förbundschefens e-post</label>
            <input
              id="new-org-chef-email"
              type="email"
              value={draft.chefEmail}
              onChange={(e) => set({ chefEmail: e.target.value })}
            />
          </div>
        </div>
        <SaveResult outcome={result} field={(path) => FIELD[path] ?? 'Uppgiften'} />
        <button type="button" className="button primary" disabled={creating.fetching} onClick={onCreate}>
          Skapa förbundet
        </button>
      </details>
    </section>
  );
}
