import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';

interface Order {
  orderRef: string;
  request: {
    endUserIp: string;
    userVisibleData: string;
    userNonVisibleData: string;
    userVisibleDataFormat?: string;
  };
  state: 'outstanding' | 'userSign' | 'complete' | 'failed';
  hintCode: string;
  user?: { personalNumber: string; name: string };
}

/**
 * FAKE BankID RP API v6 (sign, collect, cancel), for tests only: BankID's test service cannot be reached from
 * here. It checks requests as the real one does (base64 fields, endUserIp, orderRef) and answers in its format;
 * the test plays the user's app with `scan` and `approve`.
 */
export class FakeBankIdRpApi {
  readonly orders = new Map<string, Order>();
  private server: http.Server;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/rp/v6.0`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        let body: Record<string, string>;
        try {
          body = JSON.parse(Buffer.concat(parts).toString('utf8'));
        } catch {
          return send(400, { errorCode: 'invalidParameters', details: 'Invalid JSON' });
        }
        const b64 = /^[A-Za-z0-9+/]+=*$/;
        if (req.url === '/rp/v6.0/sign') {
          if (
            !body.endUserIp ||
            !b64.test(body.userVisibleData ?? '') ||
            !b64.test(body.userNonVisibleData ?? '')
          ) {
            return send(400, {
              errorCode: 'invalidParameters',
              details: 'endUserIp, userVisibleData and userNonVisibleData required (base64)',
            });
          }
          const orderRef = randomUUID();
          this.orders.set(orderRef, {
            orderRef,
            request: body as Order['request'],
            state: 'outstanding',
            hintCode: 'outstandingTransaction',
          });
          return send(200, {
            orderRef,
            autoStartToken: randomUUID(),
            qrStartToken: randomUUID(),
            qrStartSecret: randomUUID(),
          });
        }
        const order = this.orders.get(body.orderRef);
        if (!order) return send(400, { errorCode: 'invalidParameters', details: 'No such order' });
        if (req.url === '/rp/v6.0/collect') {
          if (order.state === 'complete') {
            return send(200, {
              orderRef: order.orderRef,
              status: 'complete',
              completionData: {
                user: {
                  personalNumber: order.user!.personalNumber,
                  name: order.user!.name,
                  givenName: order.user!.name.split(' ')[0],
                  surname: order.user!.name.split(' ').slice(1).join(' '),
                },
                device: { ipAddress: order.request.endUserIp, uhi: 'fake' },
                bankIdIssueDate: '2024-01-01',
                signature: randomBytes(64).toString('base64'),
                ocspResponse: randomBytes(64).toString('base64'),
              },
            });
          }
          return send(200, {
            orderRef: order.orderRef,
            status: order.state === 'failed' ? 'failed' : 'pending',
            hintCode: order.hintCode,
          });
        }
        if (req.url === '/rp/v6.0/cancel') {
          order.state = 'failed';
          order.hintCode = 'cancelled';
          return send(200, {});
        }
        return send(404, { errorCode: 'notFound', details: req.url });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** The user scans the QR code: the app now asks for the security code. */
  scan(orderRef: string): void {
    const o = this.orders.get(orderRef)!;
    o.state = 'userSign';
    o.hintCode = 'userSign';
  }

  /** The user approves in the app as the given person. */
  approve(orderRef: string, user: { personalNumber: string; name: string }): void {
    const o = this.orders.get(orderRef)!;
    o.state = 'complete';
    o.user = user;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
