import { returningRows, Tx } from '@app/infra';

export interface StoredFileRow {
  id: string;
  organisation_id: string | null;
  sha256: string;
  size: string;
  content_type: string;
  original_name: string | null;
  purpose: string;
}

export interface NewStoredFile {
  organisationId: string;
  sha256: string;
  size: number;
  contentType: string;
  originalName: string | null;
  purpose: string;
  uploadedBy: string;
}

/** The bytes a förbund's files take together (the quota counts every upload, also of the same content). */
export async function usedBytes(tx: Tx, organisationId: string): Promise<number> {
  const [r] = await tx.query(
    'SELECT coalesce(sum(size), 0)::text AS used FROM stored_file WHERE organisation_id = $1',
    [organisationId],
  );
  return Number(r.used);
}

/** Serialises uploads of one förbund for the rest of the transaction, so two cannot both fit the quota. */
export async function lockOrganisationFiles(tx: Tx, organisationId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 12))', [`files:${organisationId}`]);
}

export async function insertStoredFile(tx: Tx, f: NewStoredFile): Promise<string> {
  const [row] = await tx.query(
    `INSERT INTO stored_file (organisation_id, sha256, size, content_type, original_name, purpose, uploaded_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [f.organisationId, f.sha256, f.size, f.contentType, f.originalName, f.purpose, f.uploadedBy],
  );
  return row.id;
}

export async function findStoredFile(tx: Tx, id: string): Promise<StoredFileRow | null> {
  const [r] = await tx.query('SELECT * FROM stored_file WHERE id = $1', [id]);
  return r ?? null;
}

/** Makes a stored file the förbund's logo; returns the logo it replaces (null: none). */
export async function setOrganisationLogo(
  tx: Tx,
  organisationId: string,
  fileId: string,
): Promise<string | null> {
  const [row] = await returningRows<{ previous: string | null }>(
    tx,
    `UPDATE organisation o SET logo_file_id = $2 FROM (SELECT logo_file_id FROM organisation WHERE id = $1 FOR UPDATE) old
      WHERE o.id = $1 RETURNING old.logo_file_id AS previous`,
    [organisationId, fileId],
  );
  return row?.previous ?? null;
}

/** Takes the förbund's logo off (the stored file stays); returns the logo it removed (null: there was none). */
export async function clearOrganisationLogo(tx: Tx, organisationId: string): Promise<string | null> {
  const [row] = await returningRows<{ previous: string | null }>(
    tx,
    `UPDATE organisation o SET logo_file_id = NULL FROM (SELECT logo_file_id FROM organisation WHERE id = $1 FOR UPDATE) old
      WHERE o.id = $1 AND old.logo_file_id IS NOT NULL RETURNING old.logo_file_id AS previous`,
    [organisationId],
  );
  return row?.previous ?? null;
}
