import { hostname } from 'node:os';
import { Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { storage as logContext, Store as LogStore } from 'nestjs-pino/storage';
import {
  AppConfig,
  bullQueueDepth,
  inJobSpan,
  JobName,
  loadConfig,
  Metrics,
  openDatabase,
  outboxLagSeconds,
  parseJobPayload,
  QueueName,
  JOB_QUEUE,
  shutdownTracing,
  UnitOfWork,
} from '@app/infra';
import { JOB_HANDLERS, JobHandler, missingHandlers } from './common/job-handler';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from './common/tokens';
import { SendEmailHandler } from './mail/mail.handler';
import { SendInvitationHandler } from './mail/invitation.handler';
import { Mailer } from './mail/mailer';
import { SubmissionReminderHandler } from './mail/reminder.handler';
import { CompileReportHandler } from './reports/compile-report.handler';
import { RenderPool } from './reports/render-pool';
import { SealSignedDocumentHandler } from './reports/seal.handler';
import { SigningReminderHandler } from './mail/signing-reminder.handler';
import { OutboxRelay, RELAY_QUEUES } from './outbox/outbox-relay.service';
import { AuditSequencerLoop } from './audit/audit-sequencer.service';
import { AuditCheckpointHandler } from './audit/audit-checkpoint.handler';

/** Jobs one worker process runs at once per queue: reports as many as it renders at once (one per core). */
const concurrency = (queue: QueueName, renderers: RenderPool): number =>
  queue === QueueName.REPORTS ? renderers.size : 4;

@Module({
  imports: [
    // One log format with the API: pino JSON lines; each job's lines carry its id and name.
    LoggerModule.forRootAsync({
      useFactory: () => ({ pinoHttp: { level: loadConfig().LOG_LEVEL } }),
    }),
  ],
  providers: [
    { provide: WORKER_CONFIG, useFactory: () => loadConfig() },
    {
      provide: Metrics,
      inject: [RELAY_QUEUES, UnitOfWork],
      useFactory: (queues: Map<QueueName, Queue>, uow: UnitOfWork) =>
        new Metrics('worker', {
          queueDepth: bullQueueDepth(queues.values()),
          outboxLag: () => outboxLagSeconds(uow.reader),
        }),
    },
    {
      provide: WORKER_DATA_SOURCE,
      inject: [WORKER_CONFIG],
      useFactory: (c: AppConfig) =>
        openDatabase(c.DATABASE_URL, {
          applicationName: 'samordning-worker',
          poolSize: 10,
          statementTimeoutMs: c.DB_STATEMENT_TIMEOUT_MS,
        }),
    },
    {
      provide: RenderPool,
      inject: [WORKER_CONFIG],
      useFactory: (c: AppConfig) => new RenderPool(c.REPORT_RENDER_CONCURRENCY),
    },
    { provide: UnitOfWork, inject: [WORKER_DATA_SOURCE], useFactory: (ds: DataSource) => new UnitOfWork(ds) },
    {
      provide: RELAY_QUEUES,
      inject: [WORKER_CONFIG],
      useFactory: (c: AppConfig) => {
        // Producer connection: fail fast while Redis is away, so the outbox keeps the job.
        const connection = new IORedis(c.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
        connection.on('error', () => undefined);
        const queues = new Map(Object.values(QueueName).map((q) => [q, new Queue(q, { connection })]));
        (queues as Map<QueueName, Queue> & { connection?: IORedis }).connection = connection;
        return queues;
      },
    },
    Mailer,
    SendEmailHandler,
    SendInvitationHandler,
    SubmissionReminderHandler,
    CompileReportHandler,
    SealSignedDocumentHandler,
    SigningReminderHandler,
    AuditCheckpointHandler,
    {
      provide: JOB_HANDLERS,
      inject: [
        SendEmailHandler,
        SendInvitationHandler,
        SubmissionReminderHandler,
        CompileReportHandler,
        SealSignedDocumentHandler,
        SigningReminderHandler,
        AuditCheckpointHandler,
      ],
      useFactory: (...handlers: JobHandler[]) => handlers,
    },
    OutboxRelay,
    AuditSequencerLoop,
  ],
})
export class WorkerModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private workers: Worker[] = [];
  private connections: IORedis[] = [];

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
    @Inject(RELAY_QUEUES) private readonly queues: Map<QueueName, Queue>,
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    private readonly metrics: Metrics,
    private readonly renderers: RenderPool,
  ) {
    const missing = missingHandlers(handlers);
    if (missing.length)
      throw new Error(`worker refuses to start: no handler for job(s) ${missing.join(', ')}`);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.METRICS_PORT !== undefined) await this.metrics.serve(this.config.METRICS_PORT);
    const byName = new Map(this.handlers.map((h) => [h.name, h]));
    for (const queue of Object.values(QueueName)) {
      if (!Object.values(JobName).some((n) => JOB_QUEUE[n] === queue)) continue;
      const connection = new IORedis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
      connection.on('error', () => undefined);
      this.connections.push(connection);
      const worker = new Worker(
        queue,
        async (job) => {
          const handler = byName.get(job.name as JobName);
          if (!handler) throw new Error(`no handler for job ${job.name}`);
          const payload = parseJobPayload(handler.name, job.data);
          const log = PinoLogger.root?.child({ jobId: job.id, job: job.name, attempt: job.attemptsMade + 1 });
          const run = () =>
            inJobSpan(job, () => this.metrics.timeJob(job.name, () => handler.handle(payload as never, job)));
          return log ? logContext.run(new LogStore(log), run) : run();
        },
        {
          connection,
          // Named after host and process: a job's processedBy tells which instance ran it.
          name: `${hostname()}:${process.pid}`,
          concurrency: concurrency(queue, this.renderers),
          // Rendering runs in threads, so the event loop renews locks on time and a short lock is safe: a
          // worker that dies mid-job hands the job to another within two lock periods (stalled check).
          lockDuration: this.config.JOB_LOCK_MS,
          stalledInterval: this.config.JOB_LOCK_MS,
          maxStalledCount: 3,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn({ jobId: job?.id, err: err.message }, `job ${job?.name} failed`),
      );
      worker.on('error', (err) => this.logger.warn(`worker ${queue}: ${err.message}`));
      this.workers.push(worker);
    }
    this.logger.log(
      `worker started: ${this.workers.length} queue(s), handlers: ${this.handlers.map((h) => h.name).join(', ')}`,
    );
  }

  /** Graceful (SIGTERM): no new jobs are taken, in-flight jobs finish, then threads and connections close. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await this.renderers.close();
    await this.metrics.close();
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    // Connections handed to BullMQ are shared and not closed by it.
    for (const c of [
      ...this.connections,
      (this.queues as Map<QueueName, Queue> & { connection?: IORedis }).connection,
    ])
      c?.disconnect();
    await this.ds.destroy().catch(() => undefined);
    await shutdownTracing();
  }
}
