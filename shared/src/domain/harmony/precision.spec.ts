import { describe, expect, it } from 'vitest';
import { evaluateAlertRules } from './alerts';
import { DEFAULT_GRADE_BANDS, gradeWithin } from './grades';
import { INDEX_DECIMALS, roundHalfAwayFromZero, roundIndex } from './precision';

describe('roundIndex', () => {
  it('rounds to one decimal, half away from zero, on the decimal figure', () => {
    expect(INDEX_DECIMALS).toBe(1);
    expect(roundIndex(84.995)).toBe(85);
    expect(roundIndex(84.98)).toBe(85);
    expect(roundIndex(84.95)).toBe(85);
    expect(roundIndex(84.949)).toBe(84.9);
    expect(roundIndex(84.94999999)).toBe(84.9);
    expect(roundIndex(84.85)).toBe(84.9);
    expect(roundIndex(59.95)).toBe(60);
    expect(roundIndex(59.949)).toBe(59.9);
    expect(roundIndex(59.9499999)).toBe(59.9);
  });

  it('keeps zero, null and the edges of the scale', () => {
    expect(roundIndex(0)).toBe(0);
    expect(roundIndex(0.04)).toBe(0);
    expect(roundIndex(0.05)).toBe(0.1);
    expect(roundIndex(100)).toBe(100);
    expect(roundIndex(99.96)).toBe(100);
    expect(roundIndex(null)).toBeNull();
  });

  it('rounds negative figures (changes) away from zero, without a negative zero', () => {
    expect(roundIndex(-0.05)).toBe(-0.1);
    expect(roundIndex(-8.45)).toBe(-8.5);
    expect(roundIndex(-0.04)).toBe(0);
    expect(Object.is(roundIndex(-0.04), -0)).toBe(false);
  });

  it('rounds binary near-misses as their decimal writing says', () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(84.99999999999999, 1)).toBe(85);
    expect(roundHalfAwayFromZero(1e-7, 1)).toBe(0);
    expect(roundHalfAwayFromZero(Number.NaN, 1)).toBeNaN();
  });
});

describe('grades and alerts judge the figure as shown', () => {
  it('grades 84.98 and 84.995 harmonious (shown 85.0), 84.949 basically harmonious (shown 84.9)', () => {
    expect(gradeWithin(roundIndex(84.98), DEFAULT_GRADE_BANDS)).toBe('HARMONIOUS');
    expect(gradeWithin(roundIndex(84.995), DEFAULT_GRADE_BANDS)).toBe('HARMONIOUS');
    expect(gradeWithin(roundIndex(84.949), DEFAULT_GRADE_BANDS)).toBe('BASICALLY_HARMONIOUS');
  });

  it('does not raise "below 60" for 59.95 (shown 60.0), raises it for 59.949 (shown 59.9)', () => {
    const rules = [{ kind: 'INDEX_BELOW', threshold: 60 }] as const;
    const input = (index: number) => ({ index, grade: null, previousIndex: null, indicators: [] });
    expect(evaluateAlertRules(rules, input(59.95))).toEqual([]);
    expect(evaluateAlertRules(rules, input(59.949))).toEqual([
      { kind: 'INDEX_BELOW', indicatorCode: null, details: { index: 59.9, threshold: 60, grade: null } },
    ]);
  });

  it('measures a fall between the figures as shown', () => {
    const rules = [{ kind: 'FALL_SINCE_PREVIOUS', points: 5 }] as const;
    // 70.04 → 64.96 is a fall of 5.08, but shown 70.0 → 65.0 it is 5.0: not more than 5.
    expect(evaluateAlertRules(rules, { index: 64.96, grade: null, previousIndex: 70.04, indicators: [] })).toEqual([]);
    expect(evaluateAlertRules(rules, { index: 64.94, grade: null, previousIndex: 70.04, indicators: [] })).toEqual([
      { kind: 'FALL_SINCE_PREVIOUS', indicatorCode: null, details: { index: 64.9, previousIndex: 70, fall: 5.1, points: 5 } },
    ]);
  });
});
