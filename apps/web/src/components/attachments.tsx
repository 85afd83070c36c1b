import { useRef, useState, type DragEvent } from 'react';
import type { SectionDef } from '../../../../libs/domain/src/forms/template';
import { downloadFile, uploadFile } from '../client';
import { formatBytes } from '../format';
import { ProgressBar } from './ui';

interface Bilaga {
  fileId: string;
  name: string;
  size?: number;
}

interface Upload {
  key: string;
  name: string;
  percent: number;
  error?: string;
}

function asBilagor(value: unknown): Bilaga[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'string' ? { fileId: v, name: 'Bilaga' } : (v as Bilaga)));
}

/** Bilagor: drop files or pick them; each uploads with its own progress bar, then joins the answers. */
export function Attachments(props: {
  section: SectionDef;
  organisationId: string;
  value: unknown;
  readOnly: boolean;
  onChange?: (value: Bilaga[]) => void;
}) {
  const files = asBilagor(props.value);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const current = useRef(files);
  current.current = files;

  function start(list: FileList | null) {
    if (!list) return;
    for (const file of Array.from(list)) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      setUploads((u) => [...u, { key, name: file.name, percent: 0 }]);
      uploadFile(file, { organisationId: props.organisationId, purpose: 'bilaga' }, (percent) =>
        setUploads((u) => u.map((x) => (x.key === key ? { ...x, percent } : x))),
      )
        .then((f) => {
          setUploads((u) => u.filter((x) => x.key !== key));
          const next = [...current.current, { fileId: f.id, name: file.name, size: f.size }];
          current.current = next;
          props.onChange?.(next);
        })
        .catch((e: Error) =>
          setUploads((u) => u.map((x) => (x.key === key ? { ...x, error: e.message } : x))),
        );
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    start(e.dataTransfer.files);
  }

  return (
    <div>
      {files.length === 0 && props.readOnly && <p className="muted">Inga bilagor.</p>}
      {files.length > 0 && (
        <ul className="file-list" aria-label="Bilagor">
          {files.map((f) => (
            <li key={f.fileId}>
              <button type="button" className="button-link" onClick={() => downloadFile(f.fileId, f.name)}>
                {f.name}
              </button>
              {f.size !== undefined && <span className="muted"> ({formatBytes(f.size)})</span>}
              {!props.readOnly && (
                <button
                  type="button"
                  className="button-link danger-link"
                  onClick={() => props.onChange?.(files.filter((x) => x.fileId !== f.fileId))}
                >
                  Ta bort<span className="visually-hidden"> {f.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {uploads.map((u) => (
        <div key={u.key} className="upload">
          <span id={`${u.key}-name`}>{u.name}</span>
          {u.error ? (
            <p className="field-error" role="alert">
              {u.error}
            </p>
          ) : (
            <ProgressBar value={u.percent} label={`Laddar upp ${u.name}`} />
          )}
        </div>
      ))}
      {!props.readOnly && (
        <div
          className={`dropzone${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p>Dra hit filer (PDF, Word, Excel, bilder), eller</p>
          <button type="button" className="button" onClick={() => input.current?.click()}>
            Välj filer …
          </button>
          <input
            ref={input}
            type="file"
            multiple
            className="visually-hidden"
            aria-label="Välj bilagor"
            tabIndex={-1}
            onChange={(e) => {
              start(e.target.files);
              e.target.value = '';
            }}
          />
          {props.section.maxFiles && <p className="hint">Högst {props.section.maxFiles} bilagor.</p>}
        </div>
      )}
    </div>
  );
}
