import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../session';
import type { ReportKind } from '../gql/graphql';
import { errorCode, errorMessage, formatDateTime } from '../format';
import { Alert, Loading, VersionedSave, type VersionedSaveMessage } from '../components/ui';
import { ReportStructureDocument, SaveReportStructureDocument } from './report-queries';

interface Row {
  id: string;
  heading: string;
  defaultHeading: string;
  level: number;
}

/**
 * The förbund's report structure for one kind: which sections of the catalogue appear, in which order, under
 * which headings. Add, remove, move and rename; each save is a new version (the reports say which they used).
 */
export function ReportStructureEditor(props: { kind: ReportKind }) {
  const s = useSession();
  const [q, refetch] = useQuery({
    query: ReportStructureDocument,
    variables: { orgId: s.org!.id, kind: props.kind },
  });
  const [rows, setRows] = useState<Row[]>([]);
  const [version, setVersion] = useState(0);
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState<VersionedSaveMessage | null>(null);
  const [saving, save] = useMutation(SaveReportStructureDocument);
  const data = q.data?.reportStructure;
  useEffect(() => {
    if (data) {
      setRows(data.entries.map((e) => ({ ...e })));
      setVersion(data.version);
      setMessage(null);
    }
  }, [data]);
  if (!s.has('FORBUNDSCHEF', 'ADMIN')) return null;
  if (q.error) return <Alert kind="error">{errorMessage(q.error)}</Alert>;
  if (!data) return <Loading what="rapportens struktur" />;
  const missing = data.catalogue.filter((c) => !rows.some((r) => r.id === c.id));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    setRows(next);
  };
  async function onSave() {
    const entries = rows.map((r) => ({
      id: r.id,
      heading: r.heading.trim() === r.defaultHeading ? null : r.heading,
    }));
    const r = await save({ orgId: s.org!.id, kind: props.kind, version, entries });
    if (r.data) {
      setVersion(r.data.saveReportStructure.version);
      setMessage({
        kind: 'success',
        text: `Strukturen är sparad som version ${r.data.saveReportStructure.version}. Nästa sammanställning följer den.`,
      });
    } else if (errorCode(r.error) === 'VERSION_CONFLICT')
      setMessage({
        kind: 'warning',
        text: 'Någon annan har ändrat strukturen efter att du öppnade den. Hämta den senaste och gör om ändringen.',
      });
    else setMessage({ kind: 'error', text: errorMessage(r.error) });
  }
  return (
    <details className="texts structure">
      <summary>Rapportens avsnitt, ordning och rubriker</summary>
      <p className="muted">
        {version === 0
          ? 'Förbundet följer förlagornas standardstruktur.'
          : `Version ${version}${data.savedAt ? `, sparad ${formatDateTime(data.savedAt)}` : ''}${data.savedBy ? ` av ${data.savedBy}` : ''}.`}{' '}
        Indragna avsnitt hör till kapitlet ovanför.
      </p>
      <ol className="structure-list">
        {rows.map((r, i) => (
          <li key={r.id} className={r.level === 2 ? 'structure-part' : 'structure-chapter'}>
            <label htmlFor={`heading-${r.id}`} className="visually-hidden">
              Rubrik för {r.defaultHeading}
            </label>
            <input
              id={`heading-${r.id}`}
              value={r.heading}
              maxLength={120}
              onChange={(e) => setRows(rows.map((x, k) => (k === i ? { ...x, heading: e.target.value } : x)))}
            />
            {r.heading.trim() !== r.defaultHeading && (
              <span className="muted"> (standard: {r.defaultHeading})</span>
            )}
            <span className="button-row">
              <button
                type="button"
                className="button-link"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={`Flytta upp ${r.heading}`}
              >
                Upp
              </button>
              <button
                type="button"
                className="button-link"
                disabled={i === rows.length - 1}
                onClick={() => move(i, 1)}
                aria-label={`Flytta ned ${r.heading}`}
              >
                Ned
              </button>
              <button
                type="button"
                className="button-link"
                onClick={() => setRows(rows.filter((_, k) => k !== i))}
                aria-label={`Ta bort ${r.heading}`}
              >
                Ta bort
              </button>
            </span>
          </li>
        ))}
      </ol>
      {missing.length > 0 && (
        <div className="toolbar">
          <label htmlFor="add-section">Lägg till avsnitt</label>
          <select id="add-section" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Välj …</option>
            {missing.map((c) => (
              <option key={c.id} value={c.id}>
                {c.defaultHeading} ({c.level === 1 ? 'kapitel' : 'del av kapitel'};{' '}
                {c.kindLabel.toLowerCase()})
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={!adding}
            onClick={() => {
              const c = data.catalogue.find((x) => x.id === adding)!;
              setRows([
                ...rows,
                { id: c.id, heading: c.defaultHeading, defaultHeading: c.defaultHeading, level: c.level },
              ]);
              setAdding('');
            }}
          >
            Lägg till sist
          </button>
        </div>
      )}
      <VersionedSave
        message={message}
        label="Spara strukturen"
        reloadLabel="Hämta den senaste strukturen"
        saving={saving.fetching}
        onSave={onSave}
        onReload={() => refetch({ requestPolicy: 'network-only' })}
      />
    </details>
  );
}
