import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  AppConfig,
  auditCheckpointKey,
  JOB_QUEUE,
  JobName,
  JobPayload,
  organisationsWithAudit,
  QueueName,
  UnitOfWork,
  writeAuditCheckpoint,
} from '@app/infra';
import { JobHandler } from '../common/job-handler';
import { WORKER_CONFIG } from '../common/tokens';
import { RELAY_QUEUES } from '../outbox/outbox-relay.service';

export const CHECKPOINT_EVERY_MS = 3600_000;

/**
 * Signs each förbund's audit chain head (hourly, and after a seal when enqueued with its förbund), so that
 * deleting the newest entries or recomputing the hashes shows in verifyAuditTrail.
 */
@Injectable()
export class AuditCheckpointHandler implements JobHandler<JobName.AUDIT_CHECKPOINT>, OnApplicationBootstrap {
  readonly name = JobName.AUDIT_CHECKPOINT;
  private readonly logger = new Logger(AuditCheckpointHandler.name);
  private readonly key: Buffer;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(WORKER_CONFIG) config: AppConfig,
    @Inject(RELAY_QUEUES) private readonly queues: Map<QueueName, Queue>,
  ) {
    this.key = auditCheckpointKey(config);
  }

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.queues.get(JOB_QUEUE[this.name]);
    try {
      await queue?.upsertJobScheduler(
        'audit-checkpoint-hourly',
        { every: CHECKPOINT_EVERY_MS },
        { name: this.name, data: { reason: 'hourly' } },
      );
    } catch (e) {
      this.logger.warn(`could not schedule the hourly audit checkpoint: ${(e as Error).message}`);
    }
  }

  async handle(p: JobPayload<JobName.AUDIT_CHECKPOINT>): Promise<number> {
    const organisations = p.organisationId
      ? [p.organisationId]
      : await this.uow.read((tx) => organisationsWithAudit(tx));
    let written = 0;
    for (const organisationId of organisations)
      if (await this.uow.write((tx) => writeAuditCheckpoint(tx, organisationId, this.key))) written++;
    return written;
  }
}
