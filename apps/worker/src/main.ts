import 'reflect-metadata';
import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@app/infra';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const wanted = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5, silent: -1 }[config.LOG_LEVEL];
  // Structured JSON lines, like the API's.
  const logger = new ConsoleLogger({ json: true, logLevels: order.slice(0, wanted + 1) });
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    abortOnError: false,
    logger: wanted < 0 ? false : logger,
  });
  app.enableShutdownHooks();
  process.stdout.write('Worker running\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`Worker failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
