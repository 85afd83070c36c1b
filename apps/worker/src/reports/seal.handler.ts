import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  appendAudit,
  createFileStorage,
  FileStorage,
  JobName,
  JobPayload,
  UnitOfWork,
} from '@app/infra';
import { sealSigningRequest } from '../signing/seal';
import { failSealRequest, findSealRequest } from '../signing/seal.store';
import { JobHandler } from '../common/job-handler';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../common/tokens';

/** What the förbundschef reads when the seal failed for good. */
export const SEAL_FAILED_REASON =
  'Förseglingen misslyckades efter flera försök. Underskrifterna finns kvar; försök igen, och kontakta supporten om det inte går.';

/** When the last signer has signed: the certificate page and the förbund's PAdES seal over the whole file. */
@Injectable()
export class SealSignedDocumentHandler implements JobHandler<JobName.SEAL_SIGNED_DOCUMENT> {
  readonly name = JobName.SEAL_SIGNED_DOCUMENT;
  private readonly logger = new Logger(SealSignedDocumentHandler.name);
  private readonly storage: FileStorage;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
  ) {
    this.storage = createFileStorage(config, ds);
  }

  async handle(p: JobPayload<JobName.SEAL_SIGNED_DOCUMENT>, job?: Job): Promise<string> {
    try {
      return await sealSigningRequest(this.ds, this.storage, this.config, p.requestId);
    } catch (e) {
      const final = !job || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.error({ requestId: p.requestId, err: (e as Error).message, final }, 'sealing failed');
      // The last attempt: the request ends SEAL_FAILED with a reason and an audit entry, never SEALING forever.
      if (final) await this.failed(p.requestId, (e as Error).message);
      throw e;
    }
  }

  private async failed(requestId: string, error: string): Promise<void> {
    await new UnitOfWork(this.ds).write(async (tx) => {
      const req = await findSealRequest(tx, requestId);
      if (!req || !(await failSealRequest(tx, requestId, SEAL_FAILED_REASON))) return;
      await appendAudit(tx, {
        organisationId: req.organisation_id,
        actorId: null,
        action: 'signing.seal_failed',
        entityType: 'signing_request',
        entityId: requestId,
        fromState: 'SEALING',
        toState: 'SEAL_FAILED',
        payload: { reason: SEAL_FAILED_REASON, error: error.slice(0, 500) },
      });
    });
  }
}
