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
import { DataSource } from 'typeorm';
import { Principal } from '@app/domain';
import { AppConfig } from '@app/infra';
import { APP_CONFIG, DATA_SOURCE } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { SigningError } from '../common/errors/error-codes';

const b64url = (b: Buffer) => b.toString('base64url');

/**
 * Passkeys (WebAuthn, @simplewebauthn/server). For signing, the challenge is derived from the document's SHA-256,
 * the signer and the request (plus a nonce), so the assertion is bound to exactly that document.
 */
@Injectable()
export class PasskeyService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get rpID(): string {
    return this.config.WEBAUTHN_RP_ID;
  }

  private get origin(): string {
    return this.config.WEBAUTHN_ORIGIN ?? this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`;
  }

  async registrationOptions(p: Principal): Promise<unknown> {
    const [person] = await this.ds.query('SELECT email, name FROM person WHERE id = $1', [p.personId]);
    const existing = await this.ds.query('SELECT id FROM person_passkey WHERE person_id = $1', [p.personId]);
    const options = await generateRegistrationOptions({
      rpName: 'Samordningsplattformen',
      rpID: this.rpID,
      userName: person.email,
      userDisplayName: person.name,
      userID: Buffer.from(p.personId),
      attestationType: 'none',
      excludeCredentials: existing.map((c: { id: string }) => ({ id: c.id })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    });
    await this.ds.query(
      `INSERT INTO webauthn_challenge (person_id, purpose, challenge, expires_at) VALUES ($1, 'REGISTER', $2, now() + interval '5 minutes')`,
      [p.personId, options.challenge],
    );
    return options;
  }

  async register(p: Principal, response: unknown): Promise<boolean> {
    const [c] = await this.ds.query(
      `SELECT id, challenge FROM webauthn_challenge WHERE person_id = $1 AND purpose = 'REGISTER' AND used_at IS NULL AND expires_at > now() ORDER BY expires_at DESC LIMIT 1`,
      [p.personId],
    );
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
    await this.ds.transaction(async (em) => {
      await em.query('UPDATE webauthn_challenge SET used_at = now() WHERE id = $1', [c.id]);
      await em.query(
        'INSERT INTO person_passkey (id, person_id, public_key, counter, transports) VALUES ($1,$2,$3,$4,$5)',
        [
          cred.id,
          p.personId,
          Buffer.from(cred.publicKey),
          cred.counter,
          JSON.stringify(cred.transports ?? []),
        ],
      );
    });
    return true;
  }

  /** Options for signing one request: the challenge binds the document's hash, the signer and the request. */
  async signingOptions(p: Principal, requestId: string, documentSha256: string): Promise<unknown> {
    const creds = await this.ds.query('SELECT id, transports FROM person_passkey WHERE person_id = $1', [
      p.personId,
    ]);
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
      allowCredentials: creds.map((c: { id: string; transports: string[] | null }) => ({
        id: c.id,
        transports: c.transports ?? undefined,
      })),
    });
    await this.ds.query(
      `INSERT INTO webauthn_challenge (person_id, purpose, request_id, challenge, expires_at) VALUES ($1, 'SIGN', $2, $3, now() + interval '5 minutes')`,
      [p.personId, requestId, b64url(challenge)],
    );
    return { ...options, binding: { documentSha256, requestId, nonce } };
  }

  /** Verifies an assertion; returns the challenge row to consume with the signature, or throws. */
  async verifySigning(
    p: Principal,
    requestId: string,
    response: unknown,
  ): Promise<{ challengeId: string; challenge: string }> {
    const r = response as AuthenticationResponseJSON;
    const [cred] = await this.ds.query(
      'SELECT id, public_key, counter FROM person_passkey WHERE id = $1 AND person_id = $2',
      [r?.id, p.personId],
    );
    const challenges: Array<{ id: string; challenge: string }> = await this.ds.query(
      `SELECT id, challenge FROM webauthn_challenge WHERE person_id = $1 AND purpose = 'SIGN' AND request_id = $2 AND used_at IS NULL AND expires_at > now()`,
      [p.personId, requestId],
    );
    if (!cred || !challenges.length)
      throw new AppError(
        SigningError.BAD_CREDENTIALS,
        'Passkey-underskriften kunde inte kontrolleras; börja om.',
      );
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
    if (!v?.verified || !matched)
      throw new AppError(
        SigningError.BAD_CREDENTIALS,
        'Passkey-underskriften kunde inte kontrolleras; börja om.',
      );
    await this.ds.query('UPDATE person_passkey SET counter = $2 WHERE id = $1', [
      cred.id,
      v.authenticationInfo.newCounter,
    ]);
    return { challengeId: matched.id, challenge: matched.challenge };
  }
}
