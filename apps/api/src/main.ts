import 'reflect-metadata';
import './tracing'; // before anything that loads http, express, graphql, pg or ioredis
import { loadConfigOrExit } from '@app/infra';
import { createApp } from './bootstrap';
import { AuthService } from './auth/auth.service';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp();
  await app.get(AuthService).ensurePlatformAdmin();
  await app.listen(config.PORT, '0.0.0.0');
  process.stdout.write(`API listening on http://localhost:${config.PORT}/graphql\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`API failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
