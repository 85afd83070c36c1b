import { stockholmParts, swedishDate } from '../format/swedish-time';
/**
 * Follow-up periods and their deadlines, judged by the insats' own dates and in Swedish time. Pure: the
 * current instant is always passed in. DOMAIN.md §2: DELAR-YYYY covers Jan 1 – Jun 30, HELAR-YYYY Jan 1 – Dec 31.
 */

export { SWEDISH_TIME_ZONE, swedishDate } from '../format/swedish-time';

const PERIOD = /^(DELAR|HELAR)-(\d{4})$/;

/** The days a period covers, as ISO dates (both inclusive); null for anything that is not a period. */
export function periodRange(period: string): { start: string; end: string } | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  return { start: `${m[2]}-01-01`, end: m[1] === 'DELAR' ? `${m[2]}-06-30` : `${m[2]}-12-31` };
}

/** The dates of an insats (ISO dates, inclusive); without an end (null) it runs until one is set. */
export interface InsatsDates {
  start: string;
  end?: string | null;
}

/**
 * Whether an insats owes a follow-up for the period: only when it ran during some of the period. One that
 * starts 2025-09-01 owes no DELAR-2025; one that ended owes nothing for the periods after.
 */
export function owesPeriod(insats: InsatsDates, period: string): boolean {
  const r = periodRange(period);
  if (!r) return false;
  return insats.start.slice(0, 10) <= r.end && (!insats.end || insats.end.slice(0, 10) >= r.start);
}

/** The periods an insats owes in the years fromYear–toYear, oldest first (DELAR before HELAR each year). */
export function periodsOwed(insats: InsatsDates, fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let y = fromYear; y <= toYear; y++)
    for (const kind of ['DELAR', 'HELAR']) if (owesPeriod(insats, `${kind}-${y}`)) out.push(`${kind}-${y}`);
  return out;
}

/**
 * A follow-up is late ("sen") once the deadline day has ended in Sweden: due 2026-02-15 means late from
 * 2026-02-16 00:00 Swedish time, whatever the server's or the browser's own time zone.
 */
export function isLate(deadline: string, now: Date): boolean {
  return swedishDate(now) > deadline.slice(0, 10);
}

/** Whole days left until the deadline, counted in Swedish calendar days (0 on the day, negative when late). */
export function daysUntilDeadline(deadline: string, now: Date): number {
  const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return Math.round((day(deadline.slice(0, 10)) - day(swedishDate(now))) / 86_400_000);
}

/**
 * The instant of a wall-clock time on a day in Sweden ("2026-02-08", "08:00" → 07:00Z in winter, 06:00Z in
 * summer), for jobs that should run at a Swedish hour.
 */
export function swedishTime(date: string, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  const wall = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), h, m || 0);
  // The offset at the guessed instant, then once more at the corrected one (exact except inside a DST gap).
  let at = wall;
  for (let i = 0; i < 2; i++) {
    const p = stockholmParts(new Date(at));
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    at = at + (wall - seen);
  }
  return new Date(at);
}

/** An ISO date moved by whole calendar days ("2026-03-01", -1 → "2026-02-28"). */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** When a reminder `daysBefore` a deadline goes out: at 08:00 Swedish time on that day. */
export function reminderAt(deadline: string, daysBefore: number): Date {
  return swedishTime(addDays(deadline.slice(0, 10), -daysBefore), '08:00');
}
