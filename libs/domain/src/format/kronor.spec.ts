import { formatKronor, formatShare } from './kronor';

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
