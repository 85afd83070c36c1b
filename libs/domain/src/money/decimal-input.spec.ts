import { decimalInput } from './decimal-input';

describe('decimalInput', () => {
  const said = (s: string) => {
    const r = decimalInput.safeParse(s);
    return r.success ? 'ok' : r.error.issues.map((i) => i.message).join(' | ');
  };

  it('takes the amounts and targets the bundles have', () => {
    for (const s of ['0', '-12.5', '1200000.00', '0.905', '999999999999999.999999'])
      expect(said(s)).toBe('ok');
  });

  it('refuses exponents and other forms with one message, and too many digits with another', () => {
    for (const s of ['1e21', '-1E5', '0x10', ' 100', '1,5', ''])
      expect(said(s)).toBe('ska vara ett belopp som decimaltal i text, t.ex. "1200000.00"');
    for (const s of ['1234567890123456789012345678901234567890', '1000000000000000', '1.1234567'])
      expect(said(s)).toBe('får ha högst 15 siffror före och 6 efter decimaltecknet');
  });
});
