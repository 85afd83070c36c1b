import {
  addDays,
  daysUntilDeadline,
  isLate,
  owesPeriod,
  periodRange,
  periodsOwed,
  reminderAt,
  swedishDate,
  swedishTime,
} from './periods';
import { periodDeadline } from './workflow';

describe('follow-up periods follow the insats dates', () => {
  it('knows the days a period covers', () => {
    expect(periodRange('DELAR-2025')).toEqual({ start: '2025-01-01', end: '2025-06-30' });
    expect(periodRange('HELAR-2025')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(periodRange('KVARTAL-2025')).toBeNull();
  });

  it('an insats that starts 2025-09-01 owes no Delår 2025, but Helår 2025', () => {
    const hammaro = { start: '2025-09-01', end: '2026-12-31' };
    expect(owesPeriod(hammaro, 'DELAR-2025')).toBe(false);
    expect(owesPeriod(hammaro, 'HELAR-2025')).toBe(true);
    expect(periodsOwed(hammaro, 2024, 2026)).toEqual(['HELAR-2025', 'DELAR-2026', 'HELAR-2026']);
  });

  it('an insats that starts on the last day of June still owes that Delår; on 1 July it does not', () => {
    expect(owesPeriod({ start: '2025-06-30', end: '2026-12-31' }, 'DELAR-2025')).toBe(true);
    expect(owesPeriod({ start: '2025-07-01', end: '2026-12-31' }, 'DELAR-2025')).toBe(false);
  });

  it('an insats that ended owes nothing after', () => {
    const tillit = { start: '2020-10-01', end: '2025-09-30' };
    expect(periodsOwed(tillit, 2025, 2027)).toEqual(['DELAR-2025', 'HELAR-2025']);
    expect(owesPeriod({ start: '2023-01-01', end: '2024-12-31' }, 'DELAR-2025')).toBe(false);
    expect(owesPeriod({ start: '2023-01-01', end: '2024-12-31' }, 'HELAR-2024')).toBe(true);
  });

  it('an insats decided in May, running from 1 July without an end, owes from Helår that year on', () => {
    const bron = { start: '2026-07-01', end: null };
    expect(periodsOwed(bron, 2026, 2027)).toEqual(['HELAR-2026', 'DELAR-2027', 'HELAR-2027']);
    expect(owesPeriod({ start: '2026-06-01' }, 'DELAR-2026')).toBe(true);
  });
});

describe('deadlines are judged in Swedish time', () => {
  const due = periodDeadline('HELAR', 2025, null);

  it('the deadline of Helår 2025 is 15 February 2026', () => {
    expect(due).toBe('2026-02-15');
  });

  it('is not late during the deadline day in Sweden, and late from Swedish midnight (UTC is still on the 15th)', () => {
    // 23:30 UTC on the 15th is 00:30 on the 16th in Stockholm (CET, UTC+1): late, though UTC says the 15th.
    expect(new Date('2026-02-15T23:30:00Z').toISOString().slice(0, 10)).toBe('2026-02-15');
    expect(swedishDate(new Date('2026-02-15T23:30:00Z'))).toBe('2026-02-16');
    expect(isLate(due, new Date('2026-02-15T23:30:00Z'))).toBe(true);
    // 22:59 UTC on the 15th is 23:59 in Stockholm: the last minute of the deadline day.
    expect(isLate(due, new Date('2026-02-15T22:59:00Z'))).toBe(false);
  });

  it('an early morning in Sweden is still the day before in UTC; it counts as the Swedish day', () => {
    // 31 August 2025 00:30 in Stockholm (CEST, UTC+2) is 30 August 22:30 UTC.
    expect(swedishDate(new Date('2025-08-30T22:30:00Z'))).toBe('2025-08-31');
    expect(isLate('2025-08-31', new Date('2025-08-31T21:59:00Z'))).toBe(false);
    expect(isLate('2025-08-31', new Date('2025-08-31T22:00:00Z'))).toBe(true);
  });

  it('counts days left in Swedish calendar days', () => {
    expect(daysUntilDeadline('2026-02-15', new Date('2026-02-14T23:30:00Z'))).toBe(0);
    expect(daysUntilDeadline('2026-02-15', new Date('2026-02-08T08:00:00Z'))).toBe(7);
    expect(daysUntilDeadline('2026-02-15', new Date('2026-02-15T23:30:00Z'))).toBe(-1);
  });

  it('turns a Swedish wall-clock time into the instant, winter and summer', () => {
    expect(swedishTime('2026-02-08', '08:00').toISOString()).toBe('2026-02-08T07:00:00.000Z');
    expect(swedishTime('2025-08-24', '08:00').toISOString()).toBe('2025-08-24T06:00:00.000Z');
  });

  it('sends reminders at 08:00 Swedish time, also across the change to summer time', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(reminderAt('2026-02-15', 7).toISOString()).toBe('2026-02-08T07:00:00.000Z');
    // Deadline 2 April 2026 (summer time since 29 March): seven days before is 26 March, still winter time.
    expect(reminderAt('2026-04-02', 7).toISOString()).toBe('2026-03-26T07:00:00.000Z');
    expect(reminderAt('2026-04-02', 1).toISOString()).toBe('2026-04-01T06:00:00.000Z');
  });
});
