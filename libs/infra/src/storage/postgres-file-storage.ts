import { randomUUID } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { ContentMeter, FileStorage, LocalDiskStorage } from './file-storage';
import * as store from './file-blob.store';

/** Chunk size: large enough for few rows, small enough that neither side holds a big file in memory. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

/** A missing blob, shaped like the disk adapter's error so callers treat both alike. */
class BlobNotFoundError extends Error {
  readonly code = 'ENOENT';
  constructor(sha256: string) {
    super(`no stored content ${sha256}`);
  }
}

/**
 * Keeps file contents in PostgreSQL, where every API and worker instance reaches them (config
 * FILE_STORAGE_BACKEND=postgres). Content streams in and out in 1 MiB chunks; a put is one transaction, so a
 * reader sees a whole file or none, and the same content twice is stored once.
 */
export class PostgresFileStorage implements FileStorage {
  constructor(private readonly ds: DataSource) {}

  async put(
    content: Readable,
    opts: { maxBytes?: number } = {},
  ): Promise<{ sha256: string; size: number; head: Buffer }> {
    const qr = this.ds.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    const tmpKey = `tmp-${randomUUID()}`;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (all: boolean) => {
      while (pendingBytes >= BLOB_CHUNK_BYTES || (all && pendingBytes > 0)) {
        const joined = Buffer.concat(pending);
        const piece = joined.subarray(0, BLOB_CHUNK_BYTES);
        await store.insertChunk(qr.manager, tmpKey, seq++, Buffer.from(piece));
        const rest = joined.subarray(piece.length);
        pending = rest.length ? [rest] : [];
        pendingBytes = rest.length;
      }
    };
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        flush(false).then(() => cb(), cb);
      },
      final(cb) {
        flush(true).then(() => cb(), cb);
      },
    });
    const meter = new ContentMeter(opts.maxBytes);
    try {
      await pipeline(content, meter, sink);
      const result = meter.result();
      if (await store.publishBlob(qr.manager, tmpKey, result.sha256, result.size, seq))
        await qr.commitTransaction();
      else await qr.rollbackTransaction(); // already stored: the copy's chunks go
      return result;
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw e;
    } finally {
      await qr.release();
    }
  }

  open(sha256: string): Readable {
    const ds = this.ds;
    return Readable.from(
      (async function* () {
        const chunks = await store.blobChunkCount(ds.manager, sha256);
        if (chunks === null) throw new BlobNotFoundError(sha256);
        for (let seq = 0; seq < chunks; seq++) {
          const data = await store.chunk(ds.manager, sha256, seq);
          if (!data) throw new BlobNotFoundError(sha256);
          yield data;
        }
      })(),
      { objectMode: false },
    );
  }

  async exists(sha256: string): Promise<boolean> {
    return (await store.blobChunkCount(this.ds.manager, sha256)) !== null;
  }
}

/** The configured adapter (FILE_STORAGE_BACKEND); the API, the worker and the CLI all build theirs here. */
export function createFileStorage(
  config: { FILE_STORAGE_BACKEND: 'disk' | 'postgres'; FILE_STORAGE_DIR: string },
  ds: DataSource,
): FileStorage {
  return config.FILE_STORAGE_BACKEND === 'postgres'
    ? new PostgresFileStorage(ds)
    : new LocalDiskStorage(config.FILE_STORAGE_DIR);
}
