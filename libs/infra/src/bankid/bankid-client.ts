import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

export interface BankIdSignRequest {
  endUserIp: string;
  /** Shown to the user in the app (plain text here; sent base64 encoded). */
  userVisibleData: string;
  /** Not shown; binds the signature to the document (its SHA-256). */
  userNonVisibleData: string;
}

export interface BankIdOrder {
  orderRef: string;
  autoStartToken: string;
  qrStartToken: string;
  qrStartSecret: string;
}

export interface BankIdCollect {
  orderRef: string;
  status: 'pending' | 'failed' | 'complete';
  hintCode?: string;
  completionData?: {
    user: { personalNumber: string; name: string; givenName: string; surname: string };
    signature: string;
    ocspResponse: string;
  };
}

/** Hint codes as the user should read them (BankID's recommended Swedish texts, shortened). */
export const BANKID_HINTS: Record<string, string> = {
  outstandingTransaction: 'Starta BankID-appen och skanna QR-koden.',
  noClient: 'Starta BankID-appen.',
  started: 'Söker efter BankID, det kan ta en liten stund …',
  userMrtd: 'Läs av din ID-handling i BankID-appen.',
  userCallConfirm: 'Bekräfta samtalet i BankID-appen.',
  userSign: 'Skriv in din säkerhetskod i BankID-appen och välj Skriv under.',
  expiredTransaction: 'BankID-appen svarade inte i tid. Försök igen.',
  certificateErr: 'Ditt BankID är för gammalt eller spärrat. Skaffa ett nytt BankID hos din bank.',
  userCancel: 'Åtgärden avbröts.',
  cancelled: 'Åtgärden avbröts. Försök igen.',
  startFailed:
    'BankID-appen verkar inte finnas i din dator eller telefon. Installera den och skaffa ett BankID hos din bank.',
  unknown: 'Internt tekniskt fel. Försök igen.',
};

/**
 * BankID RP API v6 client (sign, collect, cancel), mutual TLS with the RP certificate. The animated QR code is
 * computed here, server-side, from qrStartSecret: "bankid.<qrStartToken>.<seconds>.<HMAC-SHA256>".
 */
export class BankIdClient {
  private readonly agent: https.Agent | undefined;

  constructor(
    private readonly opts: { baseUrl: string; pfxPath?: string; pfxPassphrase?: string; caPath?: string },
  ) {
    this.agent = opts.baseUrl.startsWith('https:')
      ? new https.Agent({
          pfx: opts.pfxPath ? readFileSync(opts.pfxPath) : undefined,
          passphrase: opts.pfxPassphrase,
          ca: opts.caPath ? readFileSync(opts.caPath) : undefined,
          keepAlive: true,
        })
      : undefined;
  }

  static qrData(
    order: Pick<BankIdOrder, 'qrStartToken' | 'qrStartSecret'>,
    secondsSinceStart: number,
  ): string {
    const t = Math.max(0, Math.floor(secondsSinceStart));
    const auth = createHmac('sha256', order.qrStartSecret).update(String(t)).digest('hex');
    return `bankid.${order.qrStartToken}.${t}.${auth}`;
  }

  sign(r: BankIdSignRequest): Promise<BankIdOrder> {
    return this.post('/sign', {
      endUserIp: r.endUserIp,
      userVisibleData: Buffer.from(r.userVisibleData, 'utf8').toString('base64'),
      userVisibleDataFormat: 'simpleMarkdownV1',
      userNonVisibleData: Buffer.from(r.userNonVisibleData, 'utf8').toString('base64'),
    });
  }

  collect(orderRef: string): Promise<BankIdCollect> {
    return this.post('/collect', { orderRef });
  }

  cancel(orderRef: string): Promise<Record<string, never>> {
    return this.post('/cancel', { orderRef });
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    const url = new URL(this.opts.baseUrl.replace(/\/$/, '') + path);
    const payload = JSON.stringify(body);
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise<T>((resolve, reject) => {
      const req = lib.request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
          timeout: 10000,
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => {
            const text = Buffer.concat(parts).toString('utf8');
            const json = text ? JSON.parse(text) : {};
            if ((res.statusCode ?? 500) >= 400)
              reject(new BankIdError(json.errorCode ?? `http_${res.statusCode}`, json.details ?? text));
            else resolve(json as T);
          });
        },
      );
      req.on('timeout', () => req.destroy(new BankIdError('timeout', 'BankID did not answer in time')));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

export class BankIdError extends Error {
  constructor(
    readonly errorCode: string,
    details: string,
  ) {
    super(`BankID ${errorCode}: ${details}`);
  }
}
