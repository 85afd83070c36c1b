import 'reflect-metadata';
import './tracing'; // before anything that loads http, express, graphql, pg or ioredis
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@app/infra';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    abortOnError: false,
    bufferLogs: true,
  });
  // pino JSON lines, the API's format; LOG_LEVEL=silent silences it.
  app.useLogger(config.LOG_LEVEL === 'silent' ? false : app.get(Logger));
  app.enableShutdownHooks();
  process.stdout.write('Worker running\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`Worker failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
