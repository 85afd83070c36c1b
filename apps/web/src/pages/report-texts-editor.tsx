import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../session';
import type { ReportKind } from '../gql/graphql';
import { errorCode, errorMessage } from '../format';
import { Loading, VersionedSave, type VersionedSaveMessage } from '../components/ui';
import { useUnsavedChanges } from '../hooks/unsaved-changes';
import { ReportTextsDocument, SaveReportTextsDocument } from './report-queries';

/** The förbundschef's own texts; each save names the version it started from. */
export function ReportTextsEditor(props: { kind: ReportKind; year: number }) {
  const s = useSession();
  const [q, refetch] = useQuery({
    query: ReportTextsDocument,
    variables: { orgId: s.org!.id, kind: props.kind, year: props.year },
  });
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<VersionedSaveMessage | null>(null);
  const [saving, save] = useMutation(SaveReportTextsDocument);
  const [preview, setPreview] = useState(false);
  // What is stored: the texts differ from it while the förbundschef has typed and not saved.
  const [stored, setStored] = useState<Record<string, string>>({});
  useUnsavedChanges(Object.keys(texts).some((k) => (texts[k] ?? '') !== (stored[k] ?? '')));
  useEffect(() => {
    if (q.data) {
      setStored((q.data.reportTexts.texts ?? {}) as Record<string, string>);
      setTexts((q.data.reportTexts.texts ?? {}) as Record<string, string>);
      setVersion(q.data.reportTexts.version);
    }
  }, [q.data]);
  if (!s.has('FORBUNDSCHEF')) return null;
  if (!q.data) return <Loading what="texterna" />;
  async function onSave() {
    const r = await save({ orgId: s.org!.id, kind: props.kind, year: props.year, version, texts });
    if (r.data) {
      setVersion(r.data.saveReportTexts.version);
      setStored(texts);
      setMessage({ kind: 'success', text: 'Texterna är sparade.' });
    } else if (errorCode(r.error) === 'VERSION_CONFLICT') {
      setMessage({
        kind: 'warning',
        text: 'Någon annan har sparat texterna efter att du öppnade dem. Kopiera det du skrivit, hämta de senaste texterna och spara igen.',
      });
    } else setMessage({ kind: 'error', text: errorMessage(r.error) });
  }
  return (
    <details className="texts">
      <summary>Förbundschefens texter, avsnitt för avsnitt</summary>
      <p className="muted">
        Avsnitten står i rapportens ordning. Där avsnittet har tabeller står texten efter dem. En tom rad
        börjar ett nytt stycke. Ett avsnitt utan text får förlagans standardtext där det finns en.
      </p>
      {q.data.reportTexts.fields.map((f) => (
        <div className="field" key={f.key}>
          <label htmlFor={`text-${f.key}`}>
            {f.title}
            {f.withFigures && <span className="muted"> (text efter tabellerna)</span>}
          </label>
          <textarea
            id={`text-${f.key}`}
            rows={4}
            value={texts[f.key] ?? ''}
            onChange={(e) => setTexts({ ...texts, [f.key]: e.target.value })}
          />
        </div>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button-link"
          aria-expanded={preview}
          onClick={() => setPreview(!preview)}
        >
          {preview ? 'Dölj förhandsgranskningen' : 'Förhandsgranska texterna'}
        </button>
      </div>
      {preview && <TextsPreview fields={q.data.reportTexts.fields} texts={texts} />}
      <VersionedSave
        message={message}
        label="Spara texterna"
        reloadLabel="Hämta de senaste texterna"
        saving={saving.fetching}
        onSave={onSave}
        onReload={() => refetch({ requestPolicy: 'network-only' })}
      />
    </details>
  );
}

/** The texts as the report prints them: each section's heading, a mark where its tables go, its paragraphs. */
function TextsPreview(props: {
  fields: Array<{ key: string; title: string; withFigures: boolean }>;
  texts: Record<string, string>;
}) {
  return (
    <section className="card text-preview" aria-label="Förhandsgranskning av texterna">
      {props.fields.map((f) => {
        const paragraphs = (props.texts[f.key] ?? '')
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter(Boolean);
        return (
          <article key={f.key}>
            <h3>{f.title}</h3>
            {f.withFigures && <p className="muted">[Tabeller och siffror ur underlaget]</p>}
            {paragraphs.length ? (
              paragraphs.map((p, i) => (
                <p key={i} style={{ whiteSpace: 'pre-line' }}>
                  {p}
                </p>
              ))
            ) : (
              <p className="muted">Ingen egen text (standardtexten används där det finns en).</p>
            )}
          </article>
        );
      })}
    </section>
  );
}
