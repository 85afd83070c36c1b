import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { afterCommitSequencingIdle, SEQUENCE_EVERY_MS, sequenceAllAuditChains } from '@app/infra';
import { WORKER_DATA_SOURCE } from '../common/tokens';

/**
 * The audit sequencer's guarantee: every worker chains every waiting audit entry every SEQUENCE_EVERY_MS (the
 * API's after-commit run is best effort). Runs on PostgreSQL alone, so it goes on while Redis is away; two
 * workers never fork a chain (see libs/infra/src/audit/audit-sequencer.ts).
 */
@Injectable()
export class AuditSequencerLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSequencerLoop.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(@Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource) {}

  onApplicationBootstrap(): void {
    const tick = async () => {
      if (this.stopped) return;
      this.running = sequenceAllAuditChains(this.ds).catch((e: unknown) =>
        this.logger.warn(`audit sequencer: ${(e as Error).message}`),
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, SEQUENCE_EVERY_MS);
    };
    void tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await afterCommitSequencingIdle(this.ds);
  }
}
