import { InsatsDates, owesPeriod, periodRange, swedishDate } from './periods';

/**
 * The periods whose follow-up an insats owes now: the periods of this and last calendar year (in Sweden) that
 * the insats ran in and that have ended. Older gaps belong to the reports' coverage checks, not to a to-do list.
 * Pure: the current instant is passed in.
 */
export function periodsDueNow(insats: InsatsDates, now: Date): string[] {
  const today = swedishDate(now);
  const year = Number(today.slice(0, 4));
  const out: string[] = [];
  for (let y = year - 1; y <= year; y++)
    for (const kind of ['DELAR', 'HELAR']) {
      const period = `${kind}-${y}`;
      if (owesPeriod(insats, period) && periodRange(period)!.end < today) out.push(period);
    }
  return out;
}
