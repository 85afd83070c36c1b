import { useState } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../../session';
import { uploadFile } from '../../client';
import { errorDetails, errorMessage, formatDateTime, type ErrorDetail } from '../../format';
import { Alert, ProgressBar } from '../../components/ui';

import { ImportSieDocument } from './admin-queries';

export function SieImport(props: {
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
