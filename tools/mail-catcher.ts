import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP receiver for the demo: every mail the worker sends is written to .data/mail/ as an .eml file
 * and announced on one line, so nobody's real inbox is touched.
 */
const port = Number(process.env.MAIL_CATCHER_PORT ?? 2525);
const dir = process.env.MAIL_CATCHER_DIR ?? join(process.cwd(), '.data', 'mail');
mkdirSync(dir, { recursive: true });
let n = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, cb) {
    const parts: Buffer[] = [];
    stream.on('data', (c: Buffer) => parts.push(c));
    stream.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8');
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++n}.eml`);
      writeFileSync(file, raw);
      const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
      process.stdout.write(`[e-post] till ${to} → ${file}\n`);
      cb();
    });
  },
});
server.listen(port, '127.0.0.1', () =>
  process.stdout.write(`[e-post] tar emot SMTP på 127.0.0.1:${port}, sparar i ${dir}\n`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
