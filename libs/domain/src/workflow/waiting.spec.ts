import { periodsDueNow } from './waiting';

describe('periodsDueNow: the follow-ups an insats owes at an instant', () => {
  const running = { start: '2024-01-01', end: '2027-12-31' };

  it('owes the periods of this and last year that have ended, judged in Swedish time', () => {
    // 30 June 2026 22:30 UTC is already 1 July in Sweden: Delår 2026 has ended there.
    expect(periodsDueNow(running, new Date('2026-06-30T22:30:00Z'))).toEqual([
      'DELAR-2025',
      'HELAR-2025',
      'DELAR-2026',
    ]);
    expect(periodsDueNow(running, new Date('2026-06-30T21:30:00Z'))).toEqual(['DELAR-2025', 'HELAR-2025']);
  });

  it('follows the insats dates: one that starts in September owes no Delår that year', () => {
    expect(
      periodsDueNow({ start: '2025-09-01', end: '2027-12-31' }, new Date('2026-03-01T12:00:00Z')),
    ).toEqual(['HELAR-2025']);
    expect(
      periodsDueNow({ start: '2023-01-01', end: '2025-03-31' }, new Date('2026-11-01T12:00:00Z')),
    ).toEqual(['DELAR-2025', 'HELAR-2025']);
  });
});
