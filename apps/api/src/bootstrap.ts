import { INestApplication } from '@nestjs/common';
import compression from 'compression';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@app/infra';
import { AppModule } from './app.module';
import { APP_CONFIG } from './common/infra/tokens';
import { capWebSocketPayload } from './common/graphql/ws-limits';
import { ApiMetrics } from './common/observability/api-metrics';

/** Builds the API application (used by main.ts, the demo and the tests). */
export async function createApp(opts: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(opts.logger === false ? false : app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(app.get(ApiMetrics).middleware());
  // Text answers (the web app's scripts and styles, GraphQL JSON) go out compressed when the client accepts it.
  app.use(compression());
  app.enableShutdownHooks();
  await app.init();
  capWebSocketPayload(app, app.get<AppConfig>(APP_CONFIG).GRAPHQL_WS_MAX_PAYLOAD);
  return app;
}
