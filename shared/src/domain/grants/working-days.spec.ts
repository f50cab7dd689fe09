import { describe, expect, it } from 'vitest';
import { addDays, endAfterWorkingDays, isIsoDate, isWorkingDay, workingDaysBetween, type WorkingDayCalendar } from './working-days';

/** A National Day week as the official schedule has it: seven days off, two weekend days worked in exchange. */
const calendar: WorkingDayCalendar = {
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']),
  makeUpDays: new Set(['2026-09-27', '2026-10-10']),
};

describe('working days', () => {
  it('are Monday to Friday without a calendar', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(workingDaysBetween('2026-11-30', '2026-12-04')).toBe(5);
  });

  it('count across a weekend: Friday to Thursday is five', () => {
    expect(workingDaysBetween('2026-11-27', '2026-12-03')).toBe(5);
    expect(workingDaysBetween('2026-11-27', '2026-12-02')).toBe(4);
  });

  it('skip holidays and count make-up days', () => {
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false); // a Thursday off
    expect(isWorkingDay('2026-09-27', calendar)).toBe(true); // a Sunday worked
    // Sunday 27 (worked), 28, 29, 30, then the holiday week, then Thursday 8 October: five.
    expect(workingDaysBetween('2026-09-27', '2026-10-08', calendar)).toBe(5);
    expect(workingDaysBetween('2026-09-28', '2026-10-08', calendar)).toBe(4);
    // Thursday 8, Friday 9, Saturday 10 (worked), Monday 12: four; Tuesday 13 makes five.
    expect(workingDaysBetween('2026-10-08', '2026-10-12', calendar)).toBe(4);
    expect(workingDaysBetween('2026-10-08', '2026-10-13', calendar)).toBe(5);
  });

  it('find the day a notice has lasted enough working days', () => {
    expect(endAfterWorkingDays('2026-09-28', 5, calendar)).toBe('2026-10-09');
    expect(endAfterWorkingDays('2026-11-28', 5)).toBe('2026-12-04');
    expect(workingDaysBetween('2026-12-04', '2026-12-01')).toBe(0);
  });

  it('read only real calendar dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-1-1')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(() => workingDaysBetween('2026-02-30', '2026-03-02')).toThrow(RangeError);
  });
});
