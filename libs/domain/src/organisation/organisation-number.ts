import { z } from 'zod';

/**
 * A Swedish organisationsnummer: ten digits (NNNNNN-NNNN, the dash optional), the last a Luhn check digit over the
 * first nine. Given back as NNNNNN-NNNN, or null when it is not one.
 */
export function normaliseOrganisationNumber(input: string): string | null {
  const digits = input.trim().replace(/^16(?=\d{6}-?\d{4}$)/, '');
  const m = /^(\d{6})-?(\d{4})$/.exec(digits);
  if (!m) return null;
  const all = m[1] + m[2];
  return luhnValid(all) ? `${m[1]}-${m[2]}` : null;
}

/** The Luhn (mod 10) check over a string of digits, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const organisationNumberSchema = z.string().transform((s, ctx) => {
  const n = normaliseOrganisationNumber(s);
  if (!n) {
    ctx.addIssue({
      code: 'custom',
      message: 'ska vara ett organisationsnummer med tio siffror (NNNNNN-NNNN) och rätt kontrollsiffra',
    });
    return z.NEVER;
  }
  return n;
});
