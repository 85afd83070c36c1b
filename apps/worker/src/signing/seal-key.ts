import { createHmac } from 'node:crypto';
import { AppConfig } from '@app/infra';

/** The passphrase of a förbund's self-signed sealing certificate, derived from the server's secret. */
export function sealPassphrase(config: Pick<AppConfig, 'JWT_SECRET'>, organisationId: string): string {
  return createHmac('sha256', config.JWT_SECRET).update(`seal:${organisationId}`).digest('hex');
}
