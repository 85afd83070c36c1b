import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, appendAudit, createFileStorage, FileStorage, JobName, JobPayload } from '@app/infra';
import { markReportFailed } from './report.store';
import { compileReport } from './compile-report';
import { JobHandler } from '../common/job-handler';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../common/tokens';

/** Compiles a report version; progress goes to the report row (and so to the API's subscribers). */
@Injectable()
export class CompileReportHandler implements JobHandler<JobName.COMPILE_REPORT> {
  readonly name = JobName.COMPILE_REPORT;
  private readonly logger = new Logger(CompileReportHandler.name);
  private readonly storage: FileStorage;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) config: AppConfig,
  ) {
    this.storage = createFileStorage(config, ds);
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
        // The last attempt: the report ends FAILED with a reason and an audit entry, never stays RUNNING.
        const reason = 'Sammanställningen misslyckades; försök igen eller kontakta supporten.';
        await this.ds.transaction(async (em) => {
          const failed = await markReportFailed(em, p.reportId, reason, 'Misslyckades');
          if (!failed) return;
          await appendAudit(em, {
            organisationId: failed.organisation_id,
            actorId: failed.requested_by,
            action: 'report.failed',
            entityType: 'report',
            entityId: p.reportId,
            fromState: failed.from_status,
            toState: 'FAILED',
            payload: { reason },
          });
        });
      }
      throw e;
    }
  }
}
