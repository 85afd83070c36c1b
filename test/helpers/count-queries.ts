import type { DataSource } from 'typeorm';

/**
 * Runs `work` and counts the SQL statements it sends through the data source's manager (where the stores'
 * plain reads go): a request whose count grows with its rows runs a query per row.
 */
export async function countQueries<T>(
  ds: DataSource,
  work: () => Promise<T>,
): Promise<{ result: T; queries: number }> {
  const manager = ds.manager;
  const original = manager.query.bind(manager);
  let queries = 0;
  manager.query = ((...args: Parameters<typeof original>) => {
    queries++;
    return original(...args);
  }) as typeof manager.query;
  try {
    return { result: await work(), queries };
  } finally {
    manager.query = original;
  }
}
