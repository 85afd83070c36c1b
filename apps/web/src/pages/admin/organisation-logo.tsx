import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useSession } from '../../session';
import { fileObjectUrl, uploadFile } from '../../client';
import { errorMessage } from '../../format';
import { Alert, ProgressBar } from '../../components/ui';

const OrganisationLogoDocument = graphql(`
  query OrganisationLogo($slug: String!) {
    organisation(slug: $slug) {
      id
      name
      logoFileId
    }
  }
`);

const RemoveOrganisationLogoDocument = graphql(`
  mutation RemoveOrganisationLogo($organisationId: ID!) {
    removeOrganisationLogo(organisationId: $organisationId) {
      id
      logoFileId
    }
  }
`);

/**
 * The förbund's logo on its published reports (issue 18.4): the förbundschef (or the kansli) uploads a PNG or
 * JPEG, checked by the API, and sees it as the report's cover will show it; or removes it (after a confirmation),
 * and the reports compiled after that have no logo.
 */
export function OrganisationLogo() {
  const s = useSession();
  const [q, refetch] = useQuery({
    query: OrganisationLogoDocument,
    variables: { slug: s.org?.slug ?? '' },
    pause: !s.org,
  });
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [removing, removeLogo] = useMutation(RemoveOrganisationLogoDocument);
  const org = q.data?.organisation;
  const logoId = org?.logoFileId ?? null;

  useEffect(() => {
    if (!logoId) return setPreview(null);
    let url: string | null = null;
    let gone = false;
    fileObjectUrl(logoId).then(
      (u) => (gone ? URL.revokeObjectURL(u) : setPreview((url = u))),
      () => setPreview(null),
    );
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [logoId]);

  async function go() {
    if (!file || !s.org) return;
    setMessage(null);
    setProgress(0);
    try {
      await uploadFile(file, { organisationId: s.org.id, purpose: 'logo' }, setProgress);
      setMessage({ kind: 'success', text: 'Logotypen är sparad och visas på rapporternas försättsblad.' });
      setFile(null);
      refetch({ requestPolicy: 'network-only' });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setProgress(null);
    }
  }

  async function remove() {
    if (!s.org || !org) return;
    if (
      !window.confirm(
        `Ta bort logotypen för ${org.name}? Rapporter som sammanställs därefter får ingen logotyp på försättsbladet. Redan sammanställda rapporter ändras inte.`,
      )
    )
      return;
    setMessage(null);
    const r = await removeLogo({ organisationId: s.org.id });
    if (r.error) return setMessage({ kind: 'error', text: errorMessage(r.error) });
    setMessage({
      kind: 'success',
      text: 'Logotypen är borttagen. Rapporter som sammanställs från och med nu har ingen logotyp.',
    });
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section className="card" aria-labelledby="logo-heading">
      <h2 id="logo-heading">Förbundets logotyp</h2>
      <p className="muted">
        Visas på försättsbladet i de rapporter förbundet publicerar. PNG eller JPEG (RGB), högst 2 MB, mellan
        32 och 4000 bildpunkter bred och hög.
      </p>
      {q.error && <Alert kind="error">{errorMessage(q.error)}</Alert>}
      {org &&
        (preview ? (
          <img className="logo-preview" src={preview} alt={`${org.name} logotyp`} />
        ) : (
          <p>{logoId ? 'Logotypen hämtas …' : 'Förbundet har ingen logotyp än.'}</p>
        ))}
      <div className="toolbar">
        <label htmlFor="logo-file">Bild</label>
        <input
          id="logo-file"
          type="file"
          accept="image/png,image/jpeg"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="button" className="button primary" disabled={!file || progress !== null} onClick={go}>
          {logoId ? 'Byt logotyp' : 'Ladda upp logotyp'}
        </button>
        {logoId && (
          <button
            type="button"
            className="button danger"
            disabled={removing.fetching || progress !== null}
            onClick={remove}
          >
            Ta bort logotyp
          </button>
        )}
      </div>
      {progress !== null && <ProgressBar value={progress} label="Laddar upp logotypen" />}
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
    </section>
  );
}
