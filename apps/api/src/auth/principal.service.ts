import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { Principal } from '@app/domain';
import { DATA_SOURCE } from '../common/infra/tokens';
import { personAccessWithGrants } from './auth.store';

export interface TokenClaims {
  sub: string;
  tv: number;
  /** Expiry, seconds since the epoch (set by JwtService from JWT_TTL_SECONDS). */
  exp?: number;
}

/** Turns a bearer token into the person's grants, fresh from the database on every request. */
@Injectable()
export class PrincipalService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly jwt: JwtService,
  ) {}

  sign(personId: string, tokenVersion: number): string {
    return this.jwt.sign({ sub: personId, tv: tokenVersion } satisfies TokenClaims);
  }

  /** The token's claims when its signature and expiry are good, else null (no database access). */
  verify(token: string | null | undefined): TokenClaims | null {
    if (!token) return null;
    try {
      return this.jwt.verify<TokenClaims>(token);
    } catch {
      return null;
    }
  }

  /** null when the token is missing, expired, malformed, or revoked by a password change. */
  async fromToken(token: string | null | undefined): Promise<Principal | null> {
    const claims = this.verify(token);
    return claims ? this.load(claims.sub, claims.tv) : null;
  }

  async load(personId: string, tokenVersion?: number): Promise<Principal | null> {
    const person = await personAccessWithGrants(this.ds.manager, personId);
    if (!person || (tokenVersion !== undefined && person.token_version !== tokenVersion)) return null;
    const grants = person.grants;
    return {
      personId: person.id,
      isPlatformAdmin: person.is_platform_admin,
      isNationalNetwork: person.is_national_network,
      grants: grants.map((g) => ({
        organisationId: g.organisation_id,
        role: g.role,
        insatsId: g.insats_id,
      })),
    };
  }
}

export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const m = /^Bearer\s+(.+)$/i.exec(value ?? '');
  return m ? m[1].trim() : null;
}
