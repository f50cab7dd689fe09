/**
 * Working days (PRODUCT.md: a public notice lasts at least 5 working days). Saturdays and Sundays are not
 * working days, configured public holidays are not either, and configured make-up working days (a
 * weekend day worked in exchange for a longer holiday) are. The official schedule changes every year,
 * so the calendar is data an organization of the root region maintains, not a rule written here.
 * Dates are ISO calendar dates, `YYYY-MM-DD`.
 */
export interface WorkingDayCalendar {
  /** Public holidays (days off that would otherwise be working days). */
  readonly holidays: ReadonlySet<string>;
  /** Make-up working days (weekend days that are worked). */
  readonly makeUpDays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkingDayCalendar = { holidays: new Set(), makeUpDays: new Set() };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date; null when it is not a real calendar date. */
export function dayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return time / DAY_MS;
}

export const isIsoDate = (date: string): boolean => dayNumber(date) !== null;

function requireDay(date: string): number {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return day;
}

export function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return isoDateOf(requireDay(date) + days);
}

export function isWorkingDay(date: string, calendar: WorkingDayCalendar = EMPTY_CALENDAR): boolean {
  const weekday = new Date(requireDay(date) * DAY_MS).getUTCDay();
  if (calendar.makeUpDays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return weekday !== 0 && weekday !== 6;
}

/** Working days from `start` to `end`, both included (0 when end is before start). */
export function workingDaysBetween(start: string, end: string, calendar: WorkingDayCalendar = EMPTY_CALENDAR): number {
  const first = requireDay(start);
  const last = requireDay(end);
  let count = 0;
  for (let day = first; day <= last; day++) if (isWorkingDay(isoDateOf(day), calendar)) count++;
  return count;
}

/** The date on which a notice starting on `start` has lasted `days` working days (`start` counts if it is one). */
export function endAfterWorkingDays(start: string, days: number, calendar: WorkingDayCalendar = EMPTY_CALENDAR): string {
  let day = requireDay(start);
  let counted = isWorkingDay(isoDateOf(day), calendar) ? 1 : 0;
  while (counted < days) {
    day++;
    if (isWorkingDay(isoDateOf(day), calendar)) counted++;
  }
  return isoDateOf(day);
}
