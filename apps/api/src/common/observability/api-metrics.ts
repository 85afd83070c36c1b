import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig, Metrics, outboxLagSeconds, UnitOfWork } from '@app/infra';
import { APP_CONFIG } from '../infra/tokens';

/** The API's Prometheus metrics: request latency, outbox lag, the process; served on METRICS_PORT. */
@Injectable()
export class ApiMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly metrics: Metrics;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    uow: UnitOfWork,
  ) {
    this.metrics = new Metrics('api', { outboxLag: () => outboxLagSeconds(uow.reader) });
  }

  /** Express middleware timing every request; the route is one of a few fixed labels, never a raw URL. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const end = this.metrics.httpDuration.startTimer();
      const route = routeOf(req.originalUrl ?? req.url);
      res.on('finish', () =>
        end({
          method: req.method,
          route,
          status: `${Math.floor(res.statusCode / 100)}xx`,
        }),
      );
      next();
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.METRICS_PORT !== undefined) await this.metrics.serve(this.config.METRICS_PORT);
  }

  onApplicationShutdown(): Promise<void> {
    return this.metrics.close();
  }
}

/** Few, fixed labels: GraphQL, files, health, NNS, or the web app. */
function routeOf(path: string): string {
  for (const p of ['/graphql', '/files', '/health', '/nns']) if (path.startsWith(p)) return p;
  return 'web';
}
