import { describe, it, expect } from 'vitest';
import type { HarmonyMathErrorCode } from './errors';
import { aggregate, aggregateArithmetic, aggregateGeometric, aggregateIndex, aggregateRow, validateWeights } from './aggregation';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });

describe('validateWeights', () => {
  it('accepts weights summing to 1 within 1e-9, including seven sevenths written with 12 decimals', () => {
    expect(() => validateWeights([0.5, 0.3, 0.2])).not.toThrow();
    expect(() => validateWeights(new Array<number>(7).fill(1 / 7))).not.toThrow();
    // 0.142857142857 · 7 = 0.999999999999, 1e-12 short of 1
    expect(() => validateWeights(new Array<number>(7).fill(0.142857142857))).not.toThrow();
    expect(() => validateWeights([1, 0, 0])).not.toThrow();
  });

  it('refuses negative, non-finite or empty weights and sums away from 1', () => {
    expect(() => validateWeights([0.6, 0.5])).toThrow(refusal('INVALID_WEIGHTS'));
    expect(() => validateWeights([0.5, 0.4999])).toThrow(refusal('INVALID_WEIGHTS'));
    expect(() => validateWeights([1.2, -0.2])).toThrow(refusal('INVALID_WEIGHTS'));
    expect(() => validateWeights([Number.NaN, 1])).toThrow(refusal('INVALID_WEIGHTS'));
    expect(() => validateWeights([])).toThrow(refusal('EMPTY_INPUT'));
  });
});

describe('aggregateArithmetic', () => {
  it('is the weighted mean, with contributions summing to the index', () => {
    // 0.5 · 80 + 0.3 · 60 + 0.2 · 90 = 40 + 18 + 18 = 76
    const result = aggregateArithmetic([
      { code: 'A', score: 80, weight: 0.5 },
      { code: 'B', score: 60, weight: 0.3 },
      { code: 'C', score: 90, weight: 0.2 },
    ]);
    expect(result.index).toBeCloseTo(76, 12);
    expect(result.contributions.map(({ contribution }) => contribution)).toEqual([40, 18, 18].map((v) => expect.closeTo(v, 12)));
    expect(result.coverage).toBeCloseTo(1, 12);
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual([]);
  });

  it('re-normalizes the weights over present indicators and reports coverage as weight present', () => {
    // C missing: present weight 0.8; index = (0.5 · 80 + 0.3 · 60)/0.8 = 58/0.8 = 72.5
    // effective weights 0.625 and 0.375; contributions 50 and 22.5
    const result = aggregateArithmetic([
      { code: 'A', score: 80, weight: 0.5 },
      { code: 'B', score: 60, weight: 0.3 },
      { code: 'C', score: null, weight: 0.2 },
    ]);
    expect(result.index).toBeCloseTo(72.5, 12);
    expect(result.coverage).toBeCloseTo(0.8, 12);
    expect(result.complete).toBe(true);
    expect(result.missing).toEqual(['C']);
    expect(result.contributions[0]).toEqual({
      code: 'A',
      score: 80,
      weight: 0.5,
      effectiveWeight: 0.625,
      contribution: 50,
    });
    expect(result.contributions[1].contribution).toBeCloseTo(22.5, 12);
    expect(result.contributions[2]).toEqual({
      code: 'C',
      score: null,
      weight: 0.2,
      effectiveWeight: null,
      contribution: null,
    });
  });

  it('is incomplete below the coverage threshold (default 0.65), and the threshold can be changed', () => {
    const scores = [
      { code: 'A', score: 80, weight: 0.6 },
      { code: 'B', score: null, weight: 0.4 },
    ];
    // coverage 0.6 < 0.65: still computed (index 80), but marked incomplete
    const result = aggregateArithmetic(scores);
    expect(result.index).toBe(80);
    expect(result.coverage).toBeCloseTo(0.6, 12);
    expect(result.complete).toBe(false);
    expect(aggregateArithmetic(scores, { coverageThreshold: 0.6 }).complete).toBe(true);
    // exactly at the threshold counts as complete
    expect(
      aggregateArithmetic([
        { code: 'A', score: 10, weight: 0.65 },
        { code: 'B', score: null, weight: 0.35 },
      ]).complete,
    ).toBe(true);
  });

  it('gives no index when every indicator is missing', () => {
    const result = aggregateArithmetic([
      { code: 'A', score: null, weight: 0.5 },
      { code: 'B', score: null, weight: 0.5 },
    ]);
    expect(result.index).toBeNull();
    expect(result.coverage).toBe(0);
    expect(result.complete).toBe(false);
    expect(result.missing).toEqual(['A', 'B']);
  });

  it('gives no index when only zero-weight indicators are present', () => {
    const result = aggregateArithmetic([
      { code: 'A', score: 50, weight: 0 },
      { code: 'B', score: null, weight: 1 },
    ]);
    expect(result.index).toBeNull();
    expect(result.contributions[0].contribution).toBe(0);
    expect(result.complete).toBe(false);
  });

  it('one indicator gives its own score; equal scores give that score', () => {
    expect(aggregateArithmetic([{ code: 'A', score: 42, weight: 1 }]).index).toBe(42);
    expect(
      aggregateArithmetic([
        { code: 'A', score: 70, weight: 0.25 },
        { code: 'B', score: 70, weight: 0.75 },
      ]).index,
    ).toBeCloseTo(70, 12);
  });

  it('keeps the index within the scores averaged despite rounding', () => {
    // seven weights of 1/7 on scores of 100: Σ (1/7)·100 is 99.99999999999997 in floating point
    const scores = Array.from({ length: 7 }, (_, i) => ({ code: `I${i}`, score: 100, weight: 1 / 7 }));
    expect(aggregateArithmetic(scores).index).toBe(100);
    expect(aggregateGeometric(scores).index).toBe(100);
  });

  it('refuses bad input', () => {
    expect(() => aggregateArithmetic([])).toThrow(refusal('EMPTY_INPUT'));
    expect(() =>
      aggregateArithmetic([
        { code: 'A', score: 50, weight: 0.5 },
        { code: 'A', score: 60, weight: 0.5 },
      ]),
    ).toThrow(refusal('DUPLICATE_CODE'));
    expect(() =>
      aggregateArithmetic([
        { code: 'A', score: 50, weight: 0.7 },
        { code: 'B', score: 60, weight: 0.7 },
      ]),
    ).toThrow(refusal('INVALID_WEIGHTS'));
    expect(() => aggregateArithmetic([{ code: 'A', score: Number.NaN, weight: 1 }])).toThrow(refusal('NON_FINITE_VALUE'));
    expect(() => aggregateArithmetic([{ code: 'A', score: 5, weight: 1 }], { coverageThreshold: 2 })).toThrow(refusal('INVALID_THRESHOLD'));
  });
});

describe('aggregateGeometric', () => {
  it('is the weighted geometric mean', () => {
    // 100^0.5 · 25^0.5 = 10 · 5 = 50 (the arithmetic mean would be 62.5)
    const result = aggregateGeometric([
      { code: 'A', score: 100, weight: 0.5 },
      { code: 'B', score: 25, weight: 0.5 },
    ]);
    expect(result.index).toBeCloseTo(50, 12);
  });

  it('penalizes an imbalance more than the arithmetic mean (less compensation)', () => {
    // 90^0.75 · 10^0.25 = e^(0.75 ln 90 + 0.25 ln 10) = e^(3.37484 + 0.57565) = 51.962
    const scores = [
      { code: 'A', score: 90, weight: 0.75 },
      { code: 'B', score: 10, weight: 0.25 },
    ];
    expect(aggregateGeometric(scores).index).toBeCloseTo(Math.pow(90, 0.75) * Math.pow(10, 0.25), 12);
    expect(aggregateGeometric(scores).index).toBeCloseTo(51.9615, 4);
    expect(aggregateArithmetic(scores).index).toBeCloseTo(70, 12);
  });

  it('splits the index by shares of its logarithm', () => {
    // ln 50 = 0.5 ln 100 + 0.5 ln 25 = 2.302585 + 1.609438 = 3.912023
    // A: 50 · 2.302585/3.912023 = 29.4296; B: 50 · 1.609438/3.912023 = 20.5704
    const result = aggregateGeometric([
      { code: 'A', score: 100, weight: 0.5 },
      { code: 'B', score: 25, weight: 0.5 },
    ]);
    const [a, b] = result.contributions.map(({ contribution }) => contribution as number);
    expect(a).toBeCloseTo((50 * Math.log(10)) / Math.log(50), 12);
    expect(b).toBeCloseTo((50 * Math.log(5)) / Math.log(50), 12);
    expect(a + b).toBeCloseTo(50, 12);
    expect(a).toBeCloseTo(29.4296, 4);
  });

  it('splits an index of 1 (every score 1) by effective weight', () => {
    const result = aggregateGeometric([
      { code: 'A', score: 1, weight: 0.25 },
      { code: 'B', score: 1, weight: 0.75 },
    ]);
    expect(result.index).toBe(1);
    expect(result.contributions.map(({ contribution }) => contribution)).toEqual([0.25, 0.75]);
  });

  it('re-normalizes weights over present indicators', () => {
    // B missing: 100^(0.4/0.8) · 25^(0.4/0.8) = 50
    const result = aggregateGeometric([
      { code: 'A', score: 100, weight: 0.4 },
      { code: 'B', score: null, weight: 0.2 },
      { code: 'C', score: 25, weight: 0.4 },
    ]);
    expect(result.index).toBeCloseTo(50, 12);
    expect(result.coverage).toBeCloseTo(0.8, 12);
    expect(result.missing).toEqual(['B']);
  });

  it('refuses scores below 1 (logarithms), as aggregate() does for GEOMETRIC', () => {
    const scores = [
      { code: 'A', score: 0, weight: 0.5 },
      { code: 'B', score: 50, weight: 0.5 },
    ];
    expect(() => aggregateGeometric(scores)).toThrow(refusal('SCORE_BELOW_GEOMETRIC_MINIMUM'));
    expect(() => aggregate('GEOMETRIC', scores)).toThrow(refusal('SCORE_BELOW_GEOMETRIC_MINIMUM'));
    expect(aggregate('ARITHMETIC', scores).index).toBe(25);
  });
});

describe('aggregateIndex and aggregateRow (the one formula, on rows of a table)', () => {
  const weights = [0.5, 0.3, 0.2];
  // Two rows of a table: 80, 60, missing | 1, 100, 10.
  const table = Float64Array.from([80, 60, Number.NaN, 1, 100, 10]);

  it('re-normalizes the weights over the scores present and reads the row at its offset', () => {
    // (0.5·80 + 0.3·60) / 0.8 = 72.5
    expect(aggregateIndex('ARITHMETIC', weights, table, 0)).toBeCloseTo(72.5, 12);
    // exp(0.5 ln 1 + 0.3 ln 100 + 0.2 ln 10) = 10^0.8
    expect(aggregateIndex('GEOMETRIC', weights, table, 3)).toBeCloseTo(10 ** 0.8, 12);
    expect(Number.isNaN(aggregateIndex('ARITHMETIC', weights, Float64Array.from([Number.NaN, Number.NaN, Number.NaN])))).toBe(true);
  });

  it('writes effective weights and contributions that sum to 1 and to the index, NaN where missing', () => {
    const effective = new Float64Array(6);
    const contributions = new Float64Array(6);
    for (const [method, offset] of [
      ['ARITHMETIC', 0],
      ['GEOMETRIC', 3],
    ] as const) {
      const { index, presentWeight } = aggregateRow(method, weights, table, offset, effective, contributions);
      const present = [0, 1, 2].filter((i) => !Number.isNaN(table[offset + i]));
      expect(presentWeight).toBeCloseTo(
        present.reduce((sum, i) => sum + weights[i], 0),
        12,
      );
      expect(present.reduce((sum, i) => sum + effective[offset + i], 0)).toBeCloseTo(1, 12);
      expect(present.reduce((sum, i) => sum + contributions[offset + i], 0)).toBeCloseTo(index, 10);
    }
    expect(Number.isNaN(effective[2]) && Number.isNaN(contributions[2])).toBe(true);
  });

  it('gives what aggregate gives, figure for figure', () => {
    const scores = [
      { code: 'A', score: 80, weight: 0.5 },
      { code: 'B', score: 60, weight: 0.3 },
      { code: 'C', score: null, weight: 0.2 },
    ];
    const result = aggregate('ARITHMETIC', scores);
    const effective = new Float64Array(3);
    const contributions = new Float64Array(3);
    const row = aggregateRow('ARITHMETIC', weights, table, 0, effective, contributions);
    expect(result.index).toBe(row.index);
    expect(result.contributions.map((c) => c.contribution)).toEqual([contributions[0], contributions[1], null]);
  });

  it('gives present scores of a row without weight an effective weight and contribution of 0', () => {
    const effective = new Float64Array(2);
    const contributions = new Float64Array(2);
    const { index } = aggregateRow('ARITHMETIC', [1, 0], Float64Array.from([Number.NaN, 50]), 0, effective, contributions);
    expect(Number.isNaN(index)).toBe(true);
    expect([effective[1], contributions[1]]).toEqual([0, 0]);
    expect(Number.isNaN(effective[0])).toBe(true);
  });
});
