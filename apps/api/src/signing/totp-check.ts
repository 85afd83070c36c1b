import { authenticator } from 'otplib';
import { EntityManager } from 'typeorm';
import { verifyPassword } from '../auth/password';

export type CodeCheck = 'OK' | 'NOT_SET_UP' | 'BAD_CREDENTIALS' | 'CODE_REUSED';

/**
 * Re-authentication for a signature: the person's password and a one-time code from their confirmed TOTP secret.
 * A code counts once: its 30-second step is recorded and a replay in the same step is refused.
 */
export async function checkPasswordAndCode(
  em: Pick<EntityManager, 'query'>,
  personId: string,
  password: string,
  code: string,
  consume: boolean,
): Promise<CodeCheck> {
  const [person] = await em.query('SELECT password_hash FROM person WHERE id = $1', [personId]);
  const [totp] = await em.query('SELECT secret, confirmed_at FROM person_totp WHERE person_id = $1', [
    personId,
  ]);
  if (!totp?.confirmed_at) return 'NOT_SET_UP';
  if (!(await verifyPassword(person?.password_hash, password)) || !authenticator.check(code, totp.secret))
    return 'BAD_CREDENTIALS';
  if (!consume) return 'OK';
  const step = Math.floor(Date.now() / 30000);
  const used = await em.query(
    'UPDATE person_totp SET last_used_step = $2 WHERE person_id = $1 AND (last_used_step IS NULL OR last_used_step < $2) RETURNING 1',
    [personId, step],
  );
  return used.length ? 'OK' : 'CODE_REUSED';
}
