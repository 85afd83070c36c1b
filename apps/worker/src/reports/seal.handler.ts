import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, createFileStorage, FileStorage, JobName, JobPayload } from '@app/infra';
import { sealSigningRequest } from '../signing/seal';
import { JobHandler } from '../common/job-handler';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../common/tokens';

/** When the last signer has signed: the certificate page and the förbund's PAdES seal over the whole file. */
@Injectable()
export class SealSignedDocumentHandler implements JobHandler<JobName.SEAL_SIGNED_DOCUMENT> {
  readonly name = JobName.SEAL_SIGNED_DOCUMENT;
  private readonly storage: FileStorage;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
  ) {
    this.storage = createFileStorage(config, ds);
  }

  handle(p: JobPayload<JobName.SEAL_SIGNED_DOCUMENT>): Promise<string> {
    return sealSigningRequest(this.ds, this.storage, this.config, p.requestId);
  }
}
