import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { BILAGA_KINDS, FileKind, Principal, Role, rolesIn, sniffContentType } from '@app/domain';
import { AppConfig, FileStorage, FileTooLargeError } from '@app/infra';
import { APP_CONFIG, DATA_SOURCE, FILE_STORAGE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { FileError } from '../common/errors/error-codes';

export type UploadPurpose = 'bilaga' | 'sie';

const LIMITS: Record<
  UploadPurpose,
  { maxBytes: number; kinds: readonly FileKind[]; roles: readonly Role[] | null }
> = {
  bilaga: { maxBytes: 20 * 1024 * 1024, kinds: BILAGA_KINDS, roles: null },
  sie: { maxBytes: 1024 * 1024 * 1024, kinds: ['text/plain'], roles: [Role.ADMIN, Role.FORBUNDSCHEF] },
};

export interface StoredFile {
  id: string;
  organisationId: string | null;
  sha256: string;
  size: number;
  contentType: string;
  originalName: string | null;
  purpose: string;
}

/** Uploads and downloads: content-addressed, type checked by content, size limited while streaming. */
@Injectable()
export class FilesService {
  private readonly logger = new Logger(FilesService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  resolveOrganisation(principal: Principal, organisationId: string | undefined): string {
    const orgs = [...new Set(principal.grants.map((g) => g.organisationId))];
    const id = organisationId ?? (orgs.length === 1 ? orgs[0] : undefined);
    if (!id)
      throw new AppError(
        FileError.ORGANISATION_REQUIRED,
        'Ange vilket förbund filen hör till (organisationId).',
        { details: [{ path: '$.organisationId', message: 'saknas' }] },
      );
    if (!orgs.includes(id))
      throw new AppError(FileError.FORBIDDEN, 'Du kan inte ladda upp filer till det förbundet.');
    return id;
  }

  async store(
    principal: Principal,
    organisationId: string,
    purpose: UploadPurpose,
    name: string | null,
    content: Readable,
  ): Promise<StoredFile> {
    const limit = LIMITS[purpose];
    if (limit.roles && !rolesIn(principal, organisationId).some((r) => limit.roles!.includes(r))) {
      content.resume();
      throw new AppError(FileError.FORBIDDEN, 'Endast kansli och förbundschef laddar upp huvudboken.');
    }
    let put: Awaited<ReturnType<FileStorage['put']>>;
    try {
      put = await this.storage.put(content, { maxBytes: limit.maxBytes });
    } catch (e) {
      if (e instanceof FileTooLargeError) {
        content.resume();
        const mb = Math.round(limit.maxBytes / 1024 / 1024);
        throw new AppError(FileError.TOO_LARGE, `Filen är för stor; högst ${mb} MB är tillåtet.`, {
          details: [{ path: '$.file', message: `större än ${mb} MB` }],
        });
      }
      throw e;
    }
    const kind = sniffContentType(put.head);
    if (!kind || !limit.kinds.includes(kind)) {
      this.logger.warn({ name, purpose }, 'upload refused: content type not allowed');
      const allowed = purpose === 'sie' ? 'en SIE-fil (text)' : 'PDF, DOCX, XLSX, PNG eller JPEG';
      throw new AppError(
        FileError.TYPE_NOT_ALLOWED,
        `Filens innehåll är inte ${allowed}${name ? ` (${name})` : ''}.`,
        {
          details: [{ path: '$.file', message: `otillåten filtyp; tillåtet är ${allowed}` }],
        },
      );
    }
    const [row] = await this.ds.query(
      `INSERT INTO stored_file (organisation_id, sha256, size, content_type, original_name, purpose, uploaded_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [organisationId, put.sha256, put.size, kind, name, purpose, principal.personId],
    );
    return {
      id: row.id,
      organisationId,
      sha256: put.sha256,
      size: put.size,
      contentType: kind,
      originalName: name,
      purpose,
    };
  }

  async get(id: string): Promise<StoredFile | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [r] = await this.ds.query('SELECT * FROM stored_file WHERE id = $1', [id]);
    return r
      ? {
          id: r.id,
          organisationId: r.organisation_id,
          sha256: r.sha256,
          size: Number(r.size),
          contentType: r.content_type,
          originalName: r.original_name,
          purpose: r.purpose,
        }
      : null;
  }

  /** A member of the file's förbund may read it. */
  canRead(principal: Principal | null | undefined, file: StoredFile): boolean {
    if (!principal) return false;
    return (
      file.organisationId !== null && principal.grants.some((g) => g.organisationId === file.organisationId)
    );
  }

  open(file: StoredFile): Readable {
    return this.storage.open(file.sha256);
  }

  /** A link that works without a token for a few minutes (for downloads in a browser). */
  signedPath(fileId: string, ttlSeconds = 300): string {
    const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
    return `/files/${fileId}?expires=${expires}&signature=${this.sign(fileId, expires)}`;
  }

  verifySignature(fileId: string, expires: string | undefined, signature: string | undefined): boolean {
    const exp = Number(expires);
    if (!signature || !Number.isInteger(exp) || exp < Date.now() / 1000) return false;
    const a = Buffer.from(this.sign(fileId, exp));
    const b = Buffer.from(signature);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private sign(fileId: string, expires: number): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`file:${fileId}:${expires}`)
      .digest('base64url');
  }
}
