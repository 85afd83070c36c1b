import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  subject: string;
  raw: string;
  /** The plain-text part (quoted-printable or base64 decoded). */
  text: string;
  /** The HTML part, or null for a text-only mail. */
  html: string | null;
}

/** A local SMTP receiver: the worker sends real SMTP, the test reads what arrived. */
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  private server: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, cb) => {
        const parts: Buffer[] = [];
        stream.on('data', (c: Buffer) => parts.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(parts).toString('utf8');
          const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
          this.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: decodeMime(subjectLine.replace(/\r?\n[ \t]/g, ' ')),
            raw,
            ...bodyParts(raw),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as { port: number }).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Waits until `predicate` holds for the received mail (or gives up after `ms`). */
  async waitFor(predicate: (mails: CaughtMail[]) => boolean, ms = 30000): Promise<CaughtMail[]> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (predicate(this.mails)) return this.mails;
      await new Promise((r) => setTimeout(r, 100));
    }
    return this.mails;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The text and HTML parts of a mail (single-part text, or multipart/alternative as nodemailer sends it). */
function bodyParts(raw: string): { text: string; html: string | null } {
  const head = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
  const boundary = /^Content-Type:\s*multipart\/[^\r\n]*boundary="?([^";\r\n]+)"?/im.exec(head)?.[1];
  if (!boundary) return { text: decodeBody(raw), html: null };
  const parts = raw.split(`--${boundary}`).slice(1, -1);
  const typed = (type: string) => {
    const part = parts.find((x) => new RegExp(`^Content-Type:\\s*${type}`, 'im').test(x));
    return part === undefined ? null : decodeBody(part.replace(/^\r?\n/, ''));
  };
  return { text: typed('text/plain') ?? '', html: typed('text/html') };
}

/** The body of a single-part mail, its transfer encoding undone. */
function decodeBody(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? /^[0-9A-F]{2}/i.exec(soft.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=). */
function decodeMime(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
