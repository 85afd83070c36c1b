import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { Principal } from '@app/domain';
import { AppConfig, UnitOfWork, WriteTx } from '@app/infra';
import { APP_CONFIG } from '../../common/infra/tokens';
import { AppError } from '../../common/errors/app-error';
import { SigningError } from '../../common/errors/error-codes';
import * as store from './factors.store';

const b64url = (b: Buffer) => b.toString('base64url');

/**
 * Passkeys (WebAuthn, @simplewebauthn/server). For signing, the challenge is derived from the document's SHA-256,
 * the signer and the request (plus a nonce), so the assertion is bound to exactly that document. User
 * verification (PIN or biometrics on the authenticator) is required for registration and for every signature.
 */
@Injectable()
export class PasskeyService {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get rpID(): string {
    return this.config.WEBAUTHN_RP_ID;
  }

  private get origin(): string {
    return this.config.WEBAUTHN_ORIGIN ?? this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`;
  }

  /** Callers re-authenticate the person first (FactorsService). */
  async registrationOptions(p: Principal): Promise<unknown> {
    return this.uow.write(async (tx) => {
      const person = await store.personContact(tx, p.personId);
      const existing = await store.passkeyIds(tx, p.personId);
      const options = await generateRegistrationOptions({
        rpName: 'Samordningsplattformen',
        rpID: this.rpID,
        userName: person?.email ?? p.personId,
        userDisplayName: person?.name ?? '',
        userID: Buffer.from(p.personId),
        attestationType: 'none',
        excludeCredentials: existing.map((c) => ({ id: c.id })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
      });
      await store.insertChallenge(tx, p.personId, 'REGISTER', options.challenge);
      return options;
    });
  }

  async register(
    p: Principal,
    response: unknown,
    onRegistered: (tx: WriteTx) => Promise<void>,
  ): Promise<boolean> {
    const [c] = await this.uow.read((tx) => store.openChallenges(tx, p.personId, 'REGISTER'));
    if (!c) throw new AppError(SigningError.BAD_CREDENTIALS, 'Ingen pågående registrering; börja om.');
    const v = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: c.challenge,
      expectedOrigin: this.origin,
      expectedRPID: this.rpID,
      requireUserVerification: true,
    }).catch(() => null);
    if (!v?.verified || !v.registrationInfo)
      throw new AppError(SigningError.BAD_CREDENTIALS, 'Passkey kunde inte registreras; försök igen.');
    const cred = v.registrationInfo.credential;
    const ok = await this.uow.write(async (tx) => {
      if (!(await store.consumeChallenge(tx, c.id))) return false;
      await store.insertPasskey(tx, {
        id: cred.id,
        personId: p.personId,
        publicKey: Buffer.from(cred.publicKey),
        counter: cred.counter,
        transports: cred.transports ?? [],
      });
      await onRegistered(tx);
      return true;
    });
    if (!ok) throw new AppError(SigningError.BAD_CREDENTIALS, 'Registreringen är redan använd; börja om.');
    return true;
  }

  /** Options for signing one request: the challenge binds the document's hash, the signer and the request. */
  async signingOptions(p: Principal, requestId: string, documentSha256: string): Promise<unknown> {
    const creds = await this.uow.read((tx) => store.passkeyIds(tx, p.personId));
    if (!creds.length)
      throw new AppError(
        SigningError.BAD_CREDENTIALS,
        'Du har ingen passkey registrerad; registrera en först eller använd en annan metod.',
      );
    const nonce = randomBytes(16).toString('hex');
    const challenge = createHash('sha256')
      .update(`${documentSha256}:${p.personId}:${requestId}:${nonce}`)
      .digest();
    const options = await generateAuthenticationOptions({
      rpID: this.rpID,
      challenge,
      userVerification: 'required',
      allowCredentials: creds.map((c) => ({
        id: c.id,
        transports: (c.transports ?? undefined) as never,
      })),
    });
    await this.uow.write((tx) => store.insertChallenge(tx, p.personId, 'SIGN', b64url(challenge), requestId));
    return { ...options, binding: { documentSha256, requestId, nonce } };
  }

  /** Verifies an assertion (user verification required); returns the challenge row to consume with the signature. */
  async verifySigning(
    p: Principal,
    requestId: string,
    response: unknown,
  ): Promise<{ challengeId: string; challenge: string }> {
    const r = response as AuthenticationResponseJSON;
    const cred =
      typeof r?.id === 'string'
        ? await this.uow.read((tx) => store.passkey(tx, r.id, p.personId))
        : undefined;
    const challenges = await this.uow.read((tx) => store.openChallenges(tx, p.personId, 'SIGN', requestId));
    const refused = () =>
      new AppError(SigningError.BAD_CREDENTIALS, 'Passkey-underskriften kunde inte kontrolleras; börja om.');
    if (!cred || !challenges.length) throw refused();
    let matched: { id: string; challenge: string } | undefined;
    const v = await verifyAuthenticationResponse({
      response: r,
      expectedChallenge: (c: string) => {
        matched = challenges.find((x) => x.challenge === c);
        return !!matched;
      },
      expectedOrigin: this.origin,
      expectedRPID: this.rpID,
      credential: { id: cred.id, publicKey: new Uint8Array(cred.public_key), counter: Number(cred.counter) },
      requireUserVerification: true,
    }).catch(() => null);
    if (!v?.verified || !v.authenticationInfo.userVerified || !matched) throw refused();
    await this.uow.write((tx) => store.setPasskeyCounter(tx, cred.id, v.authenticationInfo.newCounter));
    return { challengeId: matched.id, challenge: matched.challenge };
  }
}
