import { z } from 'zod';

/** How many digits an amount or target may have before and after the decimal point (the database's numeric columns). */
export const MAX_INTEGER_DIGITS = 15;
export const MAX_FRACTION_DIGITS = 6;

const DECIMAL = /^-?\d+(\.\d+)?$/;
const BOUNDED = new RegExp(`^-?\\d{1,${MAX_INTEGER_DIGITS}}(\\.\\d{1,${MAX_FRACTION_DIGITS}})?$`);

/**
 * An amount (or target) as a decimal string, as the bundle and the set-up operations take it: digits with an
 * optional point, no exponent, and no more digits than PostgreSQL's numeric columns hold, so a 40-digit amount is a
 * Swedish error at its field instead of an overflow inside the database.
 */
export const decimalInput = z
  .string()
  .regex(DECIMAL, { message: 'ska vara ett belopp som decimaltal i text, t.ex. "1200000.00"' })
  .refine((s) => !DECIMAL.test(s) || BOUNDED.test(s), {
    message: `får ha högst ${MAX_INTEGER_DIGITS} siffror före och ${MAX_FRACTION_DIGITS} efter decimaltecknet`,
  });
