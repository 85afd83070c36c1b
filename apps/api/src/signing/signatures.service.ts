import { Injectable } from '@nestjs/common';
import {
  decideRequest,
  decideSign,
  decideSigner,
  nextGroup,
  Principal,
  REFUSAL_MESSAGE,
  SignRefusal,
} from '@app/domain';
import { appendAudit, enqueueJob, JobName, UnitOfWork, WriteTx } from '@app/infra';
import { AppError } from '../common/errors/app-error';
import { SigningError } from '../common/errors/error-codes';
import { FactorAttempts } from '../auth/factors/factor-attempts';
import { PasskeyService } from '../auth/factors/passkey.service';
import { checkPasswordAndCode } from '../auth/factors/totp-check';
import { consumeChallenge } from '../auth/factors/factors.store';
import { SigningRequestsService } from './signing-requests.service';
import * as store from './signing.store';
import { RequestRow } from './signing.store';
import { SigningRequestType } from './signing.types';
import { checkReasonLength } from './reason-limit';

export type SignMethod = 'TOTP' | 'PASSKEY' | 'BANKID';
type Refusal = SignRefusal | 'CODE_REUSED' | 'INVALID_TRANSITION';

/**
 * Signatures: the signer proves it is them (password + one-time code, a passkey with user verification, or
 * BankID), each step audited; the last signature queues the sealing. Refused attempts are audited too.
 */
@Injectable()
export class SignaturesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: SigningRequestsService,
    private readonly passkeys: PasskeyService,
    private readonly attempts: FactorAttempts,
  ) {}

  /** Refuses (and records the attempt) unless the person may sign this request now. */
  async mayStart(p: Principal, r: RequestRow): Promise<void> {
    const signers = await this.uow.read((tx) => store.signers(tx, r.id));
    const d = decideSign(
      { status: r.status, expiresAt: new Date(r.expires_at) },
      signers,
      p.personId,
      new Date(),
    );
    if (!d.ok)
      await this.refuse(
        r,
        p.personId,
        d.reason,
        REFUSAL_MESSAGE[d.reason],
        d.reason === 'NOT_ON_LIST' ? SigningError.NOT_ON_LIST : SigningError.REFUSED,
      );
  }

  /** Refused attempts leave an audit entry and nothing else. */
  async refuse(
    r: RequestRow,
    personId: string,
    reason: string,
    message: string,
    code = SigningError.REFUSED,
  ): Promise<never> {
    await this.uow.write((tx) =>
      appendAudit(tx, {
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
    const r = await this.uow.read((tx) => this.requests.request(tx, requestId));
    await this.mayStart(p, r);
    // Counted before the password hash and the code are checked.
    await this.attempts.consume(p.personId);
    const check = await this.uow.read((tx) => checkPasswordAndCode(tx, p.personId, password, code, false));
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
      async (tx) => (await checkPasswordAndCode(tx, p.personId, password, code, true)) === 'OK',
    );
    await this.attempts.succeeded(p.personId);
    return signed;
  }

  /** Options for a passkey signature bound to this request's document. */
  async passkeyOptions(p: Principal, requestId: string): Promise<unknown> {
    const r = await this.uow.read((tx) => this.requests.request(tx, requestId));
    await this.mayStart(p, r);
    return this.passkeys.signingOptions(p, requestId, r.document_sha256);
  }

  async signWithPasskey(p: Principal, requestId: string, response: unknown): Promise<SigningRequestType> {
    const r = await this.uow.read((tx) => this.requests.request(tx, requestId));
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
    return this.sign(p, r, 'PASSKEY', (tx) => consumeChallenge(tx, verified.challengeId));
  }

  /** Records one signature under a lock on the request; the last one queues the seal. */
  async sign(
    p: Principal,
    r0: RequestRow,
    method: SignMethod,
    consume: (tx: WriteTx) => Promise<boolean>,
  ): Promise<SigningRequestType> {
    const refused = await this.uow.write(async (tx): Promise<Refusal | null> => {
      const r = await this.requests.request(tx, r0.id, true);
      const signers = await store.signers(tx, r.id);
      const d = decideSign(
        { status: r.status, expiresAt: new Date(r.expires_at) },
        signers,
        p.personId,
        new Date(),
      );
      if (!d.ok) return d.reason;
      const me = signers.find((s) => s.personId === p.personId)!;
      const t = decideSigner(me.state, 'sign');
      if (!t.ok) return t.reason;
      if (!(await consume(tx))) return 'CODE_REUSED';
      if (!(await store.moveSigner(tx, r.id, p.personId, t, { method }))) return 'INVALID_TRANSITION';
      await appendAudit(tx, {
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
        const seal = decideRequest(r.status, 'seal');
        if (!seal.ok || !(await store.moveRequest(tx, r.id, seal))) return 'INVALID_TRANSITION';
        await enqueueJob(
          tx,
          JobName.SEAL_SIGNED_DOCUMENT,
          { requestId: r.id },
          { organisationId: r.organisation_id },
        );
      } else if (next !== nextGroup(signers)) {
        await this.requests.send(
          tx,
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
          : refused === 'INVALID_TRANSITION'
            ? REFUSAL_MESSAGE.NOT_OPEN
            : REFUSAL_MESSAGE[refused];
      return this.refuse(
        r0,
        p.personId,
        refused,
        msg,
        refused === 'CODE_REUSED' ? SigningError.BAD_CREDENTIALS : SigningError.REFUSED,
      );
    }
    return this.requests.get(r0.id);
  }

  async decline(p: Principal, requestId: string, reason: string): Promise<SigningRequestType> {
    checkReasonLength(reason);
    if (!reason.trim())
      throw new AppError(SigningError.REASON_REQUIRED, 'Ange varför du avböjer.', {
        details: [{ path: '$.reason', message: 'krävs' }],
      });
    const r = await this.uow.read((tx) => this.requests.request(tx, requestId));
    const signers = await this.uow.read((tx) => store.signers(tx, requestId));
    const d = decideSign(
      { status: r.status, expiresAt: new Date(r.expires_at) },
      signers,
      p.personId,
      new Date(),
    );
    if (!d.ok && d.reason !== 'OUT_OF_TURN')
      return this.refuse(r, p.personId, d.reason, REFUSAL_MESSAGE[d.reason]);
    const me = signers.find((s) => s.personId === p.personId)!;
    const t = decideSigner(me.state, 'decline');
    if (!t.ok) return this.refuse(r, p.personId, 'INVALID_TRANSITION', REFUSAL_MESSAGE.NOT_OPEN);
    await this.uow.write(async (tx) => {
      const current = await this.requests.request(tx, requestId, true);
      await store.moveSigner(tx, requestId, p.personId, t, { declineReason: reason });
      const declined = decideRequest(current.status, 'decline');
      if (declined.ok) await store.moveRequest(tx, requestId, declined);
      await appendAudit(tx, {
        organisationId: r.organisation_id,
        actorId: p.personId,
        action: 'signing.declined',
        entityType: 'signing_request',
        entityId: requestId,
        payload: { reason },
      });
    });
    return this.requests.get(requestId);
  }
}
