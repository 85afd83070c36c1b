import { createHmac } from 'node:crypto';
import { AppConfig } from '@app/infra';

/**
 * The passphrase of a förbund's self-signed sealing certificate, derived from SEAL_KEY_SECRET (its own secret, so
 * rotating JWT_SECRET does not lock the seal). Installations from before it existed fall back to JWT_SECRET.
 */
export function sealPassphrase(
  config: Pick<AppConfig, 'JWT_SECRET' | 'SEAL_KEY_SECRET'>,
  organisationId: string,
): string {
  return createHmac('sha256', config.SEAL_KEY_SECRET ?? config.JWT_SECRET)
    .update(`seal:${organisationId}`)
    .digest('hex');
}
