import * as argon2 from 'argon2';
import { availableParallelism } from 'node:os';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Runs at most `limit` of the calls at a time; the rest wait their turn in order. Each argon2 hash takes 19 MiB
 * outside the V8 heap for its duration, and libuv runs four at once by default: when everybody logs in at the
 * deadline that was 76 MiB of the API's peak memory, for no gain on a machine with fewer cores than that.
 */
export function limitConcurrency(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (work) => {
    if (running >= limit) await new Promise<void>((r) => waiting.push(r));
    else running++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

const hashing = limitConcurrency(Math.max(1, Math.min(4, availableParallelism())));

export const hashPassword = (password: string) => hashing(() => argon2.hash(password, OPTIONS));

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await hashing(() => argon2.verify(hash, password));
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
