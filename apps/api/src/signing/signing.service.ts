import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  decideSign,
  groupFor,
  nextGroup,
  OrderMode,
  Principal,
  REFUSAL_MESSAGE,
  RequestStatus,
  rolesIn,
  Role,
  SignerView,
  AuditAction,
} from '@app/domain';
import {
  AppConfig,
  appendAudit,
  BANKID_HINTS,
  BankIdClient,
  enqueueJob,
  JobName,
  returningRows,
} from '@app/infra';
import { APP_CONFIG, DATA_SOURCE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { SigningError } from '../common/errors/error-codes';
import { FilesService } from '../files/files.service';
import { PasskeyService } from '../auth/factors/passkey.service';
import { FactorAttempts } from '../auth/factors/factor-attempts';
import { checkPasswordAndCode } from '../auth/factors/totp-check';
import { scanForSeal } from './seal-scan';
import {
  BankIdStartType,
  BankIdStatusType,
  DocumentVerificationType,
  SigningOrder,
  SigningRequestType,
} from './signing.types';

interface RequestRow {
  id: string;
  organisation_id: string;
  report_id: string;
  status: RequestStatus;
  order_mode: OrderMode;
  expires_at: Date;
  document_sha256: string;
  sealed_file_id: string | null;
}

/**
 * Signing requests on a report version: the board and the revisorer sign (here with password + one-time code),
 * each step audited; the last signature queues the sealing.
 */
@Injectable()
export class SigningService {
  private readonly bankId: BankIdClient | null;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly files: FilesService,
    private readonly passkeys: PasskeyService,
    private readonly attempts: FactorAttempts,
  ) {
    this.bankId = config.BANKID_URL
      ? new BankIdClient({
          baseUrl: config.BANKID_URL,
          pfxPath: config.BANKID_PFX_PATH,
          pfxPassphrase: config.BANKID_PFX_PASSPHRASE,
          caPath: config.BANKID_CA_PATH,
        })
      : null;
  }

  private bankIdClient(): BankIdClient {
    if (!this.bankId)
      throw new AppError(
        SigningError.BANKID_UNAVAILABLE,
        'BankID är inte inställt på den här installationen; använd lösenord och engångskod.',
      );
    return this.bankId;
  }

  /** Starts a BankID signature: the app shows what is signed, and the document's hash is signed with it. */
  async startBankId(p: Principal, requestId: string, endUserIp: string): Promise<BankIdStartType> {
    const client = this.bankIdClient();
    const r = await this.request(this.ds, requestId);
    await this.mayStart(p, r);
    const [person] = await this.ds.query('SELECT personal_number FROM person WHERE id = $1', [p.personId]);
    if (!person.personal_number)
      throw new AppError(
        SigningError.BANKID_UNAVAILABLE,
        'Inget personnummer är registrerat för dig; be kansliet lägga in det, eller använd lösenord och engångskod.',
      );
    const [info] = await this.ds.query(
      `SELECT o.name, rep.kind, rep.year, rep.version FROM signing_request r JOIN organisation o ON o.id = r.organisation_id JOIN report rep ON rep.id = r.report_id WHERE r.id = $1`,
      [requestId],
    );
    const title = `${info.kind === 'ARSREDOVISNING' ? 'Årsredovisning' : 'Delårsrapport'} ${info.year} (version ${info.version})`;
    const order = await client.sign({
      endUserIp,
      userVisibleData: `Jag undertecknar ${title} för ${info.name}.\n\nDokumentets SHA-256: ${r.document_sha256}`,
      userNonVisibleData: r.document_sha256,
    });
    await this.ds.query(
      'INSERT INTO bankid_order (order_ref, request_id, person_id, qr_start_token, qr_start_secret) VALUES ($1,$2,$3,$4,$5)',
      [order.orderRef, requestId, p.personId, order.qrStartToken, order.qrStartSecret],
    );
    return {
      orderRef: order.orderRef,
      autoStartToken: order.autoStartToken,
      qrData: BankIdClient.qrData(order, 0),
    };
  }

  private async order(p: Principal, orderRef: string) {
    const [o] = await this.ds.query(
      'SELECT *, extract(epoch FROM now() - started_at) AS age FROM bankid_order WHERE order_ref = $1 AND person_id = $2',
      [orderRef, p.personId],
    );
    if (!o) throw new AppError(SigningError.NOT_FOUND, 'BankID-ordern finns inte.');
    return o;
  }

  /** The animated QR code's current content, computed on the server (the secret never leaves it). */
  async bankIdQr(p: Principal, orderRef: string): Promise<string> {
    const o = await this.order(p, orderRef);
    return BankIdClient.qrData(
      { qrStartToken: o.qr_start_token, qrStartSecret: o.qr_start_secret },
      Number(o.age),
    );
  }

  async collectBankId(p: Principal, orderRef: string): Promise<BankIdStatusType> {
    const client = this.bankIdClient();
    const o = await this.order(p, orderRef);
    const c = await client.collect(orderRef);
    await this.ds.query('UPDATE bankid_order SET hint_code = $2 WHERE order_ref = $1', [
      orderRef,
      c.hintCode ?? null,
    ]);
    if (c.status === 'pending')
      return {
        status: 'pending',
        hintCode: c.hintCode ?? null,
        message: BANKID_HINTS[c.hintCode ?? 'outstandingTransaction'] ?? BANKID_HINTS.outstandingTransaction,
        signingRequest: null,
      };
    const r = await this.request(this.ds, o.request_id);
    if (c.status === 'failed') {
      await this.ds.query(
        `UPDATE bankid_order SET status = 'failed', finished_at = now() WHERE order_ref = $1`,
        [orderRef],
      );
      return {
        status: 'failed',
        hintCode: c.hintCode ?? null,
        message: BANKID_HINTS[c.hintCode ?? 'unknown'] ?? BANKID_HINTS.unknown,
        signingRequest: null,
      };
    }
    const [person] = await this.ds.query('SELECT personal_number FROM person WHERE id = $1', [p.personId]);
    if (c.completionData?.user.personalNumber !== person.personal_number) {
      return this.refuse(
        r,
        p.personId,
        'BANKID_OTHER_PERSON',
        'BankID-legitimationen gällde en annan person än den inloggade.',
        SigningError.BAD_CREDENTIALS,
      );
    }
    const signed = await this.sign(p, r, 'BANKID', async (em) => {
      const done = await returningRows(
        em,
        `UPDATE bankid_order SET status = 'complete', finished_at = now() WHERE order_ref = $1 AND status = 'pending' RETURNING 1`,
        [orderRef],
      );
      return done.length > 0;
    });
    return { status: 'complete', hintCode: null, message: 'Underskriften är klar.', signingRequest: signed };
  }

  async cancelBankId(p: Principal, orderRef: string): Promise<boolean> {
    await this.order(p, orderRef);
    await this.bankIdClient().cancel(orderRef);
    await this.ds.query(
      `UPDATE bankid_order SET status = 'cancelled', finished_at = now() WHERE order_ref = $1 AND status = 'pending'`,
      [orderRef],
    );
    return true;
  }

  private async request(em: Pick<EntityManager, 'query'>, id: string, lock = false): Promise<RequestRow> {
    const [r] = /^[0-9a-f-]{36}$/i.test(id)
      ? await em.query(`SELECT * FROM signing_request WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
      : [];
    if (!r) throw new AppError(SigningError.NOT_FOUND, 'Signeringsbegäran finns inte.');
    return r;
  }

  private async signers(
    em: Pick<EntityManager, 'query'>,
    requestId: string,
  ): Promise<Array<SignerView & { id: string; name: string }>> {
    const rows = await em.query(
      'SELECT id, person_id, name, role, position, grp, state FROM signing_signer WHERE request_id = $1 ORDER BY position',
      [requestId],
    );
    return rows.map((r: Record<string, never>) => ({
      id: r.id,
      personId: r.person_id,
      name: r.name,
      role: r.role,
      position: r.position,
      group: r.grp,
      state: r.state,
    }));
  }

  async create(
    p: Principal,
    reportId: string,
    order: SigningOrder,
    expiresInDays: number,
    reminderDays: number | null,
    overrideReason: string | null,
  ): Promise<SigningRequestType> {
    const [rep] = await this.ds.query(
      'SELECT id, organisation_id, status, checks_passed, pdf_file_id FROM report WHERE id = $1',
      [reportId],
    );
    if (rep.status !== 'READY')
      throw new AppError(
        SigningError.NOT_READY,
        'Rapporten är inte färdig och kan inte skickas för underskrift.',
      );
    if (rep.checks_passed === false && !overrideReason?.trim()) {
      throw new AppError(
        SigningError.OVERRIDE_REQUIRED,
        'Rapporten har kontroller som inte är godkända. Förbundschefen måste ange en skriftlig motivering för att ändå skicka den för underskrift.',
        {
          details: [{ path: '$.overrideReason', message: 'krävs när kontroller inte är godkända' }],
        },
      );
    }
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 365) {
      throw new AppError(SigningError.REASON_REQUIRED, 'Ange giltighetstid i dagar (1–365).', {
        details: [{ path: '$.expiresInDays', message: '1–365' }],
      });
    }
    const [file] = await this.ds.query('SELECT sha256 FROM stored_file WHERE id = $1', [rep.pdf_file_id]);
    const people: Array<{
      person_id: string;
      name: string;
      email: string;
      role: string;
      title: string | null;
    }> = await this.ds.query(
      `SELECT DISTINCT ON (p.id) p.id AS person_id, p.name, p.email, r.role, r.title FROM role_assignment r JOIN person p ON p.id = r.person_id
        WHERE r.organisation_id = $1 AND r.role IN ('STYRELSELEDAMOT','REVISOR') ORDER BY p.id, r.role DESC`,
      [rep.organisation_id],
    );
    const rank = (x: { role: string; title: string | null }) =>
      x.role === 'REVISOR' ? 3 : x.title === 'ORDFORANDE' ? 0 : x.title === 'VICE_ORDFORANDE' ? 1 : 2;
    people.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'sv'));
    if (!people.length)
      throw new AppError(
        SigningError.NO_SIGNERS,
        'Förbundet har inga ledamöter eller revisorer att skicka till.',
      );
    const id = await this.ds.transaction(async (em) => {
      const open = await em.query(
        `SELECT 1 FROM signing_request WHERE report_id = $1 AND status IN ('OPEN','SEALING')`,
        [reportId],
      );
      if (open.length)
        throw new AppError(
          SigningError.ALREADY_OPEN,
          'Rapporten har redan en öppen signeringsbegäran; avbryt den först.',
        );
      const [r] = await em.query(
        `INSERT INTO signing_request (organisation_id, report_id, document_file_id, document_sha256, status, order_mode, expires_at, reminder_days, override_reason, created_by)
         VALUES ($1,$2,$3,$4,'OPEN',$5, now() + make_interval(days => $6), $7, $8, $9) RETURNING id`,
        [
          rep.organisation_id,
          reportId,
          rep.pdf_file_id,
          file.sha256,
          order,
          expiresInDays,
          reminderDays,
          overrideReason,
          p.personId,
        ],
      );
      const first = Math.min(...people.map((x, i) => groupFor(order, i, x.role)));
      for (const [i, x] of people.entries()) {
        const grp = groupFor(order, i, x.role);
        await em.query(
          `INSERT INTO signing_signer (request_id, person_id, name, role, title, position, grp, state) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
          [r.id, x.person_id, x.name, x.role, x.title, i, grp, grp === first ? 'SENT' : 'NOT_SENT'],
        );
      }
      const audit = (action: AuditAction, payload: Record<string, unknown>) =>
        appendAudit(em, {
          organisationId: rep.organisation_id,
          actorId: p.personId,
          action,
          entityType: 'signing_request',
          entityId: r.id,
          payload,
          documentHash: file.sha256,
        });
      await audit('signing.created', { reportId, order, signers: people.length, expiresInDays });
      // Reminders every N days while the request is open (at most ten).
      if (reminderDays && reminderDays > 0) {
        for (let round = 1; round <= Math.min(10, Math.floor((expiresInDays - 1) / reminderDays)); round++) {
          await enqueueJob(
            em,
            JobName.SIGNING_REMINDER,
            { requestId: r.id, round },
            {
              organisationId: rep.organisation_id,
              delayUntil: new Date(Date.now() + round * reminderDays * 24 * 3600 * 1000),
            },
          );
        }
      }
      if (overrideReason) await audit('signing.override', { reason: overrideReason });
      await this.send(
        em,
        r.id,
        rep.organisation_id,
        people.filter((x, i) => groupFor(order, i, x.role) === first).map((x) => x.person_id),
      );
      return r.id as string;
    });
    return this.get(id);
  }

  /** Mails the signers who are now asked, and records that they were. */
  private async send(
    em: EntityManager,
    requestId: string,
    organisationId: string,
    personIds: string[],
  ): Promise<void> {
    const people: Array<{ id: string; email: string; name: string }> = await em.query(
      'SELECT id, email, name FROM person WHERE id = ANY($1)',
      [personIds],
    );
    for (const x of people) {
      await em.query(
        `UPDATE signing_signer SET state = 'SENT' WHERE request_id = $1 AND person_id = $2 AND state = 'NOT_SENT'`,
        [requestId, x.id],
      );
      await appendAudit(em, {
        organisationId,
        actorId: null,
        action: 'signing.sent',
        entityType: 'signing_request',
        entityId: requestId,
        payload: { to: x.name },
      });
      await enqueueJob(
        em,
        JobName.SEND_EMAIL,
        {
          eventId: `signing-${requestId}-sent`,
          to: x.email,
          subject: 'Dokument att underteckna',
          text: `Hej ${x.name}!\n\nEtt dokument väntar på din underskrift i samordningsplattformen.\n`,
        },
        { organisationId },
      );
    }
  }

  async get(id: string): Promise<SigningRequestType> {
    const r = await this.request(this.ds, id);
    const signers = await this.ds.query(
      `SELECT person_id AS "personId", name, role, title, state, to_char(signed_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "signedAt", method
         FROM signing_signer WHERE request_id = $1 ORDER BY position`,
      [id],
    );
    const expired = r.status === 'OPEN' && new Date(r.expires_at).getTime() < Date.now();
    return {
      id: r.id,
      reportId: r.report_id,
      status: expired ? 'EXPIRED' : r.status,
      orderMode: r.order_mode,
      expiresAt: new Date(r.expires_at).toISOString(),
      documentSha256: r.document_sha256,
      sealedPdfFileId: r.sealed_file_id,
      signers,
    };
  }

  async forReport(reportId: string): Promise<SigningRequestType | null> {
    const [r] = await this.ds.query(
      'SELECT id FROM signing_request WHERE report_id = $1 ORDER BY created_at DESC LIMIT 1',
      [reportId],
    );
    return r ? this.get(r.id) : null;
  }

  /** The signer opens the document: recorded, and a short-lived link to it. */
  async view(p: Principal, requestId: string): Promise<string> {
    const r = await this.request(this.ds, requestId);
    await this.ds.transaction(async (em) => {
      const rows = await returningRows(
        em,
        `UPDATE signing_signer SET state = 'VIEWED', viewed_at = now() WHERE request_id = $1 AND person_id = $2 AND state = 'SENT' RETURNING id`,
        [requestId, p.personId],
      );
      if (rows.length)
        await appendAudit(em, {
          organisationId: r.organisation_id,
          actorId: p.personId,
          action: 'signing.viewed',
          entityType: 'signing_request',
          entityId: requestId,
          documentHash: r.document_sha256,
        });
    });
    const [f] = await this.ds.query('SELECT document_file_id FROM signing_request WHERE id = $1', [
      requestId,
    ]);
    return this.files.signedPath(f.document_file_id);
  }

  /** Refuses (and records the attempt) unless the person may sign this request now. */
  private async mayStart(p: Principal, r: RequestRow): Promise<void> {
    const d = decideSign(
      { status: r.status, expiresAt: new Date(r.expires_at) },
      await this.signers(this.ds, r.id),
      p.personId,
      new Date(),
    );
    if (!d.ok) {
      await this.refuse(
        r,
        p.personId,
        d.reason,
        REFUSAL_MESSAGE[d.reason],
        d.reason === 'NOT_ON_LIST' ? SigningError.NOT_ON_LIST : SigningError.REFUSED,
      );
    }
  }

  /** Refused attempts leave an audit entry and nothing else. */
  private async refuse(
    r: RequestRow,
    personId: string,
    reason: string,
    message: string,
    code = SigningError.REFUSED,
  ): Promise<never> {
    await this.ds.transaction((em) =>
      appendAudit(em, {
        organisationId: r.organisation_id,
        actorId: personId,
        action: 'signing.attempt_refused',
        entityType: 'signing_request',
        entityId: r.id,
        payload: { reason },
      }),
    );
    throw new AppError(code, message);
  }

  async signWithTotp(
    p: Principal,
    requestId: string,
    password: string,
    code: string,
  ): Promise<SigningRequestType> {
    // Counted before the password hash and the code are checked.
    await this.attempts.consume(p.personId);
    const r = await this.request(this.ds, requestId);
    await this.mayStart(p, r);
    const check = await checkPasswordAndCode(this.ds, p.personId, password, code, false);
    if (check === 'NOT_SET_UP')
      return this.refuse(
        r,
        p.personId,
        'TOTP_NOT_SET_UP',
        'Du har ingen bekräftad engångskod; ställ in den först (setupTotp).',
        SigningError.TOTP_NOT_SET_UP,
      );
    if (check !== 'OK')
      return this.refuse(
        r,
        p.personId,
        'BAD_CREDENTIALS',
        'Fel lösenord eller engångskod.',
        SigningError.BAD_CREDENTIALS,
      );
    // A code is good once: replaying it is refused.
    const signed = await this.sign(
      p,
      r,
      'TOTP',
      async (em) => (await checkPasswordAndCode(em, p.personId, password, code, true)) === 'OK',
    );
    await this.attempts.succeeded(p.personId);
    return signed;
  }

  /** Options for a passkey signature bound to this request's document. */
  async passkeyOptions(p: Principal, requestId: string): Promise<unknown> {
    const r = await this.request(this.ds, requestId);
    await this.mayStart(p, r);
    return this.passkeys.signingOptions(p, requestId, r.document_sha256);
  }

  async signWithPasskey(p: Principal, requestId: string, response: unknown): Promise<SigningRequestType> {
    const r = await this.request(this.ds, requestId);
    await this.mayStart(p, r);
    let verified: { challengeId: string; challenge: string };
    try {
      verified = await this.passkeys.verifySigning(p, requestId, response);
    } catch (e) {
      return this.refuse(
        r,
        p.personId,
        'BAD_CREDENTIALS',
        (e as Error).message,
        SigningError.BAD_CREDENTIALS,
      );
    }
    return this.sign(p, r, 'PASSKEY', async (em) => {
      const used = await returningRows(
        em,
        'UPDATE webauthn_challenge SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING 1',
        [verified.challengeId],
      );
      return used.length > 0;
    });
  }

  /** Records one signature under a lock on the request; the last one queues the seal. */
  private async sign(
    p: Principal,
    r0: RequestRow,
    method: 'TOTP' | 'PASSKEY' | 'BANKID',
    consume: (em: EntityManager) => Promise<boolean>,
  ): Promise<SigningRequestType> {
    const refused = await this.ds.transaction(async (em) => {
      const r = await this.request(em, r0.id, true);
      const signers = await this.signers(em, r.id);
      const d = decideSign(
        { status: r.status, expiresAt: new Date(r.expires_at) },
        signers,
        p.personId,
        new Date(),
      );
      if (!d.ok) return d.reason as string;
      if (!(await consume(em))) return 'CODE_REUSED';
      await em.query(
        `UPDATE signing_signer SET state = 'SIGNED', signed_at = now(), method = $3 WHERE request_id = $1 AND person_id = $2`,
        [r.id, p.personId, method],
      );
      await appendAudit(em, {
        organisationId: r.organisation_id,
        actorId: p.personId,
        action: 'signing.signed',
        entityType: 'signing_request',
        entityId: r.id,
        payload: { method },
        documentHash: r.document_sha256,
      });
      const after = signers.map((s) => (s.personId === p.personId ? { ...s, state: 'SIGNED' as const } : s));
      const next = nextGroup(after);
      if (next === null) {
        await em.query(
          `UPDATE signing_request SET status = 'SEALING', version = version + 1, updated_at = now() WHERE id = $1`,
          [r.id],
        );
        await enqueueJob(
          em,
          JobName.SEAL_SIGNED_DOCUMENT,
          { requestId: r.id },
          { organisationId: r.organisation_id },
        );
      } else if (next !== nextGroup(signers)) {
        await this.send(
          em,
          r.id,
          r.organisation_id,
          after.filter((s) => s.group === next && s.state === 'NOT_SENT').map((s) => s.personId),
        );
      }
      return null;
    });
    if (refused) {
      const msg =
        refused === 'CODE_REUSED'
          ? 'Engångskoden är redan använd; vänta på nästa kod.'
          : REFUSAL_MESSAGE[refused as keyof typeof REFUSAL_MESSAGE];
      return this.refuse(
        r0,
        p.personId,
        refused,
        msg,
        refused === 'CODE_REUSED' ? SigningError.BAD_CREDENTIALS : SigningError.REFUSED,
      );
    }
    return this.get(r0.id);
  }

  async decline(p: Principal, requestId: string, reason: string): Promise<SigningRequestType> {
    if (!reason.trim())
      throw new AppError(SigningError.REASON_REQUIRED, 'Ange varför du avböjer.', {
        details: [{ path: '$.reason', message: 'krävs' }],
      });
    const r = await this.request(this.ds, requestId);
    const d = decideSign(
      { status: r.status, expiresAt: new Date(r.expires_at) },
      await this.signers(this.ds, requestId),
      p.personId,
      new Date(),
    );
    if (!d.ok && d.reason !== 'OUT_OF_TURN')
      return this.refuse(r, p.personId, d.reason, REFUSAL_MESSAGE[d.reason]);
    await this.ds.transaction(async (em) => {
      await em.query(
        `UPDATE signing_signer SET state = 'DECLINED', decline_reason = $3 WHERE request_id = $1 AND person_id = $2`,
        [requestId, p.personId, reason],
      );
      await em.query(
        `UPDATE signing_request SET status = 'DECLINED', version = version + 1, updated_at = now() WHERE id = $1 AND status = 'OPEN'`,
        [requestId],
      );
      await appendAudit(em, {
        organisationId: r.organisation_id,
        actorId: p.personId,
        action: 'signing.declined',
        entityType: 'signing_request',
        entityId: requestId,
        payload: { reason },
      });
    });
    return this.get(requestId);
  }

  async cancel(p: Principal, requestId: string, reason: string): Promise<SigningRequestType> {
    if (!reason.trim())
      throw new AppError(SigningError.REASON_REQUIRED, 'Ange varför begäran avbryts.', {
        details: [{ path: '$.reason', message: 'krävs' }],
      });
    const r = await this.request(this.ds, requestId);
    if (!rolesIn(p, r.organisation_id).includes(Role.FORBUNDSCHEF))
      throw new AppError(SigningError.NOT_ON_LIST, 'Endast förbundschefen kan avbryta en signeringsbegäran.');
    await this.ds.transaction(async (em) => {
      const rows = await returningRows(
        em,
        `UPDATE signing_request SET status = 'CANCELLED', cancel_reason = $2, version = version + 1, updated_at = now() WHERE id = $1 AND status = 'OPEN' RETURNING id`,
        [requestId, reason],
      );
      if (!rows.length) throw new AppError(SigningError.REFUSED, REFUSAL_MESSAGE.NOT_OPEN);
      await appendAudit(em, {
        organisationId: r.organisation_id,
        actorId: p.personId,
        action: 'signing.cancelled',
        entityType: 'signing_request',
        entityId: requestId,
        payload: { reason },
      });
    });
    return this.get(requestId);
  }

  /**
   * Is this file a sealed version from the platform, and unaltered? Only for a file the caller uploaded or
   * may read; the content is streamed and capped.
   */
  async verify(p: Principal, fileId: string): Promise<DocumentVerificationType> {
    const file = await this.files.get(fileId);
    const [own] = file
      ? await this.ds.query('SELECT 1 FROM stored_file WHERE id = $1 AND uploaded_by = $2', [
          fileId,
          p.personId,
        ])
      : [];
    if (!file || !(own || this.files.canRead(p, file)))
      throw new AppError(SigningError.NOT_FOUND, 'Filen finns inte; ladda upp den först.');
    const [req] = await this.ds.query(
      `SELECT id, report_id FROM signing_request WHERE sealed_sha256 = $1 AND status = 'COMPLETED' LIMIT 1`,
      [file.sha256],
    );
    if (req) {
      const signers = await this.ds.query(
        `SELECT name, to_char(signed_at AT TIME ZONE 'UTC','YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "signedAt", method FROM signing_signer WHERE request_id = $1 ORDER BY position`,
        [req.id],
      );
      return { sealed: true, unaltered: true, reportId: req.report_id, signers };
    }
    // Not byte for byte a sealed file: does it still carry our seal (then it was altered)?
    const found = await scanForSeal(this.files.open(file), file.size);
    if (found === 'TOO_LARGE')
      throw new AppError(
        SigningError.REASON_REQUIRED,
        'Filen är för stor för att kontrolleras (högst 50 MB). Ladda upp den förseglade PDF:en som den laddades ned.',
      );
    return { sealed: found !== null, unaltered: false, reportId: found, signers: [] };
  }
}
