import { Injectable } from '@nestjs/common';
import { Principal } from '@app/domain';
import { UnitOfWork } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { SigningError } from '../common/errors/error-codes';
import { FilesService } from '../files/files.service';
import { scanForSeal, VERIFY_MAX_BYTES } from './seal-scan';
import * as store from './signing.store';
import { DocumentVerificationType } from './signing.types';

/** Is an uploaded PDF a sealed version from the platform, and unaltered? */
@Injectable()
export class VerificationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly files: FilesService,
  ) {}

  /** Only for a file the caller uploaded or may read; the content is streamed and capped. */
  async verify(p: Principal, fileId: string): Promise<DocumentVerificationType> {
    const file = await this.files.get(fileId);
    const mine = file ? await this.uow.read((tx) => store.uploadedBy(tx, file.id, p.personId)) : false;
    if (!file || !(mine || this.files.canRead(p, file)))
      throw new AppError(SigningError.NOT_FOUND, 'Filen finns inte; ladda upp den först.');
    // Whoever holds a sealed PDF may verify it, whichever förbund sealed it: the seal is looked up across förbund.
    const sealed = await this.uow.platform('verifyDocument: a sealed PDF of any förbund', async (tx) => {
      const req = await store.completedBySealedHash(tx, file.sha256);
      return req ? { req, signers: await store.sealedSigners(tx, req.id) } : null;
    });
    if (sealed)
      return { sealed: true, unaltered: true, reportId: sealed.req.report_id, signers: sealed.signers };
    // Not byte for byte a sealed file: does it still carry our seal (then it was altered)?
    const found = await scanForSeal(this.files.open(file), file.size);
    if (found === 'TOO_LARGE')
      throw new AppError(
        SigningError.REASON_REQUIRED,
        `Filen är för stor för att kontrolleras (högst ${VERIFY_MAX_BYTES / 1024 / 1024} MB). Ladda upp den förseglade PDF:en som den laddades ned.`,
      );
    return { sealed: found !== null, unaltered: false, reportId: found, signers: [] };
  }
}
