import { EntityManager } from 'typeorm';

/**
 * Runs UPDATE/DELETE … RETURNING and gives back the rows. (TypeORM's postgres driver answers such
 * statements with [rows, affectedCount] but INSERT/SELECT with rows alone.)
 */
export async function returningRows<T = Record<string, unknown>>(
  em: Pick<EntityManager, 'query'>,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result = await em.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}

/**
 * The rows of a batch read grouped by their key, which the query names `of` and which is taken out of each
 * row: one list per key, in the order the query gave the rows (so a batch query orders by its key, then as the
 * single read did).
 */
export function groupRows<T>(rows: ReadonlyArray<T & { of: unknown }>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const { of, ...rest } = row;
    const list = out.get(String(of));
    if (list) list.push(rest as T);
    else out.set(String(of), [rest as T]);
  }
  return out;
}
