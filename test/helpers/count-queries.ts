import type { DataSource } from 'typeorm';

/**
 * Runs `work` and counts the SQL statements it sends through the data source's manager (where the stores'
 * plain reads go): a request whose count grows with its rows runs a query per row. `rows` counts the rows those
 * statements returned: a request whose rows grow with data it does not show reads more than it needs.
 */
export async function countQueries<T>(
  ds: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; queries: number; rows: number }> {
  const manager = ds.manager;
  const original = manager.query.bind(manager);
  let queries = 0;
  let rows = 0;
  manager.query = (async (...args: Parameters<typeof original>) => {
    queries++;
    const result: unknown = await original(...args);
    if (Array.isArray(result)) rows += result.length;
    return result;
  }) as typeof manager.query;
  try {
    return { result: await work(), queries, rows };
  } finally {
    manager.query = original;
  }
}
