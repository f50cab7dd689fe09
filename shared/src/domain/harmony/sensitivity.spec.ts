import { describe, it, expect } from 'vitest';
import type { HarmonyMathErrorCode } from './errors';
import { createRng, quantileOfSorted, weightSensitivity } from './sensitivity';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });

describe('createRng (mulberry32)', () => {
  it('reproduces the reference mulberry32 sequence', () => {
    // First outputs of the canonical public-domain implementation for seeds 0, 1 and 42.
    const zero = createRng(0);
    expect([zero(), zero(), zero()]).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]);
    const one = createRng(1);
    expect([one(), one(), one()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const fortyTwo = createRng(42);
    expect(fortyTwo()).toBe(0.6011037519201636);
  });

  it('stays in [0, 1) with a mean near 1/2', () => {
    const random = createRng(7);
    let sum = 0;
    let lowest = Infinity;
    let highest = -Infinity;
    for (let i = 0; i < 10_000; i++) {
      const value = random();
      lowest = Math.min(lowest, value);
      highest = Math.max(highest, value);
      sum += value;
    }
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(highest).toBeLessThan(1);
    // standard error of the mean: √(1/12)/100 ≈ 0.0029; 0.01 is more than 3 of them
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.01);
  });

  it('reduces the seed to an unsigned 32-bit integer', () => {
    expect(createRng(2 ** 32 + 1)()).toBe(createRng(1)());
    expect(createRng(1.9)()).toBe(createRng(1)());
    expect(() => createRng(Number.NaN)).toThrow(refusal('NON_FINITE_VALUE'));
  });
});

describe('quantileOfSorted (R type 7)', () => {
  it('interpolates between order statistics', () => {
    const sorted = [1, 2, 3, 4];
    // h = (n − 1)p: p = 0.5 → h = 1.5 → 2 + 0.5 · (3 − 2) = 2.5
    expect(quantileOfSorted(sorted, 0.5)).toBe(2.5);
    // p = 0.05 → h = 0.15 → 1 + 0.15 = 1.15; p = 0.95 → h = 2.85 → 3 + 0.85 = 3.85
    expect(quantileOfSorted(sorted, 0.05)).toBeCloseTo(1.15, 14);
    expect(quantileOfSorted(sorted, 0.95)).toBeCloseTo(3.85, 14);
    expect(quantileOfSorted(sorted, 0)).toBe(1);
    expect(quantileOfSorted(sorted, 1)).toBe(4);
    expect(quantileOfSorted([7], 0.3)).toBe(7);
  });

  it('refuses no values and probabilities outside [0, 1]', () => {
    expect(() => quantileOfSorted([], 0.5)).toThrow(refusal('EMPTY_INPUT'));
    expect(() => quantileOfSorted([1], 1.5)).toThrow(refusal('INVALID_OPTION'));
  });
});

describe('weightSensitivity', () => {
  // A is strong on the first indicator, B on the second, C balanced: with equal weights all three
  // score 50; whichever indicator a run favours decides whether A or B leads. C is always between.
  const balanced = {
    regions: ['A', 'B', 'C'],
    weights: [0.5, 0.5],
    scores: [
      [100, 0],
      [0, 100],
      [50, 50],
    ],
  };

  it('hand-checked single run (seed 1)', () => {
    // u₁ = 0.62707, u₂ = 0.00274 (see createRng): w₁ = 0.5 · (1 + 0.25 · (2u₁ − 1)) = 0.531768,
    // w₂ = 0.5 · (1 + 0.25 · (2u₂ − 1)) = 0.375684; normalized w₁ = 0.531768 / 0.907452 = 0.586
    // → A = 58.6, C = 50, B = 41.4: ranks 1, 3, 2.
    const result = weightSensitivity(balanced, { runs: 1, seed: 1 });
    expect(result.regions.map(({ medianRank }) => medianRank)).toEqual([1, 3, 2]);
    expect(result.regions.map(({ nominalRank }) => nominalRank)).toEqual([1, 1, 1]);
    expect(result.regions.map(({ nominalIndex }) => nominalIndex)).toEqual([50, 50, 50]);
  });

  it('reports each region’s rank interval over the runs', () => {
    const result = weightSensitivity(balanced, { runs: 1000, seed: 2026 });
    const [a, b, c] = result.regions;
    expect(a.percentile5Rank).toBe(1);
    expect(a.percentile95Rank).toBe(3);
    expect(b.percentile5Rank).toBe(1);
    expect(b.percentile95Rank).toBe(3);
    expect(c).toEqual({
      region: 'C',
      nominalIndex: 50,
      nominalRank: 1,
      medianRank: 2,
      percentile5Rank: 2,
      percentile95Rank: 2,
    });
    expect(result).toMatchObject({ runs: 1000, perturbation: 0.25, seed: 2026, aggregation: 'ARITHMETIC' });
  });

  it('is deterministic for a seed', () => {
    expect(weightSensitivity(balanced, { runs: 200, seed: 5 })).toEqual(weightSensitivity(balanced, { runs: 200, seed: 5 }));
  });

  it('gives a zero-width interval at the nominal rank when nothing can change the order', () => {
    // X dominates Y on every indicator: no weighting can swap them.
    const result = weightSensitivity({
      regions: ['X', 'Y'],
      weights: [0.2, 0.3, 0.5],
      scores: [
        [90, 80, 70],
        [60, 50, 40],
      ],
    });
    expect(
      result.regions.map(({ nominalRank, medianRank, percentile5Rank, percentile95Rank }) => [
        nominalRank,
        medianRank,
        percentile5Rank,
        percentile95Rank,
      ]),
    ).toEqual([
      [1, 1, 1, 1],
      [2, 2, 2, 2],
    ]);
    expect(result.runs).toBe(1000);
  });

  it('without perturbation every run is the nominal ranking', () => {
    const result = weightSensitivity(
      {
        regions: ['A', 'B', 'C'],
        weights: [0.6, 0.4],
        scores: [
          [100, 0],
          [0, 100],
          [50, 50],
        ],
      },
      { perturbation: 0, runs: 50 },
    );
    // nominal: A = 60, B = 40, C = 50
    expect(result.regions.map(({ nominalRank, medianRank, percentile95Rank }) => [nominalRank, medianRank, percentile95Rank])).toEqual([
      [1, 1, 1],
      [3, 3, 3],
      [2, 2, 2],
    ]);
  });

  it('leaves regions without any score unranked and re-normalizes over present scores', () => {
    const result = weightSensitivity({
      regions: ['A', 'B', 'C'],
      weights: [0.5, 0.5],
      scores: [
        [80, null],
        [null, null],
        [70, 70],
      ],
    });
    // A: 80 (its only score), C: 70
    expect(result.regions[0]).toMatchObject({ nominalIndex: 80, nominalRank: 1, medianRank: 1 });
    expect(result.regions[1]).toEqual({
      region: 'B',
      nominalIndex: null,
      nominalRank: null,
      medianRank: null,
      percentile5Rank: null,
      percentile95Rank: null,
    });
    expect(result.regions[2]).toMatchObject({ nominalRank: 2, percentile95Rank: 2 });
  });

  it('ranks by the geometric mean when asked', () => {
    // nominal: P = √(100 · 1) = 10, Q = √(30 · 30) = 30: the geometric mean punishes P's imbalance
    // (the arithmetic mean would put P first, 50.5 against 30)
    const input = {
      regions: ['P', 'Q'],
      weights: [0.5, 0.5],
      scores: [
        [100, 1],
        [30, 30],
      ],
    };
    const geometric = weightSensitivity(input, { aggregation: 'GEOMETRIC', runs: 100 });
    expect(geometric.regions[0].nominalIndex).toBeCloseTo(10, 12);
    expect(geometric.regions.map(({ nominalRank }) => nominalRank)).toEqual([2, 1]);
    expect(weightSensitivity(input, { runs: 10 }).regions.map(({ nominalRank }) => nominalRank)).toEqual([1, 2]);
  });

  it('reports progress every K runs and at the end', () => {
    const calls: [number, number][] = [];
    weightSensitivity(balanced, {
      runs: 250,
      progressEvery: 100,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it('refuses inconsistent input and bad options', () => {
    expect(() => weightSensitivity({ regions: [], weights: [1], scores: [] })).toThrow(refusal('EMPTY_INPUT'));
    expect(() => weightSensitivity({ ...balanced, weights: [0.5, 0.6] })).toThrow(refusal('INVALID_WEIGHTS'));
    expect(() => weightSensitivity({ ...balanced, scores: [[1, 2]] })).toThrow(refusal('LENGTH_MISMATCH'));
    expect(() => weightSensitivity({ ...balanced, scores: [[1, 2], [3], [4, 5]] })).toThrow(refusal('LENGTH_MISMATCH'));
    expect(() => weightSensitivity({ ...balanced, regions: ['A', 'A', 'C'] })).toThrow(refusal('DUPLICATE_CODE'));
    expect(() => weightSensitivity(balanced, { runs: 0 })).toThrow(refusal('INVALID_OPTION'));
    expect(() => weightSensitivity(balanced, { runs: 2.5 })).toThrow(refusal('INVALID_OPTION'));
    expect(() => weightSensitivity(balanced, { perturbation: 1 })).toThrow(refusal('INVALID_OPTION'));
    expect(() => weightSensitivity(balanced, { perturbation: -0.1 })).toThrow(refusal('INVALID_OPTION'));
    expect(() => weightSensitivity(balanced, { progressEvery: 0 })).toThrow(refusal('INVALID_OPTION'));
    expect(() => weightSensitivity(balanced, { aggregation: 'GEOMETRIC' })).toThrow(refusal('SCORE_BELOW_GEOMETRIC_MINIMUM'));
    expect(() =>
      weightSensitivity({
        ...balanced,
        scores: [
          [1, Number.NaN],
          [1, 2],
          [3, 4],
        ],
      }),
    ).toThrow(refusal('NON_FINITE_VALUE'));
  });
});
