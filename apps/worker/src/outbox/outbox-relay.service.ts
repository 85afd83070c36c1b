import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, parseJobPayload, QueueName } from '@app/infra';
import { WORKER_DATA_SOURCE } from '../common/tokens';

export const RELAY_QUEUES = Symbol('RELAY_QUEUES');

interface OutboxRow {
  id: string;
  queue: QueueName;
  job_name: JobName;
  job_id: string;
  payload: unknown;
  delay_until: Date | null;
}

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

  /** Relays up to 100 pending rows; returns how many went to BullMQ. */
  async relayOnce(): Promise<number> {
    return this.ds.transaction(async (em) => {
      const rows: OutboxRow[] = await em.query(
        'SELECT id, queue, job_name, job_id, payload, delay_until FROM outbox WHERE relayed_at IS NULL ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED',
      );
      const done: string[] = [];
      for (const row of rows) {
        const queue = this.queues.get(row.queue);
        if (!queue) {
          await em.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
            row.id,
            `unknown queue ${row.queue}`,
          ]);
          continue;
        }
        try {
          const data = parseJobPayload(row.job_name, row.payload);
          const delay = row.delay_until ? Math.max(0, new Date(row.delay_until).getTime() - Date.now()) : 0;
          await queue.add(row.job_name, data, {
            jobId: row.job_id,
            delay,
            attempts: 8,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { age: 30 * 24 * 3600 },
            removeOnFail: { age: 90 * 24 * 3600 },
          });
          done.push(row.id);
        } catch (e) {
          await em.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
            row.id,
            (e as Error).message.slice(0, 500),
          ]);
          break; // Redis is likely away; try again on the next tick.
        }
      }
      if (done.length) await em.query('UPDATE outbox SET relayed_at = now() WHERE id = ANY($1)', [done]);
      return done.length;
    });
  }
}
