import { describe, it, expect } from 'vitest';
import type { HarmonyMathErrorCode } from './errors';
import {
  checkSkewKurtosis,
  correlationMatrix,
  highlyCorrelatedPairs,
  indicatorCoverage,
  pearsonCorrelation,
  sampleExcessKurtosis,
  sampleSkewness,
  winsorise,
} from './statistics';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });
const zeros = (count: number): number[] => new Array<number>(count).fill(0);

describe('sample skewness and excess kurtosis (e1071 type 2, as COINr)', () => {
  it('0, 0, 0, 0, 10: skew √5, excess kurtosis 5', () => {
    // mean 2; d = −2 ×4, 8. Σd² = 4·4 + 64 = 80, Σd³ = −8·4 + 512 = 480, Σd⁴ = 16·4 + 4096 = 4160
    // g1 = √5 · 480 / 80^1.5 = 480 / (80 · 4) = 1.5 (√80 = 4√5); G1 = 1.5 · √(5·4) / 3 = √5 ≈ 2.236
    expect(sampleSkewness([0, 0, 0, 0, 10])).toBeCloseTo(Math.sqrt(5), 14);
    // g2 = 5 · 4160 / 80² = 3.25; G2 = (6 · (3.25 − 3) + 6) · 4 / (3 · 2) = 7.5 · 4/6 = 5
    expect(sampleExcessKurtosis([0, 0, 0, 0, 10])).toBeCloseTo(5, 13);
  });

  it('nine zeros and a 10: skew √10, excess kurtosis 10', () => {
    // mean 1; d = −1 ×9, 9. Σd² = 90, Σd³ = 720, Σd⁴ = 6570
    // g1 = √10 · 720 / 90^1.5 = 720/270 = 8/3; G1 = (8/3) · √90 / 8 = √10
    // g2 = 10 · 6570 / 8100 = 73/9; G2 = (11 · (73/9 − 3) + 6) · 9 / (8 · 7) = (560/9) · 9/56 = 10
    const values = [...zeros(9), 10];
    expect(sampleSkewness(values)).toBeCloseTo(Math.sqrt(10), 13);
    expect(sampleExcessKurtosis(values)).toBeCloseTo(10, 12);
  });

  it('a symmetric set has zero skewness; the sign follows the tail', () => {
    expect(sampleSkewness([1, 2, 3, 4, 5])).toBeCloseTo(0, 15);
    expect(sampleSkewness([0, 0, 0, 0, -10])).toBeCloseTo(-Math.sqrt(5), 14);
  });

  it('ignores nulls', () => {
    expect(sampleSkewness([null, 0, 0, 0, 0, null, 10])).toBeCloseTo(Math.sqrt(5), 14);
  });

  it('is null with too few values (3 for skewness, 4 for kurtosis) or no spread', () => {
    expect(sampleSkewness([1, 2])).toBeNull();
    expect(sampleSkewness([1, 2, 10])).not.toBeNull();
    expect(sampleExcessKurtosis([1, 2, 10])).toBeNull();
    expect(sampleSkewness([4, 4, 4, 4])).toBeNull();
    expect(sampleExcessKurtosis([4, 4, 4, 4])).toBeNull();
    // equal values whose centring leaves rounding residue are still "no spread"
    expect(sampleSkewness([0.1 + 0.2, 0.3, 0.3, 0.3])).toBeNull();
    expect(sampleSkewness([])).toBeNull();
  });

  it('refuses non-finite values', () => {
    expect(() => sampleSkewness([1, 2, Number.NaN])).toThrow(refusal('NON_FINITE_VALUE'));
  });
});

describe('checkSkewKurtosis', () => {
  it('flags |skew| > 2 AND kurtosis > 3.5', () => {
    // √10 = 3.16 > 2 and 10 > 3.5
    expect(checkSkewKurtosis([...zeros(9), 10])).toEqual({
      skewness: expect.closeTo(Math.sqrt(10), 12),
      kurtosis: expect.closeTo(10, 11),
      flagged: true,
    });
  });

  it('does not flag when only one of the two thresholds is passed', () => {
    // 0, 0, 0, 0, 10: skew √5 = 2.236 > 2 and kurtosis 5 > 3.5 — flagged by default
    expect(checkSkewKurtosis([0, 0, 0, 0, 10]).flagged).toBe(true);
    // kurtosis 5 is not above 6
    expect(checkSkewKurtosis([0, 0, 0, 0, 10], { kurtosis: 6 }).flagged).toBe(false);
    // skew 2.236 is not above 3
    expect(checkSkewKurtosis([0, 0, 0, 0, 10], { skewness: 3 }).flagged).toBe(false);
    // a flat, symmetric set passes both: skew 0, kurtosis −1.2
    expect(checkSkewKurtosis([1, 2, 3, 4, 5]).flagged).toBe(false);
  });

  it('does not flag what it cannot measure', () => {
    expect(checkSkewKurtosis([1, 100, 1]).flagged).toBe(false);
    expect(checkSkewKurtosis([null, null]).flagged).toBe(false);
  });
});

describe('winsorise (COINr-style)', () => {
  it('brings the largest value in to the next one until the check passes', () => {
    // 0 ×8, 1, 10: skew 3.106 > 2 and kurtosis 9.72 > 3.5 — flagged.
    // 10 → 1: mean 0.2, Σd² = 1.6, Σd³ = 0.96, g1 = √10 · 0.96 / 1.6^1.5 = 1.5, G1 = 1.5 · √90/8 = 1.77878
    const result = winsorise([...zeros(8), 1, 10]);
    expect(result.values).toEqual([...zeros(8), 1, 1]);
    expect(result.winsorised).toEqual([{ position: 9, original: 10, replacement: 1, side: 'HIGH' }]);
    expect(result.passes).toBe(true);
    expect(result.skewness).toBeCloseTo((1.5 * Math.sqrt(90)) / 8, 13);
    // Σd⁴ = 8 · 0.0016 + 2 · 0.4096 = 0.832; g2 = 10 · 0.832 / 2.56 = 3.25; G2 = (11 · 0.25 + 6) · 9/56 = 1.40625
    expect(result.kurtosis).toBeCloseTo(1.40625, 12);
  });

  it('brings the smallest value up when the skew is negative', () => {
    const result = winsorise([...zeros(8), -1, -10]);
    expect(result.values).toEqual([...zeros(8), -1, -1]);
    expect(result.winsorised).toEqual([{ position: 9, original: -10, replacement: -1, side: 'LOW' }]);
    expect(result.passes).toBe(true);
  });

  it("reproduces COINr's documented example 1..10, 30, 100: only 100 needs treating", () => {
    const result = winsorise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]);
    expect(result.values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30]);
    expect(result.winsorised).toEqual([{ position: 11, original: 100, replacement: 30, side: 'HIGH' }]);
    expect(result.passes).toBe(true);
  });

  it('moves tied extremes together and counts each point once', () => {
    expect(winsorise([...zeros(16), 10, 10, 1]).winsorised).toEqual([
      { position: 16, original: 10, replacement: 1, side: 'HIGH' },
      { position: 17, original: 10, replacement: 1, side: 'HIGH' },
    ]);
    // 100 → 50, then both 50s → 2: two points, the first treated twice, reported once with its final value
    const twice = winsorise([...zeros(20), 1, 2, 50, 100]);
    expect(twice.values.slice(20)).toEqual([1, 2, 2, 2]);
    expect(twice.winsorised).toEqual([
      { position: 22, original: 50, replacement: 2, side: 'HIGH' },
      { position: 23, original: 100, replacement: 2, side: 'HIGH' },
    ]);
  });

  it('never winsorises more than the maximum, and says when the data still fail', () => {
    const limited = winsorise([...zeros(20), 1, 2, 50, 100], { maximumPoints: 1 });
    expect(limited.values.slice(20)).toEqual([1, 2, 50, 50]);
    expect(limited.winsorised).toHaveLength(1);
    expect(limited.passes).toBe(false);
    // a tie of two cannot be moved under a maximum of one
    const tied = winsorise([...zeros(16), 10, 10, 1], { maximumPoints: 1 });
    expect(tied.winsorised).toEqual([]);
    expect(tied.values).toEqual([...zeros(16), 10, 10, 1]);
    expect(tied.passes).toBe(false);
  });

  it('leaves passing data untouched and keeps nulls in place', () => {
    expect(winsorise([1, 2, 3, 4, 5])).toEqual({
      values: [1, 2, 3, 4, 5],
      winsorised: [],
      passes: true,
      skewness: expect.closeTo(0, 14),
      kurtosis: expect.closeTo(-1.2, 12),
    });
    const withNulls = winsorise([null, ...zeros(8), 1, null, 10]);
    expect(withNulls.values).toEqual([null, ...zeros(8), 1, null, 1]);
    expect(withNulls.winsorised).toEqual([{ position: 11, original: 10, replacement: 1, side: 'HIGH' }]);
  });

  it('refuses a bad maximum and non-finite values', () => {
    expect(() => winsorise([1, 2, 3], { maximumPoints: -1 })).toThrow(refusal('INVALID_OPTION'));
    expect(() => winsorise([1, 2, 3], { maximumPoints: 1.5 })).toThrow(refusal('INVALID_OPTION'));
    expect(() => winsorise([1, Infinity, 3])).toThrow(refusal('NON_FINITE_VALUE'));
  });
});

describe('pearsonCorrelation', () => {
  it('is 1 and −1 on exact linear relations', () => {
    expect(pearsonCorrelation([1, 2, 3, 4, 5], [2, 4, 6, 8, 10])).toEqual({ value: 1, observations: 5 });
    expect(pearsonCorrelation([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])).toEqual({ value: -1, observations: 5 });
  });

  it('hand-checked: (1, 2, 3, 4) against (1, 3, 2, 4) is 0.8', () => {
    // dx = dy-ordering of ±0.5, ±1.5: Σdxdy = 2.25 − 0.25 − 0.25 + 2.25 = 4; Σdx² = Σdy² = 5; r = 4/5
    expect(pearsonCorrelation([1, 2, 3, 4], [1, 3, 2, 4])?.value).toBeCloseTo(0.8, 15);
  });

  it('uses pairwise-complete observations', () => {
    expect(pearsonCorrelation([1, 2, null, 3, 4, 9], [1, 3, 5, 2, 4, null])).toEqual({
      value: expect.closeTo(0.8, 15),
      observations: 4,
    });
  });

  it('is null with too few common observations or a constant series', () => {
    expect(pearsonCorrelation([1, 2, 3], [1, 2, 3])).toBeNull();
    expect(pearsonCorrelation([1, 2, 3], [1, 2, 3], 3)?.value).toBeCloseTo(1, 15);
    expect(pearsonCorrelation([1, 2, 3, 4], [5, 5, 5, 5])).toBeNull();
  });

  it('refuses series of different lengths and a bad minimum', () => {
    expect(() => pearsonCorrelation([1, 2], [1])).toThrow(refusal('LENGTH_MISMATCH'));
    expect(() => pearsonCorrelation([1, 2], [1, 2], 1)).toThrow(refusal('INVALID_OPTION'));
  });
});

describe('correlation matrix and highly correlated pairs', () => {
  const columns = [
    { code: 'PETITIONS', values: [10, 20, 30, 40, 50] },
    { code: 'MASS_INCIDENTS', values: [1, 2, 3, 4, 5.5] },
    { code: 'CADRE_TRUST', values: [90, 80, 70, 60, 50] },
    { code: 'HOT_ISSUES', values: [1, 3, 2, 4, null] },
  ];

  it('is symmetric with ones on the diagonal', () => {
    const { codes, values } = correlationMatrix(columns);
    expect(codes).toEqual(['PETITIONS', 'MASS_INCIDENTS', 'CADRE_TRUST', 'HOT_ISSUES']);
    for (let i = 0; i < 4; i++) {
      expect(values[i][i]).toBe(1);
      for (let j = 0; j < 4; j++) expect(values[i][j]).toBe(values[j][i]);
    }
    expect(values[0][2]).toBeCloseTo(-1, 15);
    // first four observations of HOT_ISSUES against 10..40: r = 0.8 (as above)
    expect(values[0][3]).toBeCloseTo(0.8, 15);
  });

  it('lists pairs with |r| > 0.9, largest first, and skips the rest', () => {
    const pairs = highlyCorrelatedPairs(columns);
    expect(pairs.map(({ first, second }) => `${first}/${second}`)).toEqual([
      'PETITIONS/CADRE_TRUST',
      'PETITIONS/MASS_INCIDENTS',
      'MASS_INCIDENTS/CADRE_TRUST',
    ]);
    expect(pairs[0].correlation).toBeCloseTo(-1, 15);
    expect(pairs[0].observations).toBe(5);
    expect(highlyCorrelatedPairs(columns, { threshold: 0.999 }).map(({ first, second }) => `${first}/${second}`)).toEqual([
      'PETITIONS/CADRE_TRUST',
    ]);
  });

  it('refuses columns of different lengths or duplicated codes', () => {
    expect(() =>
      correlationMatrix([
        { code: 'A', values: [1, 2] },
        { code: 'B', values: [1] },
      ]),
    ).toThrow(refusal('LENGTH_MISMATCH'));
    expect(() =>
      highlyCorrelatedPairs([
        { code: 'A', values: [1] },
        { code: 'A', values: [1] },
      ]),
    ).toThrow(refusal('DUPLICATE_CODE'));
    expect(() => highlyCorrelatedPairs([])).toThrow(refusal('EMPTY_INPUT'));
  });
});

describe('indicatorCoverage', () => {
  it('reports the share of regions with a value and flags below 65 %', () => {
    expect(
      indicatorCoverage([
        { code: 'GINI', values: [0.3, null, 0.4, null] },
        { code: 'PETITIONS', values: [1, 2, 3, null] },
      ]),
    ).toEqual([
      { code: 'GINI', available: 2, total: 4, coverage: 0.5, low: true },
      { code: 'PETITIONS', available: 3, total: 4, coverage: 0.75, low: false },
    ]);
    expect(indicatorCoverage([{ code: 'GINI', values: [0.3, null] }], { threshold: 0.5 })[0].low).toBe(false);
  });

  it('reports zero coverage for an empty period', () => {
    expect(indicatorCoverage([{ code: 'GINI', values: [] }])).toEqual([{ code: 'GINI', available: 0, total: 0, coverage: 0, low: true }]);
  });
});
