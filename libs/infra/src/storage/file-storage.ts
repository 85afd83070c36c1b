import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where file contents live, addressed by their SHA-256. Local disk by default; another adapter can replace it. */
export interface FileStorage {
  /** Streams the content in, hashing as it goes; returns its hash and size. Nothing is visible until complete. */
  put(
    content: Readable,
    opts?: { maxBytes?: number },
  ): Promise<{ sha256: string; size: number; head: Buffer }>;
  open(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file exceeds ${maxBytes} bytes`);
  }
}

const HEAD_BYTES = 64 * 1024;

export class LocalDiskStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid sha256');
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256);
  }

  async put(
    content: Readable,
    opts: { maxBytes?: number } = {},
  ): Promise<{ sha256: string; size: number; head: Buffer }> {
    const tmpDir = join(this.root, 'tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const headParts: Buffer[] = [];
    let headLen = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (opts.maxBytes !== undefined && size > opts.maxBytes)
          return cb(new FileTooLargeError(opts.maxBytes));
        if (headLen < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLen);
          headParts.push(part);
          headLen += part.length;
        }
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(content, meter, createWriteStream(tmp, { flags: 'wx' }));
      const sha256 = hash.digest('hex');
      const target = this.path(sha256);
      await fs.mkdir(dirname(target), { recursive: true });
      // rename is atomic: a reader sees the whole file or none
      await fs.rename(tmp, target);
      return { sha256, size, head: Buffer.concat(headParts) };
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }

  open(sha256: string): Readable {
    return createReadStream(this.path(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return fs.access(this.path(sha256)).then(
      () => true,
      () => false,
    );
  }
}
