import * as argon2 from 'argon2';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the person does not exist, so that timing does not tell who has an account. */
let dummy: Promise<string> | null = null;
export const dummyHash = () => (dummy ??= hashPassword('no-such-person-dummy-password'));

export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Lösenordet ska ha minst 12 tecken.';
  if (password.length > 200) return 'Lösenordet får ha högst 200 tecken.';
  if (!/[A-Za-zÅÄÖåäö]/.test(password) || !/[0-9]/.test(password))
    return 'Lösenordet ska innehålla både bokstäver och siffror.';
  return null;
}
