import { authenticator } from 'otplib';
import { verifyPassword } from '../password';
import { Tx } from '@app/infra';
import { personContact, totpRow, useTotpStep } from './factors.store';

// Accept the code of the neighbouring 30-second step too, so a code typed at a step boundary still works.
authenticator.options = { window: 1 };

export type CodeCheck = 'OK' | 'NOT_SET_UP' | 'BAD_CREDENTIALS' | 'CODE_REUSED';

/** The 30-second step a code belongs to, or null when it is not a current code for the secret. */
export function totpStep(code: string, secret: string): number | null {
  const delta = authenticator.checkDelta(code, secret);
  return delta === null ? null : Math.floor(Date.now() / 30000) + delta;
}

/**
 * Re-authentication for a signature: the person's password and a one-time code from their confirmed TOTP secret.
 * A code counts once: its step is recorded and a code of the same or an earlier step is refused.
 */
export async function checkPasswordAndCode(
  em: Tx,
  personId: string,
  password: string,
  code: string,
  consume: boolean,
): Promise<CodeCheck> {
  const person = await personContact(em, personId);
  const totp = await totpRow(em, personId);
  if (!totp?.confirmed_at) return 'NOT_SET_UP';
  const step = totpStep(code, totp.secret);
  if (!(await verifyPassword(person?.password_hash, password)) || step === null) return 'BAD_CREDENTIALS';
  if (!consume) return 'OK';
  // One store function for every use (login step-up, signing, workflow steps, re-authentication).
  return (await useTotpStep(em, personId, step)) ? 'OK' : 'CODE_REUSED';
}
