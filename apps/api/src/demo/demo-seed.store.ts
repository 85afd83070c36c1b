import { Tx } from '@app/infra';

/** The insats with this key in the förbund, or null. */
export async function insatsByKey(tx: Tx, organisationId: string, key: string): Promise<{ id: string } | null> {
  const [row] = await tx.query('SELECT id FROM insats WHERE organisation_id = $1 AND key = $2', [
    organisationId,
    key,
  ]);
  return row ?? null;
}
