import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  InvalidPeriodError,
  isPeriod,
  parsePeriod,
  periodContains,
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
});
