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

/**
 * Passes content through while hashing it, counting its size (refusing past `maxBytes`) and keeping its
 * first 64 KiB (for sniffing the file type). Every adapter's `put` streams through one.
 */
export class ContentMeter extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;
  private readonly headParts: Buffer[] = [];
  private headLen = 0;

  constructor(private readonly maxBytes?: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null, c?: Buffer) => void) {
    this.size += chunk.length;
    if (this.maxBytes !== undefined && this.size > this.maxBytes)
      return cb(new FileTooLargeError(this.maxBytes));
    if (this.headLen < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLen);
      this.headParts.push(part);
      this.headLen += part.length;
    }
    this.hash.update(chunk);
    cb(null, chunk);
  }

  /** Once the content has passed: its hash, size and head. */
  result(): { sha256: string; size: number; head: Buffer } {
    return { sha256: this.hash.digest('hex'), size: this.size, head: Buffer.concat(this.headParts) };
  }
}

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
    const meter = new ContentMeter(opts.maxBytes);
    try {
      await pipeline(content, meter, createWriteStream(tmp, { flags: 'wx' }));
      const { sha256, size, head } = meter.result();
      const target = this.path(sha256);
      await fs.mkdir(dirname(target), { recursive: true });
      // rename is atomic: a reader sees the whole file or none
      await fs.rename(tmp, target);
      return { sha256, size, head };
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
