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
