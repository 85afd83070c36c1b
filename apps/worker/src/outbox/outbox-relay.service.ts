import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  jobOptions,
  lockPendingOutboxRows,
  markOutboxFailed,
  markOutboxRelayed,
  parseJobPayload,
  QueueName,
} from '@app/infra';
import { WORKER_DATA_SOURCE } from '../common/tokens';

export const RELAY_QUEUES = Symbol('RELAY_QUEUES');

/**
 * Moves committed outbox rows to BullMQ. The job id is deterministic, so a row relayed twice (crash between
 * add and mark) is still one job; while Redis is down rows wait here, never lost.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(RELAY_QUEUES) private readonly queues: Map<QueueName, Queue>,
  ) {}

  onApplicationBootstrap(): void {
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.relayOnce().catch((e: unknown) =>
        this.logger.warn(`outbox relay: ${(e as Error).message}`),
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, 250);
    };
    void tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Relays up to 100 pending rows; returns how many went to BullMQ. A row that fails (a payload that no
   * longer fits its schema, an unknown queue, a queue add that throws) is marked with its error and the
   * others go on; only after several adds in a row fail (Redis is likely away) does the tick stop early.
   */
  async relayOnce(): Promise<number> {
    return this.ds.transaction(async (em) => {
      const rows = await lockPendingOutboxRows(em, 100);
      const done: string[] = [];
      let addFailuresInARow = 0;
      for (const row of rows) {
        const queue = this.queues.get(row.queue);
        if (!queue) {
          await markOutboxFailed(em, row.id, `unknown queue ${row.queue}`);
          continue;
        }
        let data: unknown;
        try {
          data = parseJobPayload(row.job_name, row.payload);
        } catch (e) {
          this.logger.error(
            `outbox row ${row.id} (${row.job_name}) has a bad payload: ${(e as Error).message}`,
          );
          await markOutboxFailed(em, row.id, (e as Error).message);
          continue;
        }
        try {
          const delay = row.delay_until ? Math.max(0, new Date(row.delay_until).getTime() - Date.now()) : 0;
          await queue.add(row.job_name, data, jobOptions(row.job_name, row.job_id, delay));
          done.push(row.id);
          addFailuresInARow = 0;
        } catch (e) {
          await markOutboxFailed(em, row.id, (e as Error).message);
          if (++addFailuresInARow >= OutboxRelay.MAX_ADD_FAILURES_PER_TICK) break;
        }
      }
      await markOutboxRelayed(em, done);
      return done.length;
    });
  }

  /** Consecutive failed adds after which a tick gives up (Redis is likely away; try again next tick). */
  static readonly MAX_ADD_FAILURES_PER_TICK = 3;
}
