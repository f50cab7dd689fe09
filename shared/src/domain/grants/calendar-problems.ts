import { problemOf, type Problem } from '../../errors/problems';
import { isIsoDate, isWorkingDay } from './working-days';

/** One year of the holiday schedule as an organization of the root region sets it. */
export interface CalendarYear {
  year: number;
  holidays: readonly { day: string }[];
  makeUpDays: readonly { day: string }[];
}

/**
 * Problems of one year's calendar, by field (`holidays.2`): dates of that year, make-up days on weekends,
 * no day twice. The server refuses such a calendar; the console's editor shows them before sending.
 */
export function calendarYearProblems(input: CalendarYear): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  const seen = new Set<string>();
  const check = (list: readonly { day: string }[], field: string, makeUp: boolean) =>
    list.forEach(({ day }, i) => {
      const at = `${field}.${i}`;
      if (!isIsoDate(day)) problems[at] = problemOf('GRANT_NOT_A_DATE', { got: day });
      else if (!day.startsWith(`${input.year}-`)) problems[at] = problemOf('CALENDAR_DAY_OUTSIDE_YEAR', { day, year: input.year });
      else if (seen.has(day)) problems[at] = problemOf('CALENDAR_DAY_TWICE', { day });
      else if (makeUp && isWorkingDay(day)) problems[at] = problemOf('MAKE_UP_DAY_NOT_WEEKEND', { day });
      seen.add(day);
    });
  check(input.holidays, 'holidays', false);
  check(input.makeUpDays, 'makeUpDays', true);
  return problems;
}
