import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { invitationTokenHash } from '@app/domain';
import { AppConfig, appendAudit, UnitOfWork } from '@app/infra';
import { APP_CONFIG, REDIS } from '../common/infra/tokens';
import { AppError } from '../common/errors/app-error';
import { AuthError } from '../common/errors/error-codes';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password';
import { PrincipalService } from './principal.service';
import { AuthPayloadType, UserType } from './auth.types';
import {
  acceptInvitationByHash,
  insertPlatformAdmin,
  personByEmail,
  personProfile,
  personRoles,
  setPassword,
} from './auth.store';
import { personContact } from './factors/factors.store';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly perEmail: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly principals: PrincipalService,
  ) {
    const window = 15 * 60;
    // A Redis outage falls back to a per-process limiter rather than opening the door.
    this.perEmail = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'login:email',
      points: config.LOGIN_MAX_ATTEMPTS_PER_EMAIL,
      duration: window,
      insuranceLimiter: new RateLimiterMemory({
        points: config.LOGIN_MAX_ATTEMPTS_PER_EMAIL,
        duration: window,
      }),
    });
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'login:ip',
      points: config.LOGIN_MAX_ATTEMPTS_PER_IP,
      duration: window,
      insuranceLimiter: new RateLimiterMemory({ points: config.LOGIN_MAX_ATTEMPTS_PER_IP, duration: window }),
    });
  }

  async login(emailRaw: string, password: string, ip: string): Promise<AuthPayloadType> {
    const email = emailRaw.trim().toLowerCase();
    try {
      await Promise.all([this.perEmail.consume(email), this.perIp.consume(ip || 'unknown')]);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const minutes = Math.max(1, Math.ceil(e.msBeforeNext / 60000));
        this.logger.warn({ email, ip }, 'login rate limit reached');
        throw new AppError(
          AuthError.TOO_MANY_ATTEMPTS,
          `För många inloggningsförsök. Försök igen om ${minutes} minuter.`,
          {
            retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000),
          },
        );
      }
      throw e;
    }
    const person = await personByEmail(this.uow.reader, email);
    const ok = person
      ? await verifyPassword(person.password_hash, password)
      : (await verifyPassword(await dummyHash(), password), false);
    if (!ok || !person) {
      this.logger.warn({ email, ip }, 'login failed');
      throw new AppError(AuthError.INVALID_CREDENTIALS, 'Fel e-postadress eller lösenord.');
    }
    await this.perEmail.delete(email).catch(() => undefined);
    return this.issue(person.id, person.token_version);
  }

  async issue(personId: string, tokenVersion: number): Promise<AuthPayloadType> {
    const token = this.principals.sign(personId, tokenVersion);
    return {
      token,
      expiresAt: new Date(Date.now() + this.config.JWT_TTL_SECONDS * 1000),
      user: await this.user(personId),
    };
  }

  async user(personId: string): Promise<UserType> {
    const p = (await personProfile(this.uow.reader, personId))!;
    const roles = await personRoles(this.uow.reader, personId);
    return {
      id: p.id,
      email: p.email,
      name: p.name,
      isPlatformAdmin: p.is_platform_admin,
      roles: roles.map((r) => ({
        organisationId: r.organisation_id,
        organisationSlug: r.slug,
        role: r.role,
        insatsId: r.insats_id,
        insatsKey: r.insats_key,
        title: r.title,
      })),
    };
  }

  /** Changing the password revokes every token issued before. */
  async changePassword(personId: string, current: string, next: string): Promise<AuthPayloadType> {
    const p = await personContact(this.uow.reader, personId);
    if (!(await verifyPassword(p?.password_hash, current)))
      throw new AppError(AuthError.INVALID_CREDENTIALS, 'Nuvarande lösenord stämmer inte.');
    const problem = passwordProblem(next);
    if (problem)
      throw new AppError(AuthError.WEAK_PASSWORD, problem, {
        details: [{ path: '$.newPassword', message: problem }],
      });
    const hash = await hashPassword(next);
    const tv = await this.uow.write(async (em) => {
      const tokenVersion = await setPassword(em, personId, hash);
      await appendAudit(em, {
        organisationId: null,
        actorId: personId,
        action: 'person.password_changed',
        entityType: 'person',
        entityId: personId,
      });
      return tokenVersion;
    });
    return this.issue(personId, tv);
  }

  async acceptInvitation(token: string, password: string): Promise<AuthPayloadType> {
    const problem = passwordProblem(password);
    if (problem)
      throw new AppError(AuthError.WEAK_PASSWORD, problem, {
        details: [{ path: '$.password', message: problem }],
      });
    const hash = await hashPassword(password);
    const result = await this.uow.write(async (em) => {
      const row = await acceptInvitationByHash(em, invitationTokenHash(token), hash);
      if (!row) return null;
      await appendAudit(em, {
        organisationId: null,
        actorId: row.id,
        action: 'person.invitation_accepted',
        entityType: 'person',
        entityId: row.id,
      });
      return row;
    });
    if (!result)
      throw new AppError(
        AuthError.INVITATION_INVALID,
        'Inbjudan är ogiltig eller har gått ut. Be förbundets kansli om en ny.',
      );
    return this.issue(result.id, result.token_version);
  }

  /**
   * The platform admin from ADMIN_EMAIL / ADMIN_PASSWORD, created ONCE. An existing admin's password is never
   * overwritten (restarting with another ADMIN_PASSWORD changes nothing; the admin changes it in the app), and
   * an existing tenant user with that e-mail is never promoted behind anyone's back: refused with a log line.
   */
  async ensurePlatformAdmin(): Promise<{ email: string; created: boolean; refused?: boolean }> {
    const email = this.config.ADMIN_EMAIL.toLowerCase();
    const password = this.config.ADMIN_PASSWORD;
    if (!password) return { email, created: false };
    const existing = await personByEmail(this.uow.reader, email);
    if (existing?.is_platform_admin) return { email, created: false };
    if (existing) {
      this.logger.error(
        `ADMIN_EMAIL ${email} belongs to an existing user who is not platform admin; refusing to promote it (choose another ADMIN_EMAIL)`,
      );
      return { email, created: false, refused: true };
    }
    const hash = await hashPassword(password);
    const created = await this.uow.write(async (em) => {
      const id = await insertPlatformAdmin(em, email, hash);
      if (!id) return false;
      await appendAudit(em, {
        organisationId: null,
        actorId: null,
        action: 'platform_admin.ensured',
        entityType: 'person',
        entityId: id,
      });
      return true;
    });
    return { email, created };
  }
}
