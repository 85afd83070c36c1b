import { swedishMonthSpan } from './swedish-time';

describe('swedishMonthSpan', () => {
  it('names a part of a year by its months, as a column heads it', () => {
    expect(swedishMonthSpan('2025-01-01', '2025-06-30')).toBe('jan–juni 2025');
    expect(swedishMonthSpan('2025-01-01', '2025-08-31')).toMatch(/^jan–aug 2025$/);
    expect(swedishMonthSpan('2025-01-01', '2025-06-30')).not.toMatch(/\d{4}-\d{2}/);
  });
});
