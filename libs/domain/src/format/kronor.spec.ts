import { formatKronor, formatShare, formatUtfall, keepNumbersWhole } from './kronor';

describe('amounts in sentences', () => {
  it('says kronor with a Swedish thousands space, öre only when there are any', () => {
    expect(formatKronor('9447000.00')).toBe('9\u00a0447\u00a0000\u00a0kr');
    expect(formatKronor('8929999.99')).toBe('8\u00a0929\u00a0999,99\u00a0kr');
    expect(formatKronor('-150000')).toBe('-150\u00a0000\u00a0kr');
    expect(formatKronor('0.00')).toBe('0\u00a0kr');
  });
  it('says a ratio as a percentage with a decimal comma', () => {
    expect(formatShare('0.467192')).toBe('46,7\u00a0%');
  });
});

describe('formatUtfall', () => {
  it('writes a fraction of a percent mätpunkt as a percentage, other numbers the Swedish way, text as typed', () => {
    expect(formatUtfall('0.90', 'Minst 90 % av eleverna är nöjda')).toBe('90\u00a0%');
    expect(formatUtfall('0.925', 'Minst 90 % av eleverna är nöjda')).toBe('92,5\u00a0%');
    expect(formatUtfall('6', 'Arbeta med 15 personer')).toBe('6');
    expect(formatUtfall('12500', 'Antal besök')).toBe('12\u00a0500');
    expect(formatUtfall('2.5', 'Snittid i månader')).toBe('2,5');
    expect(formatUtfall('1.00', 'Varje individ ska ha en plan')).toBe('1');
    expect(formatUtfall('ca 20 deltagare', 'Antal')).toBe('ca 20 deltagare');
  });
});

describe('keepNumbersWhole', () => {
  it('joins digit groups and a number with its unit by no-break spaces, nothing else', () => {
    expect(keepNumbersWhole('summerar till 5 014 medan 90 % och 833 000 kr, år 2025 och 12 elever')).toBe(
      'summerar till 5\u00a0014 medan 90\u00a0% och 833\u00a0000\u00a0kr, år 2025 och 12 elever',
    );
  });
});
