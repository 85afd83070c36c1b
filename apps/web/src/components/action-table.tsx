import type { ReactNode } from 'react';

export type Column = string | { label: string; numeric: true };

/**
 * A table whose last column holds each row's actions ("Ändra", "Ta bort", "Öppna"): the caption for screen
 * readers, the column headers, and the actions' column (its header heard, not seen). `children` are the rows.
 */
export function ActionTable(props: {
  caption?: string;
  columns: Column[];
  wrap?: boolean;
  children: ReactNode;
}) {
  const table = (
    <table className="table">
      {props.caption !== undefined && <caption className="visually-hidden">{props.caption}</caption>}
      <thead>
        <tr>
          {props.columns.map((c) =>
            typeof c === 'string' ? (
              <th scope="col" key={c}>
                {c}
              </th>
            ) : (
              <th scope="col" key={c.label} className="numeric">
                {c.label}
              </th>
            ),
          )}
          <th scope="col">
            <span className="visually-hidden">Åtgärd</span>
          </th>
        </tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
  return props.wrap ? <div className="table-wrap">{table}</div> : table;
}

/** A row's action ("Ändra", "Ta bort"); `what` names the row for screen readers only. */
export function RowAction(props: { label: string; what: string; onClick: () => void }) {
  return (
    <button type="button" className="button-link" onClick={props.onClick}>
      {props.label}
      <span className="visually-hidden"> {props.what}</span>
    </button>
  );
}

/** "Ta bort" for a row; with `confirm`, only once the person has said yes to that question. */
export function RemoveButton(props: { what: string; confirm?: string; onRemove: () => void }) {
  return (
    <RowAction
      label="Ta bort"
      what={props.what}
      onClick={() => {
        if (props.confirm === undefined || window.confirm(props.confirm)) props.onRemove();
      }}
    />
  );
}
