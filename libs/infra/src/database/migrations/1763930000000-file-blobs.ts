import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared file store for several API and worker machines (FILE_STORAGE_BACKEND=postgres): contents
 * addressed by SHA-256, in chunks of at most 1 MiB, written in one transaction so a reader sees a whole file
 * or none. Contents are shared across förbund (deduplicated); who may read a file is decided by `file`'s rows.
 */
export class FileBlobs1763930000000 implements MigrationInterface {
  name = 'FileBlobs1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE file_blob (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL CHECK (size >= 0),
        chunks int NOT NULL CHECK (chunks >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE file_blob_chunk (
        blob_key text NOT NULL,
        seq int NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (blob_key, seq)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS file_blob_chunk; DROP TABLE IF EXISTS file_blob;');
  }
}
