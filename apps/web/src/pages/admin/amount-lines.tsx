import type { ErrorDetail } from '../../format';

/** The amount typed per cost centre as decimal strings; the problems in Swedish when some are not amounts. */
export function parseLines(
  typed: Record<string, string>,
  parse: (s: string) => string | null,
): { lines: Record<string, string>; bad: ErrorDetail[] } {
  const lines: Record<string, string> = {};
  const bad: ErrorDetail[] = [];
  for (const [code, text] of Object.entries(typed)) {
    if (!text.trim()) continue;
    const v = parse(text);
    if (v === null) bad.push({ path: code, message: `Kostnadsställe ${code}: ”${text}” är inget belopp` });
    else lines[code] = v;
  }
  return { lines, bad };
}

/** Stored amounts per cost centre as the form shows them for editing ("2 520 000"). */
export function typedLines(lines: unknown, format: (amount: string) => string): Record<string, string> {
  return Object.fromEntries(
    Object.entries((lines ?? {}) as Record<string, string>).map(([c, v]) => [c, format(v)]),
  );
}

/** One amount field per cost centre (a budget's or a forecast's lines). */
export function AmountLines(props: {
  costCentres: Array<{ code: string; name: string }>;
  lines: Record<string, string>;
  idPrefix: string;
  labelPrefix?: string;
  onChange: (lines: Record<string, string>) => void;
}) {
  return (
    <div className="field-grid">
      {props.costCentres.map((c) => (
        <div className="field" key={c.code}>
          <label htmlFor={`${props.idPrefix}-${c.code}`}>
            {props.labelPrefix ? `${props.labelPrefix} ` : ''}
            {c.code} {c.name}
          </label>
          <input
            id={`${props.idPrefix}-${c.code}`}
            inputMode="decimal"
            className="numeric"
            value={props.lines[c.code] ?? ''}
            onChange={(e) => props.onChange({ ...props.lines, [c.code]: e.target.value })}
          />
        </div>
      ))}
    </div>
  );
}

/** Save, and while an existing entry is being changed, a way back to a new one. */
export function SaveButtons(props: {
  label: string;
  saving: boolean;
  editing: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      <button type="button" className="button primary" disabled={props.saving} onClick={props.onSave}>
        {props.label}
      </button>
      {props.editing && (
        <button type="button" className="button" onClick={props.onCancel}>
          Avbryt ändringen
        </button>
      )}
    </>
  );
}
