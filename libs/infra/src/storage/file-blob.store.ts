import type { Tx } from '../database/unit-of-work';

/** All SQL of the PostgreSQL file store: blobs addressed by SHA-256, kept as numbered chunks. */

export async function insertChunk(tx: Tx, blobKey: string, seq: number, data: Buffer): Promise<void> {
  await tx.query('INSERT INTO file_blob_chunk (blob_key, seq, data) VALUES ($1, $2, $3)', [
    blobKey,
    seq,
    data,
  ]);
}

/**
 * Publishes the chunks written under a temporary key as the blob `sha256`; false (and the chunks left for the
 * caller's rollback) when that content is already stored.
 */
export async function publishBlob(
  tx: Tx,
  tmpKey: string,
  sha256: string,
  size: number,
  chunks: number,
): Promise<boolean> {
  const inserted: unknown[] = await tx.query(
    'INSERT INTO file_blob (sha256, size, chunks) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING RETURNING 1',
    [sha256, size, chunks],
  );
  if (!inserted.length) return false;
  await tx.query('UPDATE file_blob_chunk SET blob_key = $2 WHERE blob_key = $1', [tmpKey, sha256]);
  return true;
}

export async function blobChunkCount(tx: Tx, sha256: string): Promise<number | null> {
  const [r] = await tx.query('SELECT chunks FROM file_blob WHERE sha256 = $1', [sha256]);
  return r ? Number(r.chunks) : null;
}

export async function chunk(tx: Tx, sha256: string, seq: number): Promise<Buffer | null> {
  const [r] = await tx.query('SELECT data FROM file_blob_chunk WHERE blob_key = $1 AND seq = $2', [
    sha256,
    seq,
  ]);
  return r ? (r.data as Buffer) : null;
}
