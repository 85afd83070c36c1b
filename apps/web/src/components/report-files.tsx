import { useState } from 'react';
import type { ReportFieldsFragment } from '../gql/graphql';
import { downloadFile } from '../client';
import { REPORT_KIND_LABEL } from '../format';

/** Download buttons for a finished report: PDF, Excel and the JSON model. */
export function ReportFiles(props: { report: ReportFieldsFragment }) {
  const r = props.report;
  const [error, setError] = useState<string | null>(null);
  const base = `${REPORT_KIND_LABEL[r.kind] ?? r.kind} ${r.year} v${r.version}`;
  const files = [
    { id: r.pdfFileId, label: 'PDF', ext: 'pdf' },
    { id: r.xlsxFileId, label: 'Excel (XLSX)', ext: 'xlsx' },
    { id: r.jsonFileId, label: 'JSON', ext: 'json' },
  ].filter((f) => f.id);
  return (
    <div className="button-row">
      {files.map((f) => (
        <button
          key={f.ext}
          type="button"
          className="button"
          onClick={() => downloadFile(f.id!, `${base}.${f.ext}`).catch((e: Error) => setError(e.message))}
        >
          Ladda ner {f.label}
          <span className="visually-hidden"> – {base}</span>
        </button>
      ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The checks as their own PDF: the working document for the förbundschef and the revisorer. */
export function ChecksFile(props: { report: ReportFieldsFragment }) {
  const r = props.report;
  const [error, setError] = useState<string | null>(null);
  const name = `Kontroller ${REPORT_KIND_LABEL[r.kind] ?? r.kind} ${r.year} v${r.version}`;
  if (!r.checksFileId) return null;
  return (
    <div className="button-row">
      <button
        type="button"
        className="button"
        onClick={() => downloadFile(r.checksFileId!, `${name}.pdf`).catch((e: Error) => setError(e.message))}
      >
        Ladda ner kontrollerna (PDF)
        <span className="visually-hidden"> – {name}</span>
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function ReportChecks(props: { report: ReportFieldsFragment; collapsed?: boolean }) {
  const r = props.report;
  if (!r.checks.length) return null;
  const failed = r.checks.filter((c) => c.status !== 'PASS');
  const summary = failed.length
    ? `${failed.length} av ${r.checks.length} kontroller stämmer inte.`
    : `Alla ${r.checks.length} kontroller stämmer.`;
  // The ones that do not add up first: they are what a person has to look at.
  const list = (
    <ul className="check-list">
      {[...failed, ...r.checks.filter((c) => c.status === 'PASS')].map((c) => (
        <li key={c.id} className={c.status === 'PASS' ? 'check-pass' : 'check-fail'}>
          <span aria-hidden="true">{c.status === 'PASS' ? '✓' : '✗'}</span>
          <span className="visually-hidden">{c.status === 'PASS' ? 'Stämmer: ' : 'Stämmer inte: '}</span>
          {c.message}
        </li>
      ))}
    </ul>
  );
  if (props.collapsed)
    return (
      <details className="checks">
        <summary className="ok">{summary} Visa alla</summary>
        {list}
      </details>
    );
  return (
    <div className="checks">
      <h3>Kontroller</h3>
      <p className={failed.length ? 'late' : 'ok'}>{summary}</p>
      {list}
    </div>
  );
}
