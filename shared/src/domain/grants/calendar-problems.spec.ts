import { describe, expect, it } from 'vitest';
import { calendarYearProblems } from './calendar-problems';

describe('a year of the holiday schedule', () => {
  it('passes days of its year: holidays on weekdays, make-up days on weekends', () => {
    expect(calendarYearProblems({ year: 2026, holidays: [{ day: '2026-10-01' }], makeUpDays: [{ day: '2026-09-27' }] })).toEqual({});
  });

  it('names each wrong row: another year, a day twice, a make-up day that is a working day already, not a date', () => {
    const problems = calendarYearProblems({
      year: 2026,
      holidays: [{ day: '2027-01-01' }, { day: '2026-10-01' }, { day: '2026-02-30' }],
      makeUpDays: [{ day: '2026-10-01' }, { day: '2026-10-09' }],
    });
    expect(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, problem.reason]))).toEqual({
      'holidays.0': 'CALENDAR_DAY_OUTSIDE_YEAR',
      'holidays.2': 'GRANT_NOT_A_DATE',
      'makeUpDays.0': 'CALENDAR_DAY_TWICE',
      'makeUpDays.1': 'MAKE_UP_DAY_NOT_WEEKEND',
    });
  });
});
