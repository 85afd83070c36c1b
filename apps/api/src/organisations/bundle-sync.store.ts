import { returningRows, Tx } from '@app/infra';

export interface SyncSpec {
  table: string;
  /** Columns that identify a row (with the scope columns): the ON CONFLICT target. */
  keyCols: string[];
  /** Columns that are copied and compared. */
  valueCols: string[];
  /** Fixed columns that scope the set (e.g. organisation_id), included in the key. */
  scope: Record<string, unknown>;
  rows: Array<Record<string, unknown>>;
  /** jsonb columns are serialised before binding. */
  jsonCols?: string[];
  hasUpdatedAt?: boolean;
}

/**
 * Makes the scoped rows of a table equal to `rows`: inserts new ones, updates changed ones (only when a value
 * really differs, so an identical import touches nothing), deletes the ones no longer present.
 * Returns how many rows changed.
 */
export async function syncRows(tx: Tx, spec: SyncSpec): Promise<number> {
  const scopeCols = Object.keys(spec.scope);
  const key = [...scopeCols, ...spec.keyCols];
  const cols = [...key, ...spec.valueCols];
  const json = new Set(spec.jsonCols ?? []);
  let changed = 0;
  for (const row of spec.rows) {
    const full = { ...spec.scope, ...row };
    const values = cols.map((c) =>
      json.has(c) && full[c] !== null && full[c] !== undefined ? JSON.stringify(full[c]) : (full[c] ?? null),
    );
    const setList = spec.valueCols.map((c) => `${c} = EXCLUDED.${c}`);
    if (spec.hasUpdatedAt !== false) setList.push('updated_at = now()');
    const distinct = spec.valueCols.length
      ? `WHERE (${spec.valueCols.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${spec.valueCols.map((c) => `EXCLUDED.${c}`).join(', ')})`
      : 'WHERE false';
    const action = spec.valueCols.length ? `DO UPDATE SET ${setList.join(', ')} ${distinct}` : 'DO NOTHING';
    const sql = `INSERT INTO ${spec.table} AS t (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})
                 ON CONFLICT (${key.join(', ')}) ${action} RETURNING 1`;
    const res = await tx.query(sql, values);
    changed += res.length;
  }
  // Delete what the bundle no longer has.
  const scopeWhere = scopeCols.map((c, i) => `${c} = $${i + 1}`).join(' AND ');
  const params: unknown[] = scopeCols.map((c) => spec.scope[c]);
  let keep = '';
  if (spec.rows.length) {
    const tuples = spec.rows.map(
      (r) =>
        `(${spec.keyCols
          .map((c) => {
            params.push(r[c]);
            return `$${params.length}::text`;
          })
          .join(', ')})`,
    );
    keep = ` AND (${spec.keyCols.map((c) => `${c}::text`).join(', ')}) NOT IN (${tuples.join(', ')})`;
  }
  const deleted = await returningRows(
    tx,
    `DELETE FROM ${spec.table} WHERE ${scopeWhere}${keep} RETURNING 1`,
    params,
  );
  changed += deleted.length;
  return changed;
}
