import { Tx } from '@app/infra';

/** The lookups the access guard needs to find which förbund (and insats) an object belongs to. */

export async function organisationById(tx: Tx, id: string): Promise<{ id: string } | null> {
  const [row] = await tx.query('SELECT id FROM organisation WHERE id = $1', [id]);
  return row ?? null;
}

export async function organisationBySlug(tx: Tx, slug: string): Promise<{ id: string } | null> {
  const [row] = await tx.query('SELECT id FROM organisation WHERE slug = $1', [slug]);
  return row ?? null;
}

export async function insatsById(
  tx: Tx,
  id: string,
): Promise<{ id: string; organisation_id: string } | null> {
  const [row] = await tx.query('SELECT id, organisation_id FROM insats WHERE id = $1', [id]);
  return row ?? null;
}

/**
 * The förbund (and insats) of a row in any table that carries organisation_id. `table` and `insatsColumn`
 * are identifiers: the caller checks them (they come from code, never from a request).
 */
export async function rowScope(
  tx: Tx,
  table: string,
  id: string,
  insatsColumn?: string,
): Promise<{ organisation_id: string; insats_id?: string | null } | null> {
  const cols = insatsColumn ? `organisation_id, ${insatsColumn} AS insats_id` : 'organisation_id';
  const [row] = await tx.query(`SELECT ${cols} FROM ${table} WHERE id = $1`, [id]);
  return row ?? null;
}
