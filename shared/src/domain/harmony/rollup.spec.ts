import { describe, it, expect } from 'vitest';
import type { HarmonyMathErrorCode } from './errors';
import { changeAgainstPrevious, rankAmongSiblings, rollUpByPopulation } from './rollup';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });

describe('rollUpByPopulation', () => {
  it('is the population-weighted mean of the children', () => {
    // (100,000 · 80 + 300,000 · 60) / 400,000 = (8,000,000 + 18,000,000) / 400,000 = 65
    const result = rollUpByPopulation([
      { code: 'A', index: 80, population: 100_000 },
      { code: 'B', index: 60, population: 300_000 },
    ]);
    expect(result.index).toBeCloseTo(65, 12);
    expect(result.coverage).toBe(1);
    expect(result.complete).toBe(true);
    expect(result.included).toEqual(['A', 'B']);
    expect(result.excluded).toEqual([]);
    expect(result.totalPopulation).toBe(400_000);
  });

  it('excludes children without an index and reports the population share covered', () => {
    // A and C: (100,000 · 80 + 100,000 · 90) / 200,000 = 85; coverage 200,000/500,000 = 0.4
    const result = rollUpByPopulation([
      { code: 'A', index: 80, population: 100_000 },
      { code: 'B', index: null, population: 300_000 },
      { code: 'C', index: 90, population: 100_000 },
    ]);
    expect(result.index).toBeCloseTo(85, 12);
    expect(result.coverage).toBeCloseTo(0.4, 12);
    expect(result.complete).toBe(false);
    expect(result.excluded).toEqual(['B']);
    expect(
      rollUpByPopulation(
        [
          { code: 'A', index: 80, population: 1 },
          { code: 'B', index: null, population: 1 },
        ],
        { coverageThreshold: 0.5 },
      ).complete,
    ).toBe(true);
  });

  it('one child is its own roll-up; no child with an index gives none', () => {
    expect(rollUpByPopulation([{ code: 'A', index: 72.5, population: 10 }]).index).toBe(72.5);
    const none = rollUpByPopulation([{ code: 'A', index: null, population: 10 }]);
    expect(none.index).toBeNull();
    expect(none.coverage).toBe(0);
    expect(none.complete).toBe(false);
  });

  it('refuses no children, negative or no population, duplicated codes', () => {
    expect(() => rollUpByPopulation([])).toThrow(refusal('EMPTY_INPUT'));
    expect(() => rollUpByPopulation([{ code: 'A', index: 50, population: -1 }])).toThrow(refusal('INVALID_POPULATION'));
    expect(() => rollUpByPopulation([{ code: 'A', index: 50, population: 0 }])).toThrow(refusal('INVALID_POPULATION'));
    expect(() =>
      rollUpByPopulation([
        { code: 'A', index: 50, population: 1 },
        { code: 'A', index: 60, population: 1 },
      ]),
    ).toThrow(refusal('DUPLICATE_CODE'));
    expect(() => rollUpByPopulation([{ code: 'A', index: Number.NaN, population: 1 }])).toThrow(refusal('NON_FINITE_VALUE'));
  });
});

describe('rankAmongSiblings', () => {
  it('uses competition ranking, higher index first: 1, 2, 2, 4', () => {
    expect(rankAmongSiblings([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
    expect(rankAmongSiblings([70, 80, 90, 80])).toEqual([4, 2, 1, 2]);
  });

  it('leaves missing indices unranked without using up a rank', () => {
    expect(rankAmongSiblings([null, 60, 75, null, 60])).toEqual([null, 2, 1, null, 2]);
  });

  it('handles one region, all tied, none, and all missing', () => {
    expect(rankAmongSiblings([55])).toEqual([1]);
    expect(rankAmongSiblings([5, 5, 5])).toEqual([1, 1, 1]);
    expect(rankAmongSiblings([])).toEqual([]);
    expect(rankAmongSiblings([null, null])).toEqual([null, null]);
  });

  it('refuses non-finite values', () => {
    expect(() => rankAmongSiblings([1, Number.NaN])).toThrow(refusal('NON_FINITE_VALUE'));
  });
});

describe('changeAgainstPrevious', () => {
  it('gives the change in points and as a fraction', () => {
    // 72 − 80 = −8 points; −8/80 = −0.1
    expect(changeAgainstPrevious(72, 80)).toEqual({ absolute: -8, relative: -0.1, direction: 'DOWN' });
    // 66 − 60 = 6; 6/60 = 0.1
    expect(changeAgainstPrevious(66, 60)).toEqual({ absolute: 6, relative: 0.1, direction: 'UP' });
  });

  it('calls rounding noise unchanged', () => {
    expect(changeAgainstPrevious(70 + 1e-12, 70).direction).toBe('UNCHANGED');
    expect(changeAgainstPrevious(70, 70)).toEqual({ absolute: 0, relative: 0, direction: 'UNCHANGED' });
  });

  it('has no relative change from zero, and nothing when either period is missing', () => {
    expect(changeAgainstPrevious(5, 0)).toEqual({ absolute: 5, relative: null, direction: 'UP' });
    expect(changeAgainstPrevious(null, 70)).toEqual({ absolute: null, relative: null, direction: null });
    expect(changeAgainstPrevious(70, null)).toEqual({ absolute: null, relative: null, direction: null });
  });

  it('keeps the sign of the relative change with the direction for negative values (z-scores)', () => {
    // −1 − (−2) = +1; 1/|−2| = 0.5
    expect(changeAgainstPrevious(-1, -2)).toEqual({ absolute: 1, relative: 0.5, direction: 'UP' });
  });
});
