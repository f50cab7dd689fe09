import { describe, it, expect } from 'vitest';
import type { HarmonyMathErrorCode } from './errors';
import { giniFromMicrodata } from './gini';
import { createRng } from './sensitivity';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });

/** The definition itself, O(n²): G = ΣᵢΣⱼ wᵢwⱼ|xᵢ − xⱼ| / (2 W² μ). The oracle for the fast form. */
function naiveGini(incomes: readonly number[], weights?: readonly number[]): number {
  const w = weights ?? incomes.map(() => 1);
  let totalWeight = 0;
  let weightedTotal = 0;
  for (let i = 0; i < incomes.length; i++) {
    totalWeight += w[i];
    weightedTotal += w[i] * incomes[i];
  }
  const mean = weightedTotal / totalWeight;
  let doubleSum = 0;
  for (let i = 0; i < incomes.length; i++) {
    for (let j = 0; j < incomes.length; j++) doubleSum += w[i] * w[j] * Math.abs(incomes[i] - incomes[j]);
  }
  return doubleSum / (2 * totalWeight * totalWeight * mean);
}

/** Log-normal-ish incomes (a realistic shape: long right tail), from a seeded generator. */
function randomIncomes(count: number, seed: number): number[] {
  const random = createRng(seed);
  return Array.from({ length: count }, () => Math.exp(10 + 2 * (random() + random() + random() - 1.5)));
}

function randomWeights(count: number, seed: number): number[] {
  const random = createRng(seed);
  return Array.from({ length: count }, () => 0.2 + 5 * random());
}

describe('giniFromMicrodata — hand-checked values', () => {
  it('incomes 1, 2, 3, 4 give 0.25', () => {
    // Pairs i<j: |1−2|+|1−3|+|1−4|+|2−3|+|2−4|+|3−4| = 1+2+3+1+2+1 = 10; double sum 20.
    // μ = 2.5, n = 4: G = 20 / (2 · 16 · 2.5) = 20 / 80 = 0.25
    expect(giniFromMicrodata([1, 2, 3, 4])).toBeCloseTo(0.25, 15);
  });

  it('one person holding everything among four gives (n−1)/n = 0.75', () => {
    // 3 pairs differ by 10: double sum 60; μ = 2.5: G = 60 / (2 · 16 · 2.5) = 0.75
    expect(giniFromMicrodata([0, 0, 0, 10])).toBeCloseTo(0.75, 15);
  });

  it('integer weights act as frequencies: weights (3, 1) on (1, 3) is the Gini of (1, 1, 1, 3)', () => {
    // (1,1,1,3): 3 pairs differ by 2 → double sum 12; μ = 1.5: G = 12 / (2 · 16 · 1.5) = 0.25
    expect(giniFromMicrodata([1, 1, 1, 3])).toBeCloseTo(0.25, 15);
    expect(giniFromMicrodata([1, 3], [3, 1])).toBeCloseTo(0.25, 15);
    expect(giniFromMicrodata(new Float64Array([3, 1]), new Float64Array([1, 3]))).toBeCloseTo(0.25, 15);
  });

  it('a zero weight removes an observation', () => {
    // Left: (1, 3): double sum 2·2 = 4; μ = 2: G = 4 / (2 · 4 · 2) = 0.25
    expect(giniFromMicrodata([1, 100, 3], [1, 0, 1])).toBeCloseTo(0.25, 15);
  });

  it('scaling all weights or all incomes leaves the Gini unchanged', () => {
    const incomes = [12_000, 30_500, 8_800, 91_000, 45_250];
    const weights = [1.5, 2, 0.75, 3, 1];
    const gini = giniFromMicrodata(incomes, weights);
    expect(
      giniFromMicrodata(
        incomes,
        weights.map((w) => w * 1000),
      ),
    ).toBeCloseTo(gini, 14);
    expect(
      giniFromMicrodata(
        incomes.map((x) => x / 7),
        weights,
      ),
    ).toBeCloseTo(gini, 14);
  });
});

describe('giniFromMicrodata — edge cases', () => {
  it('one value gives 0', () => {
    expect(giniFromMicrodata([42])).toBe(0);
    expect(giniFromMicrodata([42], [3])).toBe(0);
  });

  it('all values equal give 0, weighted or not, small or large', () => {
    expect(giniFromMicrodata([7, 7, 7, 7])).toBe(0);
    expect(giniFromMicrodata([7, 7, 7], [1, 2, 3])).toBe(0);
    expect(giniFromMicrodata(new Float64Array(5000).fill(123.45), new Float64Array(5000).fill(2))).toBe(0);
  });

  it('accepts zero incomes (and −0) among positive ones', () => {
    // (0, 0, 4): 2 pairs differ by 4 → double sum 16; μ = 4/3: G = 16 / (2 · 9 · 4/3) = 16/24 = 2/3
    expect(giniFromMicrodata([0, -0, 4])).toBeCloseTo(2 / 3, 15);
  });

  it('does not modify its inputs', () => {
    const incomes = [5, 1, 3];
    const weights = new Float64Array([1, 2, 3]);
    giniFromMicrodata(incomes, weights);
    expect(incomes).toEqual([5, 1, 3]);
    expect([...weights]).toEqual([1, 2, 3]);
  });
});

describe('giniFromMicrodata — refusals', () => {
  it('refuses empty input', () => {
    expect(() => giniFromMicrodata([])).toThrow(refusal('EMPTY_INPUT'));
    expect(() => giniFromMicrodata(new Float64Array(0), [])).toThrow(refusal('EMPTY_INPUT'));
  });

  it('refuses negative incomes and non-finite values', () => {
    expect(() => giniFromMicrodata([1, -2, 3])).toThrow(refusal('NEGATIVE_VALUE'));
    expect(() => giniFromMicrodata([1, Number.NaN])).toThrow(refusal('NON_FINITE_VALUE'));
    expect(() => giniFromMicrodata([1, Infinity])).toThrow(refusal('NON_FINITE_VALUE'));
    expect(() => giniFromMicrodata([1, 2], [1, Number.NaN])).toThrow(refusal('NON_FINITE_VALUE'));
  });

  it('refuses negative weights, weights summing to zero and mismatched lengths', () => {
    expect(() => giniFromMicrodata([1, 2], [1, -1])).toThrow(refusal('INVALID_WEIGHTS'));
    expect(() => giniFromMicrodata([1, 2], [0, 0])).toThrow(refusal('INVALID_WEIGHTS'));
    expect(() => giniFromMicrodata([1, 2, 3], [1, 1])).toThrow(refusal('LENGTH_MISMATCH'));
  });

  it('refuses a zero mean: all incomes zero, or all weight on zero incomes', () => {
    expect(() => giniFromMicrodata([0, 0, 0])).toThrow(refusal('ZERO_MEAN'));
    expect(() => giniFromMicrodata([0])).toThrow(refusal('ZERO_MEAN'));
    expect(() => giniFromMicrodata([0, 5], [1, 0])).toThrow(refusal('ZERO_MEAN'));
    expect(() => giniFromMicrodata(new Float64Array(2000), new Float64Array(2000).fill(1))).toThrow(refusal('ZERO_MEAN'));
  });

  it('refuses bad values in the large (radix-sorted) path too', () => {
    const incomes = randomIncomes(3000, 1);
    incomes[2500] = -1;
    expect(() => giniFromMicrodata(incomes, randomWeights(3000, 2))).toThrow(refusal('NEGATIVE_VALUE'));
  });
});

describe('giniFromMicrodata equals the O(n²) definition on random data (to 1e-12)', () => {
  // 300 values go through the comparator sort, 2,500 through the radix sort.
  for (const count of [2, 3, 17, 300, 2500]) {
    it(`unweighted, n = ${count}`, () => {
      const incomes = randomIncomes(count, count);
      expect(Math.abs(giniFromMicrodata(incomes) - naiveGini(incomes))).toBeLessThan(1e-12);
    });

    it(`weighted, n = ${count}`, () => {
      const incomes = randomIncomes(count, 10 + count);
      const weights = randomWeights(count, 20 + count);
      const fast = giniFromMicrodata(Float64Array.from(incomes), Float64Array.from(weights));
      expect(Math.abs(fast - naiveGini(incomes, weights))).toBeLessThan(1e-12);
    });
  }

  it('with many ties (incomes rounded to hundreds), weighted, n = 2,500', () => {
    const incomes = randomIncomes(2500, 5).map((x) => Math.round(x / 100) * 100);
    const weights = randomWeights(2500, 6);
    expect(Math.abs(giniFromMicrodata(incomes, weights) - naiveGini(incomes, weights))).toBeLessThan(1e-12);
  });

  it('with zeros mixed in, weighted, n = 2,000', () => {
    const incomes = randomIncomes(2000, 7).map((x, i) => (i % 5 === 0 ? 0 : x));
    const weights = randomWeights(2000, 8);
    expect(Math.abs(giniFromMicrodata(incomes, weights) - naiveGini(incomes, weights))).toBeLessThan(1e-12);
  });

  it('with incomes packed closer than the high word can tell apart (long runs finished on the low word)', () => {
    // All 2,000 incomes share sign, exponent and the top 20 mantissa bits: the radix pass on the
    // high word orders nothing and the low-word pass must do all the work.
    const random = createRng(9);
    const incomes = Array.from({ length: 2000 }, () => 1 + random() * 2 ** -30);
    const weights = randomWeights(2000, 10);
    const fast = giniFromMicrodata(incomes, weights);
    const exact = naiveGini(incomes, weights);
    expect(fast).toBeGreaterThan(0);
    expect(Math.abs(fast - exact)).toBeLessThan(1e-12);
  });

  it('with short runs sharing a high word (finished by insertion sort)', () => {
    // 100 distinct base incomes, 20 incomes each within 2⁻³⁰ relative of their base: runs of ~20
    // keys that only the low word orders.
    const random = createRng(13);
    const bases = randomIncomes(100, 14);
    const incomes = Array.from({ length: 2000 }, (_, i) => bases[i % 100] * (1 + random() * 2 ** -30));
    const weights = randomWeights(2000, 15);
    expect(Math.abs(giniFromMicrodata(incomes, weights) - naiveGini(incomes, weights))).toBeLessThan(1e-12);
    expect(Math.abs(giniFromMicrodata(incomes) - naiveGini(incomes))).toBeLessThan(1e-12);
  });

  it('integer weights in the radix path equal the expanded sample', () => {
    const random = createRng(11);
    const incomes = randomIncomes(1500, 12);
    const weights = incomes.map(() => 1 + Math.floor(random() * 3));
    const expanded = incomes.flatMap((x, i) => new Array<number>(weights[i]).fill(x));
    expect(giniFromMicrodata(incomes, weights)).toBeCloseTo(giniFromMicrodata(expanded), 13);
  });
});
