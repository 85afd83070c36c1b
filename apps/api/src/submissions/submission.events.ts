import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import type { AppConfig } from '@app/infra';
import { APP_CONFIG } from '../common/infra/tokens';

export const SUBMISSION_CHANGED = 'samordning:submissionChanged';

/**
 * Live updates for subscriptions (saved, commented, transitioned), through Redis pub/sub: a change made on
 * one API instance reaches a subscriber connected to any other. The message carries ids only; each
 * subscriber's instance reloads the submission under that subscriber's own authorisation.
 */
@Injectable()
export class SubmissionEvents implements OnApplicationShutdown {
  readonly pubsub: RedisPubSub;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Pub/sub needs connections of its own: a subscribed connection can do nothing else.
    const connect = () => new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
    this.pubsub = new RedisPubSub({ publisher: connect(), subscriber: quietUnsubscribe(connect()) });
  }

  publish(submissionId: string, organisationId: string): void {
    // Best effort: the change is committed; a lost live update only means a subscriber reloads later.
    this.pubsub.publish(SUBMISSION_CHANGED, { submissionId, organisationId }).catch(() => undefined);
  }

  /** After the HTTP and WebSocket servers closed, so no subscription is still being torn down. */
  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close().catch(() => undefined);
  }
}

/**
 * graphql-redis-subscriptions calls `unsubscribe`/`punsubscribe` without handling their promises; a
 * subscription ended while the instance shuts down would become an unhandled rejection. Its end is not
 * worth an error: the connection is closing anyway.
 */
function quietUnsubscribe(redis: Redis): Redis {
  for (const m of ['unsubscribe', 'punsubscribe'] as const) {
    const original = redis[m].bind(redis) as (...args: unknown[]) => Promise<unknown>;
    (redis as unknown as Record<string, unknown>)[m] = (...args: unknown[]) =>
      original(...args).catch(() => undefined);
  }
  return redis;
}
