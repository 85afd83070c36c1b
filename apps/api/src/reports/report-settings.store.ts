import { returningRows, Tx } from '@app/infra';

/** The förbund's report settings (organisation.report_settings): the SQL of reading and saving them. */

export async function readReportSettings(tx: Tx, organisationId: string): Promise<unknown> {
  const [row] = await tx.query('SELECT report_settings AS settings FROM organisation WHERE id = $1', [
    organisationId,
  ]);
  return row?.settings ?? null;
}

export async function writeReportSettings(
  tx: Tx,
  organisationId: string,
  settings: unknown,
): Promise<boolean> {
  const rows = await returningRows(
    tx,
    'UPDATE organisation SET report_settings = $2, updated_at = now() WHERE id = $1 RETURNING id',
    [organisationId, JSON.stringify(settings)],
  );
  return rows.length > 0;
}
