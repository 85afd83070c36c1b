import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, compileReport, JobName, JobPayload, LocalDiskStorage } from '@app/infra';
import { JobHandler } from '../common/job-handler';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../common/tokens';

/** Compiles a report version; progress goes to the report row (and so to the API's subscribers). */
@Injectable()
export class CompileReportHandler implements JobHandler<JobName.COMPILE_REPORT> {
  readonly name = JobName.COMPILE_REPORT;
  private readonly logger = new Logger(CompileReportHandler.name);
  private readonly storage: LocalDiskStorage;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) config: AppConfig,
  ) {
    this.storage = new LocalDiskStorage(config.FILE_STORAGE_DIR);
  }

  async handle(p: JobPayload<JobName.COMPILE_REPORT>, job: Job): Promise<string> {
    try {
      const result = await compileReport(this.ds, this.storage, p.reportId, async (progress) => {
        await job.updateProgress(progress);
      });
      this.logger.log({ reportId: p.reportId, result }, 'report compiled');
      return result;
    } catch (e) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.error({ reportId: p.reportId, err: (e as Error).message }, 'report compilation failed');
      if (final) {
        await this.ds.query(
          `UPDATE report SET status = 'FAILED', error = $2, stage = 'Misslyckades', updated_at = now() WHERE id = $1 AND status <> 'READY'`,
          [p.reportId, 'Sammanställningen misslyckades; försök igen eller kontakta supporten.'],
        );
      }
      throw e;
    }
  }
}
