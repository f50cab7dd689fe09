import { describe, it, expect } from 'vitest';
import type { HarmonyMathErrorCode } from './errors';
import {
  minMaxScore,
  minMaxStatistics,
  normalizeGoalposts,
  normalizeMinMax,
  normalizeZScore,
  validateGoalposts,
  zScore,
  zScoreOnScale,
  zScores,
  zScoreStatistics,
} from './normalization';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });

describe('normalizeGoalposts', () => {
  const gini = { lower: 0.2, upper: 0.6 };
  const trust = { lower: 0, upper: 100 };

  it('maps HIGHER_IS_BETTER values linearly onto 0–100', () => {
    // (72 − 0)/(100 − 0) · 100 = 72
    expect(normalizeGoalposts(72, trust, 'HIGHER_IS_BETTER')).toBeCloseTo(72, 12);
    expect(normalizeGoalposts(0, trust, 'HIGHER_IS_BETTER')).toBe(0);
    expect(normalizeGoalposts(100, trust, 'HIGHER_IS_BETTER')).toBe(100);
  });

  it('reverses LOWER_IS_BETTER: the lower goalpost scores 100', () => {
    // Gini 0.35: (0.6 − 0.35)/(0.6 − 0.2) = 0.25/0.4 = 0.625 → 62.5
    expect(normalizeGoalposts(0.35, gini, 'LOWER_IS_BETTER')).toBeCloseTo(62.5, 12);
    expect(normalizeGoalposts(0.2, gini, 'LOWER_IS_BETTER')).toBeCloseTo(100, 12);
    expect(normalizeGoalposts(0.6, gini, 'LOWER_IS_BETTER')).toBeCloseTo(0, 12);
  });

  it('clamps values beyond the goalposts', () => {
    expect(normalizeGoalposts(0.15, gini, 'LOWER_IS_BETTER')).toBe(100);
    expect(normalizeGoalposts(0.72, gini, 'LOWER_IS_BETTER')).toBe(0);
    expect(normalizeGoalposts(8, { lower: 0, upper: 5 }, 'LOWER_IS_BETTER')).toBe(0);
    expect(normalizeGoalposts(12, { lower: 0, upper: 10 }, 'HIGHER_IS_BETTER')).toBe(100);
  });

  it('maps onto 1–100 for geometric aggregation', () => {
    // t = 0.625 → 1 + 0.625 · 99 = 62.875
    expect(normalizeGoalposts(0.35, gini, 'LOWER_IS_BETTER', 'ONE_TO_HUNDRED')).toBeCloseTo(62.875, 12);
    expect(normalizeGoalposts(0.6, gini, 'LOWER_IS_BETTER', 'ONE_TO_HUNDRED')).toBeCloseTo(1, 12);
    expect(normalizeGoalposts(0.2, gini, 'LOWER_IS_BETTER', 'ONE_TO_HUNDRED')).toBeCloseTo(100, 12);
  });

  it('keeps a missing value missing (never zero)', () => {
    expect(normalizeGoalposts(null, gini, 'LOWER_IS_BETTER')).toBeNull();
  });

  it('refuses reversed or equal goalposts and non-finite values', () => {
    expect(() => normalizeGoalposts(1, { lower: 5, upper: 5 }, 'LOWER_IS_BETTER')).toThrow(refusal('INVALID_GOALPOSTS'));
    expect(() => validateGoalposts({ lower: 10, upper: 0 })).toThrow(refusal('INVALID_GOALPOSTS'));
    expect(() => validateGoalposts({ lower: Number.NaN, upper: 1 })).toThrow(refusal('NON_FINITE_VALUE'));
    expect(() => normalizeGoalposts(Number.NaN, gini, 'LOWER_IS_BETTER')).toThrow(refusal('NON_FINITE_VALUE'));
  });
});

describe('min-max across regions', () => {
  it('maps the worst region to 0 and the best to 100, direction-aware', () => {
    // petitions per 10k: min 10, max 30. LOWER_IS_BETTER: (30 − x)/20 → 10 → 100, 15 → 75, 30 → 0
    expect(normalizeMinMax([10, 15, 30], 'LOWER_IS_BETTER')).toEqual([100, 75, 0]);
    // HIGHER_IS_BETTER: (x − 10)/20 → 0, 25, 100
    expect(normalizeMinMax([10, 15, 30], 'HIGHER_IS_BETTER')).toEqual([0, 25, 100]);
  });

  it('keeps nulls in place and ignores them for the bounds', () => {
    expect(normalizeMinMax([10, null, 20, null], 'HIGHER_IS_BETTER')).toEqual([0, null, 100, null]);
    expect(minMaxStatistics([null, 4, null, 2])).toEqual({ minimum: 2, maximum: 4, count: 2 });
  });

  it('gives the scale midpoint when every region has the same value, or there is one region', () => {
    expect(normalizeMinMax([7, 7, 7], 'HIGHER_IS_BETTER')).toEqual([50, 50, 50]);
    expect(normalizeMinMax([7, 7, 7], 'LOWER_IS_BETTER')).toEqual([50, 50, 50]);
    expect(normalizeMinMax([3], 'LOWER_IS_BETTER')).toEqual([50]);
    // 1 + 0.5 · 99 = 50.5
    expect(normalizeMinMax([3, null], 'HIGHER_IS_BETTER', 'ONE_TO_HUNDRED')).toEqual([50.5, null]);
  });

  it('gives all-null scores when every value is missing', () => {
    expect(minMaxStatistics([null, null])).toBeNull();
    expect(normalizeMinMax([null, null], 'HIGHER_IS_BETTER')).toEqual([null, null]);
  });

  it('maps onto 1–100 for geometric aggregation', () => {
    // (15 − 10)/20 = 0.25 → 1 + 0.25 · 99 = 25.75
    expect(normalizeMinMax([10, 15, 30], 'HIGHER_IS_BETTER', 'ONE_TO_HUNDRED')).toEqual([1, 25.75, 100]);
  });

  it('clamps a single value scored against bounds it lies outside of', () => {
    const statistics = { minimum: 10, maximum: 30, count: 3 };
    expect(minMaxScore(40, statistics, 'HIGHER_IS_BETTER')).toBe(100);
    expect(minMaxScore(null, statistics, 'HIGHER_IS_BETTER')).toBeNull();
    expect(minMaxScore(20, null, 'HIGHER_IS_BETTER')).toBeNull();
  });

  it('refuses non-finite values', () => {
    expect(() => normalizeMinMax([1, Infinity], 'HIGHER_IS_BETTER')).toThrow(refusal('NON_FINITE_VALUE'));
  });
});

describe('z-scores across regions', () => {
  // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32, sample sd = √(32/7) = 2.13809
  const values = [2, 4, 4, 4, 5, 5, 7, 9];
  const sd = Math.sqrt(32 / 7);

  it('uses the mean and the sample standard deviation (n − 1), as COINr', () => {
    const statistics = zScoreStatistics(values);
    expect(statistics?.mean).toBe(5);
    expect(statistics?.standardDeviation).toBeCloseTo(sd, 14);
    expect(statistics?.count).toBe(8);
  });

  it('returns raw z, negated for LOWER_IS_BETTER', () => {
    const higher = zScores(values, 'HIGHER_IS_BETTER');
    expect(higher[0]).toBeCloseTo(-3 / sd, 14);
    expect(higher[7]).toBeCloseTo(4 / sd, 14);
    expect(higher[4]).toBe(0);
    const lower = zScores(values, 'LOWER_IS_BETTER');
    expect(lower[0]).toBeCloseTo(3 / sd, 14);
    expect(lower[7]).toBeCloseTo(-4 / sd, 14);
  });

  it('maps z onto the scale as 50 + 10z', () => {
    // 9: z = 4/2.13809 = 1.87083 → 68.7083; 2: z = −1.40312 → 35.9688
    const scores = normalizeZScore(values, 'HIGHER_IS_BETTER');
    expect(scores[7]).toBeCloseTo(50 + (10 * 4) / sd, 12);
    expect(scores[0]).toBeCloseTo(50 - (10 * 3) / sd, 12);
    expect(scores[4]).toBe(50);
  });

  it('clamps beyond ±5 standard deviations, to 0–100 or 1–100', () => {
    const statistics = { mean: 0, standardDeviation: 1, count: 10 };
    expect(zScoreOnScale(6, statistics, 'HIGHER_IS_BETTER')).toBe(100);
    expect(zScoreOnScale(-6, statistics, 'HIGHER_IS_BETTER')).toBe(0);
    expect(zScoreOnScale(-6, statistics, 'HIGHER_IS_BETTER', 'ONE_TO_HUNDRED')).toBe(1);
    // −4.95 sd → 50 − 49.5 = 0.5, below the geometric floor → 1
    expect(zScoreOnScale(-4.95, statistics, 'HIGHER_IS_BETTER', 'ONE_TO_HUNDRED')).toBe(1);
  });

  it('gives z = 0 (score 50) without spread: all equal, or a single region', () => {
    expect(zScores([3, 3, 3], 'HIGHER_IS_BETTER')).toEqual([0, 0, 0]);
    expect(normalizeZScore([3], 'LOWER_IS_BETTER')).toEqual([50]);
    expect(zScoreStatistics([3])?.standardDeviation).toBe(0);
  });

  it('keeps nulls and ignores them in the statistics', () => {
    // 10, 20: mean 15, sd = √((25 + 25)/1) = 7.0711; z(20) = 0.70711
    const scores = zScores([10, null, 20], 'HIGHER_IS_BETTER');
    expect(scores[1]).toBeNull();
    expect(scores[2]).toBeCloseTo(5 / Math.sqrt(50), 14);
    expect(zScoreStatistics([null, null])).toBeNull();
    expect(zScore(1, null, 'HIGHER_IS_BETTER')).toBeNull();
  });
});
