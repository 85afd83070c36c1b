import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../common/errors/app-error';
import { AuthError } from '../../common/errors/error-codes';
import { REDIS } from '../../common/infra/tokens';

/** Failed attempts per person and window for a one-time code (password hashing and TOTP checks come after). */
export const FACTOR_ATTEMPTS = 5;
export const FACTOR_WINDOW_SECONDS = 5 * 60;

/**
 * Rate limit on second-factor attempts (TOTP codes, re-authentication), counted per person before any
 * expensive work, so six digits cannot be guessed within a code's lifetime. A success gives its point back:
 * what is limited is failures.
 */
@Injectable()
export class FactorAttempts {
  private readonly logger = new Logger(FactorAttempts.name);
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'factor:totp',
      points: FACTOR_ATTEMPTS,
      duration: FACTOR_WINDOW_SECONDS,
      insuranceLimiter: new RateLimiterMemory({ points: FACTOR_ATTEMPTS, duration: FACTOR_WINDOW_SECONDS }),
    });
  }

  /** Counts one attempt; refuses when the person has used up the window's attempts. */
  async consume(personId: string): Promise<void> {
    try {
      await this.limiter.consume(personId);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        this.logger.warn({ personId }, 'one-time code rate limit reached');
        throw new AppError(
          AuthError.TOO_MANY_ATTEMPTS,
          `För många försök med engångskod. Vänta ${Math.ceil(e.msBeforeNext / 60000)} minuter och försök igen.`,
        );
      }
      throw e;
    }
  }

  /** The attempt succeeded: it does not count against the person. */
  async succeeded(personId: string): Promise<void> {
    await this.limiter.reward(personId, 1).catch(() => undefined);
  }
}
