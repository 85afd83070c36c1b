import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@app/domain';
import { AppConfig, appendAudit, BANKID_HINTS, BankIdClient, UnitOfWork } from '@app/infra';
import { APP_CONFIG } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { SigningError } from '../common/errors/error-codes';
import { SignaturesService } from './signatures.service';
import { SigningRequestsService } from './signing-requests.service';
import * as store from './signing.store';
import { BankIdOrderRow } from './signing.store';
import { BankIdStartType, BankIdStatusType } from './signing.types';

/**
 * BankID signatures through the RP API: the app shows what is signed and signs the document's hash. Orders are
 * audited when started and completed, and the completion data (signature, OCSP response) is kept as evidence.
 */
@Injectable()
export class BankIdService {
  private readonly client: BankIdClient | null;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly requests: SigningRequestsService,
    private readonly signatures: SignaturesService,
  ) {
    this.client = config.BANKID_URL
      ? new BankIdClient({
          baseUrl: config.BANKID_URL,
          pfxPath: config.BANKID_PFX_PATH,
          pfxPassphrase: config.BANKID_PFX_PASSPHRASE,
          caPath: config.BANKID_CA_PATH,
        })
      : null;
  }

  private bankId(): BankIdClient {
    if (!this.client)
      throw new AppError(
        SigningError.BANKID_UNAVAILABLE,
        'BankID är inte inställt på den här installationen; använd lösenord och engångskod.',
      );
    return this.client;
  }

  /** Starts a BankID signature: the app shows what is signed, and the document's hash is signed with it. */
  async start(p: Principal, requestId: string, endUserIp: string): Promise<BankIdStartType> {
    const client = this.bankId();
    const r = await this.uow.read((tx) => this.requests.request(tx, requestId));
    await this.signatures.mayStart(p, r);
    if (!(await this.uow.read((tx) => store.personalNumber(tx, p.personId, r.organisation_id))))
      throw new AppError(
        SigningError.BANKID_UNAVAILABLE,
        'Inget personnummer är registrerat för dig; be kansliet lägga in det, eller använd lösenord och engångskod.',
      );
    const info = await this.uow.read((tx) => store.documentTitleInfo(tx, requestId));
    const title = `${info.kind === 'ARSREDOVISNING' ? 'Årsredovisning' : 'Delårsrapport'} ${info.year} (version ${info.version})`;
    const order = await client.sign({
      endUserIp,
      userVisibleData: `Jag undertecknar ${title} för ${info.name}.\n\nDokumentets SHA-256: ${r.document_sha256}`,
      userNonVisibleData: r.document_sha256,
    });
    await this.uow.write(async (tx) => {
      await store.insertBankIdOrder(tx, {
        orderRef: order.orderRef,
        requestId,
        personId: p.personId,
        qrStartToken: order.qrStartToken,
        qrStartSecret: order.qrStartSecret,
      });
      await appendAudit(tx, {
        organisationId: r.organisation_id,
        actorId: p.personId,
        action: 'bankid.order_started',
        entityType: 'signing_request',
        entityId: r.id,
        payload: { orderRef: order.orderRef },
        documentHash: r.document_sha256,
      });
    });
    return {
      orderRef: order.orderRef,
      autoStartToken: order.autoStartToken,
      qrData: BankIdClient.qrData(order, 0),
    };
  }

  private async order(p: Principal, orderRef: string): Promise<BankIdOrderRow> {
    const o = await this.uow.read((tx) => store.bankIdOrder(tx, orderRef, p.personId));
    if (!o) throw new AppError(SigningError.NOT_FOUND, 'BankID-ordern finns inte.');
    return o;
  }

  /** The animated QR code's current content, computed on the server (the secret never leaves it). */
  async qr(p: Principal, orderRef: string): Promise<string> {
    const o = await this.order(p, orderRef);
    return BankIdClient.qrData(
      { qrStartToken: o.qr_start_token, qrStartSecret: o.qr_start_secret },
      Number(o.age),
    );
  }

  async collect(p: Principal, orderRef: string): Promise<BankIdStatusType> {
    const client = this.bankId();
    const o = await this.order(p, orderRef);
    const c = await client.collect(orderRef);
    await this.uow.write((tx) => store.setBankIdHint(tx, orderRef, c.hintCode ?? null));
    if (c.status === 'pending')
      return {
        status: 'pending',
        hintCode: c.hintCode ?? null,
        message: BANKID_HINTS[c.hintCode ?? 'outstandingTransaction'] ?? BANKID_HINTS.outstandingTransaction,
        signingRequest: null,
      };
    const r = await this.uow.read((tx) => this.requests.request(tx, o.request_id));
    if (c.status === 'failed') {
      await this.uow.write((tx) => store.finishBankIdOrder(tx, orderRef, 'failed'));
      return {
        status: 'failed',
        hintCode: c.hintCode ?? null,
        message: BANKID_HINTS[c.hintCode ?? 'unknown'] ?? BANKID_HINTS.unknown,
        signingRequest: null,
      };
    }
    const personalNumber = await this.uow.read((tx) =>
      store.personalNumber(tx, p.personId, r.organisation_id),
    );
    if (c.completionData?.user.personalNumber !== personalNumber) {
      return this.signatures.refuse(
        r,
        p.personId,
        'BANKID_OTHER_PERSON',
        'BankID-legitimationen gällde en annan person än den inloggade.',
        SigningError.BAD_CREDENTIALS,
      );
    }
    const evidence = {
      signature: c.completionData.signature,
      ocspResponse: c.completionData.ocspResponse,
      completionData: c.completionData,
    };
    const signed = await this.signatures.sign(p, r, 'BANKID', async (tx) => {
      if (!(await store.finishBankIdOrder(tx, orderRef, 'complete', evidence))) return false;
      await appendAudit(tx, {
        organisationId: r.organisation_id,
        actorId: p.personId,
        action: 'bankid.order_completed',
        entityType: 'signing_request',
        entityId: r.id,
        payload: { orderRef },
        documentHash: r.document_sha256,
      });
      return true;
    });
    return { status: 'complete', hintCode: null, message: 'Underskriften är klar.', signingRequest: signed };
  }

  async cancel(p: Principal, orderRef: string): Promise<boolean> {
    await this.order(p, orderRef);
    await this.bankId().cancel(orderRef);
    await this.uow.write((tx) => store.finishBankIdOrder(tx, orderRef, 'cancelled'));
    return true;
  }
}
