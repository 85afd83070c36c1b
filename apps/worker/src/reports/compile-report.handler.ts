import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, createFileStorage, FileStorage, JobName, JobPayload } from '@app/infra';
import { compileReport, ReportTimedOut } from './compile-report';
import { failReport } from './fail-report';
import { RenderPool } from './render-pool';
import { JobHandler } from '../common/job-handler';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../common/tokens';

/** The longest one compilation may run; the queue is shared by every förbund. */
export const REPORT_JOB_TIME_LIMIT_MS = 10 * 60_000;

const FAILED_REASON = 'Sammanställningen misslyckades; försök igen eller kontakta supporten.';
const TIMED_OUT_REASON = `Sammanställningen tog för lång tid (mer än ${REPORT_JOB_TIME_LIMIT_MS / 60_000} minuter) och avbröts; kontrollera bilagorna och försök igen.`;

/** Compiles a report version; progress goes to the report row (and so to the API's subscribers). */
@Injectable()
export class CompileReportHandler implements JobHandler<JobName.COMPILE_REPORT> {
  readonly name = JobName.COMPILE_REPORT;
  private readonly logger = new Logger(CompileReportHandler.name);
  private readonly storage: FileStorage;
  /** The job's time limit (a property, so a test can shorten it). */
  timeLimitMs = REPORT_JOB_TIME_LIMIT_MS;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) config: AppConfig,
    /** The worker's rendering threads (a test constructing the handler may leave them to the shared pool). */
    private readonly renderers?: RenderPool,
  ) {
    this.storage = createFileStorage(config, ds);
  }

  async handle(p: JobPayload<JobName.COMPILE_REPORT>, job: Job): Promise<string> {
    try {
      const result = await compileReport(
        this.ds,
        this.storage,
        p.reportId,
        async (progress) => {
          await job.updateProgress(progress);
        },
        { deadline: Date.now() + this.timeLimitMs, renderer: this.renderers },
      );
      this.logger.log({ reportId: p.reportId, result }, 'report compiled');
      return result;
    } catch (e) {
      const timedOut = e instanceof ReportTimedOut;
      const final = timedOut || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.error(
        { reportId: p.reportId, err: (e as Error).message, final },
        timedOut ? 'report compilation ran past its time limit' : 'report compilation failed',
      );
      // The last attempt (or past the time limit, which a retry would only repeat): the report ends FAILED
      // with a reason and an audit entry, never stays RUNNING.
      if (final) await failReport(this.ds, p.reportId, timedOut ? TIMED_OUT_REASON : FAILED_REASON);
      if (timedOut) throw new UnrecoverableError((e as Error).message);
      throw e;
    }
  }
}
