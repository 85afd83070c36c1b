import { Inject, Injectable } from '@nestjs/common';
import { authenticator } from 'otplib';
import { accountSender, factorChangedMail, MAIL_ROUTES, Principal, webBaseUrl } from '@app/domain';
import {
  AppConfig,
  appendAudit,
  enqueueJob,
  JobName,
  organisationNamesOf,
  UnitOfWork,
  WriteTx,
} from '@app/infra';
import { AppError } from '../../common/errors/app-error';
import { SigningError } from '../../common/errors/error-codes';
import { APP_CONFIG } from '../../common/infra/tokens';
import { verifyPassword } from '../password';
import { FactorAttempts } from './factor-attempts';
import * as store from './factors.store';
import { PasskeyService } from './passkey.service';
import { totpStep } from './totp-check';

export type Factor = 'TOTP' | 'PASSKEY';
const FACTOR_NAME: Record<Factor, string> = { TOTP: 'en app för engångskoder', PASSKEY: 'en passkey' };

/**
 * A person's sign-in factors. Enrolling one needs the person, not just their session: the current password
 * or a code from the factor they already have. Every enrolment is audited and mailed to the person.
 */
@Injectable()
export class FactorsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly attempts: FactorAttempts,
    private readonly passkeys: PasskeyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses unless the password is the person's, or the code is a fresh one of their confirmed TOTP. */
  async reauthenticate(p: Principal, password: string | null, code: string | null): Promise<void> {
    await this.attempts.consume(p.personId);
    const person = await this.uow.read((tx) => store.personContact(tx, p.personId));
    if (password && (await verifyPassword(person?.password_hash ?? null, password)))
      return this.attempts.succeeded(p.personId);
    if (code) {
      const t = await this.uow.read((tx) => store.totpRow(tx, p.personId));
      const step = t?.confirmed_at ? totpStep(code, t.secret) : null;
      if (step !== null && (await this.uow.write((tx) => store.useTotpStep(tx, p.personId, step))))
        return this.attempts.succeeded(p.personId);
    }
    throw new AppError(
      SigningError.BAD_CREDENTIALS,
      'Ange ditt nuvarande lösenord (eller en kod från din befintliga app) för att lägga till en inloggningsmetod.',
      { details: [{ path: '$.password', message: 'fel eller saknas' }] },
    );
  }

  async setupTotp(
    p: Principal,
    password: string | null,
    code: string | null,
  ): Promise<{ otpauthUrl: string; secret: string }> {
    await this.reauthenticate(p, password, code);
    const secret = authenticator.generateSecret();
    const person = await this.uow.write(async (tx) => {
      await store.saveTotpSecret(tx, p.personId, secret);
      return store.personContact(tx, p.personId);
    });
    return {
      otpauthUrl: authenticator.keyuri(person?.email ?? '', 'Samordningsplattformen', secret),
      secret,
    };
  }

  async confirmTotp(p: Principal, code: string): Promise<boolean> {
    await this.attempts.consume(p.personId);
    const t = await this.uow.read((tx) => store.totpRow(tx, p.personId));
    const step = t ? totpStep(code, t.secret) : null;
    const ok =
      step !== null &&
      (await this.uow.write(async (tx) => {
        if (!(await store.confirmTotpSecret(tx, p.personId))) return false;
        await this.enrolled(tx, p.personId, 'TOTP');
        return true;
      }));
    if (ok) await this.attempts.succeeded(p.personId);
    else
      throw new AppError(SigningError.BAD_CREDENTIALS, 'Koden stämmer inte; prova nästa kod i appen.', {
        details: [{ path: '$.code', message: 'fel kod' }],
      });
    return true;
  }

  async passkeyRegistrationOptions(
    p: Principal,
    password: string | null,
    code: string | null,
  ): Promise<unknown> {
    await this.reauthenticate(p, password, code);
    return this.passkeys.registrationOptions(p);
  }

  async registerPasskey(p: Principal, response: unknown): Promise<boolean> {
    return this.passkeys.register(p, response, (tx) => this.enrolled(tx, p.personId, 'PASSKEY'));
  }

  /**
   * Removes a lost or replaced factor (a new phone, a lost security key). Needs the password or a code, like
   * enrolment; audited and mailed to the person, so a stolen session cannot quietly strip the signer's
   * factors. Refused when the person has no such factor.
   */
  async removeFactor(
    p: Principal,
    factor: Factor,
    password: string | null,
    code: string | null,
  ): Promise<boolean> {
    await this.reauthenticate(p, password, code);
    const removed = await this.uow.write(async (tx) => {
      if (!(await store.deleteFactor(tx, p.personId, factor))) return false;
      await this.factorChanged(tx, p.personId, factor, 'removed');
      return true;
    });
    if (!removed)
      throw new AppError(SigningError.NOT_FOUND, `Du har ingen ${FACTOR_NAME[factor]} att ta bort.`, {
        details: [{ path: '$.factor', message: 'finns inte' }],
      });
    return true;
  }

  private enrolled(tx: WriteTx, personId: string, factor: Factor): Promise<void> {
    return this.factorChanged(tx, personId, factor, 'enrolled');
  }

  /** Audit entry and a mail to the person, in the change's transaction. */
  private async factorChanged(
    tx: WriteTx,
    personId: string,
    factor: Factor,
    change: 'enrolled' | 'removed',
  ): Promise<void> {
    const person = await store.personContact(tx, personId);
    const organisationId = await store.homeOrganisation(tx, personId);
    await appendAudit(tx, {
      organisationId,
      actorId: personId,
      action: change === 'enrolled' ? 'person.factor_enrolled' : 'person.factor_removed',
      entityType: 'person',
      entityId: personId,
      payload: { factor },
    });
    if (!person) return;
    const at = new Date();
    const mail = factorChangedMail({
      name: person.name,
      factorName: FACTOR_NAME[factor],
      change,
      at,
      organisationName: accountSender(await organisationNamesOf(tx, personId)),
      link: `${webBaseUrl(this.config)}${MAIL_ROUTES.account()}`,
    });
    await enqueueJob(
      tx,
      JobName.SEND_EMAIL,
      { eventId: `factor-${change}-${personId}-${factor}-${at.getTime()}`, to: person.email, ...mail },
      { organisationId },
    );
  }
}
