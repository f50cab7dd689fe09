import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  InvalidPeriodError,
  isFuturePeriod,
  isoDate,
  isPeriod,
  lastFinishedPeriod,
  parsePeriod,
  periodContains,
  periodProblems,
  previousPeriod,
  statisticsFallbackChain,
} from './period';

describe('periods', () => {
  it('parses years, quarters and months with their bounds', () => {
    expect(parsePeriod('2026')).toEqual({ code: '2026', kind: 'YEAR', year: 2026, start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('2026-Q3')).toEqual({
      code: '2026-Q3',
      kind: 'QUARTER',
      year: 2026,
      index: 3,
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'MONTH', index: 2, start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('2025-02').end).toBe('2025-02-28');
    expect(parsePeriod(' 2026-Q1 ').code).toBe('2026-Q1');
  });

  it.each(['', '26', '2026-Q5', '2026-Q0', '2026-13', '2026-00', '2026-7', '2026Q3', '2026-q3', '1900', 'abcd', '2026-W01'])(
    'refuses %j',
    (input) => {
      expect(() => parsePeriod(input)).toThrow(InvalidPeriodError);
      expect(isPeriod(input)).toBe(false);
    },
  );

  it('steps back one period of the same kind, across years', () => {
    expect(previousPeriod('2026-Q1').code).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3').code).toBe('2026-Q2');
    expect(previousPeriod('2026-01').code).toBe('2025-12');
    expect(previousPeriod('2026').code).toBe('2025');
  });

  it('orders by start, longer periods first', () => {
    const sorted = ['2026-07', '2026-Q3', '2025', '2026', '2026-Q1', '2026-01'].sort(comparePeriods);
    expect(sorted).toEqual(['2025', '2026', '2026-Q1', '2026-01', '2026-Q3', '2026-07']);
  });

  it('knows containment, and where a period finds its population figures', () => {
    expect(periodContains('2026', '2026-Q3')).toBe(true);
    expect(periodContains('2026-Q3', '2026-08')).toBe(true);
    expect(periodContains('2026-Q3', '2026-10')).toBe(false);
    expect(statisticsFallbackChain('2026-08')).toEqual(['2026-08', '2026-Q3', '2026']);
    expect(statisticsFallbackChain('2026-Q4')).toEqual(['2026-Q4', '2026']);
    expect(statisticsFallbackChain('2026')).toEqual(['2026']);
  });

  it('knows which periods have not begun yet: the running one has, the next one has not', () => {
    const today = '2026-11-29';
    expect(isFuturePeriod('2026-Q4', today)).toBe(false);
    expect(isFuturePeriod('2026-11', today)).toBe(false);
    expect(isFuturePeriod('2026', today)).toBe(false);
    expect(isFuturePeriod('2026-12', today)).toBe(true);
    expect(isFuturePeriod('2027-Q1', today)).toBe(true);
    expect(isFuturePeriod('2030-Q1', today)).toBe(true);
    // The first day of a period belongs to it.
    expect(isFuturePeriod('2027-Q1', '2027-01-01')).toBe(false);
    expect(isFuturePeriod('2027-Q1', '2026-12-31')).toBe(true);
  });

  it('proposes the last finished period of each kind, not the running one', () => {
    expect(lastFinishedPeriod('QUARTER', '2026-11-29').code).toBe('2026-Q3');
    expect(lastFinishedPeriod('QUARTER', '2026-09-30').code).toBe('2026-Q2');
    expect(lastFinishedPeriod('QUARTER', '2026-10-01').code).toBe('2026-Q3');
    expect(lastFinishedPeriod('QUARTER', '2026-02-10').code).toBe('2025-Q4');
    expect(lastFinishedPeriod('MONTH', '2026-01-15').code).toBe('2025-12');
    expect(lastFinishedPeriod('YEAR', '2026-11-29').code).toBe('2025');
  });

  it('names the problem of a period for data that must already exist', () => {
    const today = '2026-11-29';
    expect(periodProblems('2026-Q3', today)).toBeNull();
    expect(periodProblems('2026-Q4', today)).toBeNull();
    expect(periodProblems('2030-Q1', today)).toBe('FUTURE_PERIOD');
    expect(periodProblems('2030-Q5', today)).toBe('INVALID_PERIOD');
    expect(periodProblems('', today)).toBe('INVALID_PERIOD');
  });

  it('reads today as a UTC date', () => {
    expect(isoDate(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-29');
  });
});
