import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import {
  BILAGA_KINDS,
  FileKind,
  LOGO_MAX_BYTES,
  LOGO_PROBLEM_TEXT,
  logoProblem,
  Principal,
  readImageHeader,
  Role,
  rolesIn,
  sniffContentType,
} from '@app/domain';
import { AppConfig, appendAudit, FileStorage, FileTooLargeError, UnitOfWork } from '@app/infra';
import { APP_CONFIG, FILE_STORAGE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { FileError } from '../common/errors/error-codes';
import {
  findStoredFile,
  insertStoredFile,
  lockOrganisationFiles,
  setOrganisationLogo,
  usedBytes,
} from './files.store';

export type UploadPurpose = 'bilaga' | 'sie' | 'logo';

const LIMITS: Record<
  UploadPurpose,
  { maxBytes: number; kinds: readonly FileKind[]; roles: readonly Role[] | null }
> = {
  bilaga: { maxBytes: 20 * 1024 * 1024, kinds: BILAGA_KINDS, roles: null },
  sie: { maxBytes: 1024 * 1024 * 1024, kinds: ['text/plain'], roles: [Role.ADMIN, Role.FORBUNDSCHEF] },
  // The förbund's logo on its published reports (issue 18.4): the förbundschef (or the kansli) sets it.
  logo: {
    maxBytes: LOGO_MAX_BYTES,
    kinds: ['image/png', 'image/jpeg'],
    roles: [Role.FORBUNDSCHEF, Role.ADMIN],
  },
};

const ROLE_REFUSAL: Record<UploadPurpose, string> = {
  bilaga: 'Du kan inte ladda upp filer till det förbundet.',
  sie: 'Endast kansli och förbundschef laddar upp huvudboken.',
  logo: 'Endast förbundschef och kansli byter förbundets logotyp.',
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
    private readonly uow: UnitOfWork,
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
    // A förbund the caller holds nothing in answers like an unknown one (no existence leak).
    if (!orgs.includes(id))
      throw new AppError(FileError.NOT_FOUND, 'Det du söker finns inte, eller så saknar du behörighet.');
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
      throw new AppError(FileError.FORBIDDEN, ROLE_REFUSAL[purpose]);
    }
    const maxBytes = purpose === 'sie' ? this.config.SIE_UPLOAD_MAX_BYTES : limit.maxBytes;
    const quota = this.config.FILE_QUOTA_BYTES_PER_ORGANISATION;
    const remaining = quota - (await usedBytes(this.uow.reader, organisationId));
    if (remaining <= 0) {
      content.resume();
      throw this.quotaExceeded(quota);
    }
    let put: Awaited<ReturnType<FileStorage['put']>>;
    try {
      put = await this.storage.put(content, { maxBytes: Math.min(maxBytes, remaining) });
    } catch (e) {
      if (e instanceof FileTooLargeError) {
        content.resume();
        if (remaining < maxBytes) throw this.quotaExceeded(quota);
        const mb = Math.round(maxBytes / 1024 / 1024);
        throw new AppError(FileError.TOO_LARGE, `Filen är för stor; högst ${mb} MB är tillåtet.`, {
          details: [{ path: '$.file', message: `större än ${mb} MB` }],
        });
      }
      throw e;
    }
    const kind = sniffContentType(put.head);
    if (!kind || !limit.kinds.includes(kind)) {
      this.logger.warn({ name, purpose }, 'upload refused: content type not allowed');
      const allowed =
        purpose === 'sie'
          ? 'en SIE-fil (text)'
          : purpose === 'logo'
            ? 'PNG eller JPEG'
            : 'PDF, DOCX, XLSX, PNG eller JPEG';
      throw new AppError(
        FileError.TYPE_NOT_ALLOWED,
        `Filens innehåll är inte ${allowed}${name ? ` (${name})` : ''}.`,
        {
          details: [{ path: '$.file', message: `otillåten filtyp; tillåtet är ${allowed}` }],
        },
      );
    }
    const uploaded = put;
    const logo = purpose === 'logo' ? await this.checkLogo(put.sha256) : null;
    const id = await this.uow.write(async (tx) => {
      // Checked again under a lock per förbund: two uploads at once cannot both squeeze under the quota.
      await lockOrganisationFiles(tx, organisationId);
      if ((await usedBytes(tx, organisationId)) + uploaded.size > quota) throw this.quotaExceeded(quota);
      const fileId = await insertStoredFile(tx, {
        organisationId,
        sha256: uploaded.sha256,
        size: uploaded.size,
        contentType: kind,
        originalName: name,
        purpose,
        uploadedBy: principal.personId,
      });
      await appendAudit(tx, {
        organisationId,
        actorId: principal.personId,
        action: 'file.uploaded',
        entityType: 'stored_file',
        entityId: fileId,
        payload: { name: name ?? '', size: uploaded.size, purpose },
      });
      if (logo) {
        const previousFileId = await setOrganisationLogo(tx, organisationId, fileId);
        await appendAudit(tx, {
          organisationId,
          actorId: principal.personId,
          action: 'organisation.logo_set',
          entityType: 'organisation',
          entityId: organisationId,
          payload: {
            fileId,
            sha256: uploaded.sha256,
            width: logo.width,
            height: logo.height,
            previousFileId,
          },
        });
      }
      return fileId;
    });
    return {
      id,
      organisationId,
      sha256: put.sha256,
      size: put.size,
      contentType: kind,
      originalName: name,
      purpose,
    };
  }

  /** Reads the stored image back whole (at most 2 MB) and refuses what cannot be the förbund's logo. */
  private async checkLogo(sha256: string): Promise<{ width: number; height: number }> {
    const chunks: Buffer[] = [];
    for await (const c of this.storage.open(sha256)) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const problem = logoProblem(bytes);
    if (problem) {
      this.logger.warn({ problem: problem.problem }, 'logo refused');
      throw new AppError(FileError.LOGO_INVALID, LOGO_PROBLEM_TEXT[problem.problem], {
        details: [{ path: '$.file', message: LOGO_PROBLEM_TEXT[problem.problem] }],
      });
    }
    const header = readImageHeader(bytes)!;
    return { width: header.width, height: header.height };
  }

  async get(id: string): Promise<StoredFile | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const r = await findStoredFile(this.uow.reader, id);
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

  private quotaExceeded(quota: number): AppError {
    const size =
      quota < 1024 * 1024 ? `${Math.round(quota / 1024)} kB` : `${Math.round(quota / 1024 / 1024)} MB`;
    this.logger.warn({ quota }, 'upload refused: organisation file quota exceeded');
    return new AppError(
      FileError.QUOTA_EXCEEDED,
      `Förbundets utrymme för filer är fullt (högst ${size} sammanlagt); filen har inte sparats.`,
      { details: [{ path: '$.file', message: `förbundets filutrymme (${size}) räcker inte` }] },
    );
  }

  private sign(fileId: string, expires: number): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`file:${fileId}:${expires}`)
      .digest('base64url');
  }
}
