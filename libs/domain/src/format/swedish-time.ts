/**
 * Times as a Swede reads them: every date and time shown to people, in mails, PDFs and the signeringsintyg,
 * and every deadline judged, goes through here (Europe/Stockholm, CET/CEST as the date has it; never UTC).
 */
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: SWEDISH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const DAY = new Intl.DateTimeFormat('sv-SE', {
  timeZone: SWEDISH_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** An instant's calendar and clock fields in Sweden. */
export function stockholmParts(at: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
} {
  const out: Record<string, number> = {};
  for (const p of PARTS.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out as ReturnType<typeof stockholmParts>;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The calendar day in Sweden at an instant (YYYY-MM-DD): 2026-02-15T23:30Z is already 2026-02-16 there. */
export function swedishDate(at: Date | string): string {
  const p = stockholmParts(new Date(at));
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-11-23 kl. 11:21:51": a moment in Swedish time. */
export function swedishDateTime(at: Date | string): string {
  const p = stockholmParts(new Date(at));
  return `${swedishDate(new Date(at))} kl. ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** "2026-11-23 kl. 11:21": a moment in Swedish time, to the minute. */
export function swedishMinute(at: Date | string): string {
  return swedishDateTime(at).slice(0, -3);
}

/** "23 november 2026": a day in Swedish time (a bare YYYY-MM-DD is that day). */
export function swedishDay(at: Date | string): string {
  return DAY.format(
    typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T12:00:00Z`) : new Date(at),
  );
}

const MONTH = new Intl.DateTimeFormat('sv-SE', { month: 'short', timeZone: 'UTC' });
const monthOf = (iso: string) => MONTH.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)).replace('.', '');

/** A part of a year as a column heads it: "jan–jun 2025" for 2025-01-01 – 2025-06-30. */
export function swedishMonthSpan(startIso: string, endIso: string): string {
  return `${monthOf(startIso)}–${monthOf(endIso)} ${endIso.slice(0, 4)}`;
}
