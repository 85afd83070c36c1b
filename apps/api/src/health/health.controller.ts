import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import Redis from 'ioredis';
import { Public } from '../common/access/access.decorators';
import { DATA_SOURCE, REDIS } from '../common/infra/tokens';
import { ping } from './health.store';

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

/**
 * Liveness and readiness for the load balancer and the orchestrator. Only PostgreSQL decides readiness:
 * with Redis away the outbox keeps every job until it is back, and live updates pause, so taking every API
 * instance out of rotation would turn a degraded platform into a dead one.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The process answers (restart it when this fails); no dependency is asked. */
  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** May take traffic: PostgreSQL answers. Redis is reported, and "degraded" when it is away. */
  @Public()
  @Get('ready')
  ready(@Res() res: Response): Promise<void> {
    return this.health(res);
  }

  /** The same as /health/ready (kept for the load balancers configured with it). */
  @Public()
  @Get()
  async health(@Res() res: Response): Promise<void> {
    const [pg, redis] = await Promise.all([
      withTimeout(ping(this.ds.manager), 2000).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      withTimeout(this.redis.ping(), 2000).then(
        (r) => (r === 'PONG' ? ('up' as const) : ('down' as const)),
        () => 'down' as const,
      ),
    ]);
    const ready = pg === 'up';
    const status = !ready ? 'unavailable' : redis === 'up' ? 'ok' : 'degraded';
    res.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status, postgres: pg, redis });
  }
}
