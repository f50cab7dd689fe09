import { describe, it, expect } from 'vitest';
import type { HarmonyMathErrorCode } from './errors';
import {
  fitLorenzQuadratic,
  giniFromShares,
  giniFromSharesLinear,
  giniOfQuadraticLorenz,
  lorenzPointsFromShares,
  normalizeLorenzPoints,
  quadraticLorenzValidity,
  quadraticLorenzValue,
  type LorenzPoint,
  type QuadraticLorenzParameters,
} from './lorenz';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });

/** 1 − 2∫₀¹L by composite Simpson: an independent check of the closed-form Gini. */
function numericalGini(parameters: QuadraticLorenzParameters, intervals = 200_000): number {
  let sum = 0;
  for (let i = 0; i <= intervals; i++) {
    const weight = i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * quadraticLorenzValue(parameters, i / intervals);
  }
  return 1 - (2 * sum) / (3 * intervals);
}

/** Datt (1998), Table 1, written out literally (valid curves only). */
function dattGini({ a, b, c }: QuadraticLorenzParameters): number {
  const e = -(a + b + c + 1);
  const m = b * b - 4 * a;
  const n = 2 * b * e - 4 * c;
  const r = Math.sqrt(n * n - 4 * m * e * e);
  const common = e / 2 - (n * (b + 2)) / (4 * m);
  return m < 0
    ? common + ((r * r) / (8 * m * Math.sqrt(-m))) * (Math.asin((2 * m + n) / r) - Math.asin(n / r))
    : common -
        ((r * r) / (8 * m * Math.sqrt(m))) * Math.log(Math.abs((2 * m + n + 2 * Math.sqrt(m) * (a + c - 1)) / (n - 2 * e * Math.sqrt(m))));
}

/**
 * Reference data of the World Bank's PIP code (wbpip, tests/testthat/test-gd_compute_pip_stats_lq.R):
 * cumulative (p, L) points, the regression coefficients PIP estimates from them, the Gini PIP
 * computes from those coefficients and the sum of squared residuals of the fit.
 */
const PIP_POINTS: LorenzPoint[] = [
  [0.0005, 5.824760527229386e-5],
  [0.0032, 0.000604029410841011],
  [0.0148, 0.0037949334793616948],
  [0.0443, 0.013988878652244477],
  [0.0991, 0.036992164583098786],
  [0.257, 0.12140708906131342],
  [0.4385, 0.24531391873082081],
  [0.5938, 0.37446670169288321],
  [0.7089, 0.48753116241194566],
  [1, 1],
].map(([p, L]) => ({ p, L }));
const PIP_PARAMETERS = { a: 0.795981535745657, b: -1.4445933880119242, c: 0.14728191995919815 };
const PIP_GINI = 0.32126464221602591;
const PIP_SUM_OF_SQUARED_RESIDUALS = 2.5301549524661934e-6;

/** A valid GQ curve with m < 0 (a + c = 1.6, c > 0). */
const VALID_ELLIPSE = { a: 1, b: -1, c: 0.6 };
/** A valid GQ curve with m > 0 (e = −1.6, m = 0.25, n = −2.8). */
const VALID_HYPERBOLA = { a: 0, b: -0.5, c: 1.1 };

describe('lorenzPointsFromShares', () => {
  it('accumulates quintile shares in percent and normalizes them to fractions', () => {
    // 10, 25, 45, 70, 100 % cumulated
    const points = lorenzPointsFromShares([10, 15, 20, 25, 30]);
    expect(points.map(({ p }) => p)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    const cumulative = points.map(({ L }) => L);
    [0.1, 0.25, 0.45, 0.7, 1].forEach((expected, i) => expect(cumulative[i]).toBeCloseTo(expected, 15));
  });

  it('absorbs the rounding of published shares (sum 100.3) by normalizing', () => {
    // 10.1/100.3, (10.1+15.1)/100.3 …; the last point is exactly (1, 1)
    const points = lorenzPointsFromShares([10.1, 15.1, 20, 25.1, 30]);
    expect(points[0].L).toBeCloseTo(10.1 / 100.3, 15);
    expect(points[1].L).toBeCloseTo(25.2 / 100.3, 15);
    expect(points[4]).toEqual({ p: 1, L: 1 });
  });

  it('accepts deciles and, when announced, other group counts', () => {
    expect(lorenzPointsFromShares(new Array<number>(10).fill(0.1))).toHaveLength(10);
    expect(lorenzPointsFromShares([0.25, 0.25, 0.25, 0.25], { groups: 4 })).toHaveLength(4);
  });

  it('refuses the wrong count, negative, decreasing or non-finite shares, and a wrong sum', () => {
    expect(() => lorenzPointsFromShares([])).toThrow(refusal('EMPTY_INPUT'));
    expect(() => lorenzPointsFromShares([0.25, 0.25, 0.25, 0.25])).toThrow(refusal('INVALID_SHARES'));
    expect(() => lorenzPointsFromShares([0.1, 0.2, 0.3, 0.4], { groups: 5 })).toThrow(refusal('INVALID_SHARES'));
    expect(() => lorenzPointsFromShares([0.5, 0.5], { groups: 1 })).toThrow(refusal('INVALID_OPTION'));
    expect(() => lorenzPointsFromShares([-0.1, 0.2, 0.2, 0.3, 0.4])).toThrow(refusal('INVALID_SHARES'));
    // richest first
    expect(() => lorenzPointsFromShares([0.4, 0.25, 0.15, 0.12, 0.08])).toThrow(refusal('INVALID_SHARES'));
    expect(() => lorenzPointsFromShares([0.1, 0.1, 0.2, 0.2, 0.3])).toThrow(refusal('INVALID_SHARES')); // sums to 0.9
    expect(() => lorenzPointsFromShares([10, 15, 20, 25, 35])).toThrow(refusal('INVALID_SHARES')); // sums to 105
    expect(() => lorenzPointsFromShares([0.1, Number.NaN, 0.2, 0.3, 0.4])).toThrow(refusal('NON_FINITE_VALUE'));
    expect(() => lorenzPointsFromShares([0, 0, 0, 0, 0])).toThrow(refusal('INVALID_SHARES'));
  });
});

describe('normalizeLorenzPoints', () => {
  it('drops (0, 0) and appends (1, 1) when absent', () => {
    expect(
      normalizeLorenzPoints([
        { p: 0, L: 0 },
        { p: 0.5, L: 0.2 },
      ]),
    ).toEqual([
      { p: 0.5, L: 0.2 },
      { p: 1, L: 1 },
    ]);
  });

  it('refuses points that are not a Lorenz curve', () => {
    expect(() => normalizeLorenzPoints([])).toThrow(refusal('EMPTY_INPUT'));
    expect(() =>
      normalizeLorenzPoints([
        { p: 0.5, L: 0.2 },
        { p: 0.5, L: 0.3 },
      ]),
    ).toThrow(refusal('INVALID_LORENZ_POINTS'));
    expect(() =>
      normalizeLorenzPoints([
        { p: 0.6, L: 0.2 },
        { p: 0.3, L: 0.1 },
      ]),
    ).toThrow(refusal('INVALID_LORENZ_POINTS'));
    // above the diagonal: slope 1.2 then 0.8 — concave
    expect(() => normalizeLorenzPoints([{ p: 0.5, L: 0.6 }])).toThrow(refusal('INVALID_LORENZ_POINTS'));
    expect(() =>
      normalizeLorenzPoints([
        { p: 0.5, L: 0.2 },
        { p: 1, L: 0.9 },
      ]),
    ).toThrow(refusal('INVALID_LORENZ_POINTS'));
    expect(() =>
      normalizeLorenzPoints([
        { p: 0, L: 0.1 },
        { p: 0.5, L: 0.2 },
      ]),
    ).toThrow(refusal('INVALID_LORENZ_POINTS'));
    expect(() => normalizeLorenzPoints([{ p: 0.5, L: -0.1 }])).toThrow(refusal('INVALID_LORENZ_POINTS'));
    expect(() => normalizeLorenzPoints([{ p: 1.5, L: 1 }])).toThrow(refusal('INVALID_LORENZ_POINTS'));
    expect(() => normalizeLorenzPoints([{ p: Number.NaN, L: 0.2 }])).toThrow(refusal('NON_FINITE_VALUE'));
  });
});

describe('giniFromSharesLinear (trapezoids, a lower bound)', () => {
  it('perfectly equal shares give 0', () => {
    expect(giniFromSharesLinear([0.2, 0.2, 0.2, 0.2, 0.2])).toBe(0);
    expect(giniFromSharesLinear(new Array<number>(10).fill(10))).toBe(0);
  });

  it('quintile shares 5, 10, 15, 20, 50 % give 0.4', () => {
    // L = 0.05, 0.15, 0.30, 0.50, 1; G = 1 − 0.2 · Σ(Lₖ + Lₖ₋₁)
    //   = 1 − 0.2 · (0.05 + 0.20 + 0.45 + 0.80 + 1.50) = 1 − 0.2 · 3.0 = 0.4
    expect(giniFromSharesLinear([5, 10, 15, 20, 50])).toBeCloseTo(0.4, 14);
  });

  it('for L(p) = p² (true Gini 1 − 2∫p² = 1/3) gives 0.32 with quintiles and 0.33 with deciles', () => {
    // Quintiles: Lₖ = k²/25; Σ(Lₖ + Lₖ₋₁) = (1 + 5 + 13 + 25 + 41)/25 = 3.4; G = 1 − 0.2 · 3.4 = 0.32
    const quintiles = [1, 2, 3, 4, 5].map((k) => (k * k - (k - 1) * (k - 1)) / 25);
    expect(giniFromSharesLinear(quintiles)).toBeCloseTo(0.32, 14);
    // Deciles: Σ(k² + (k−1)²)/100 over k = 1..10 = (385 + 285)/100 = 6.7; G = 1 − 0.1 · 6.7 = 0.33
    const deciles = Array.from({ length: 10 }, (_, k) => ((k + 1) ** 2 - k ** 2) / 100);
    expect(giniFromSharesLinear(deciles)).toBeCloseTo(0.33, 14);
  });

  it('the richest fifth holding everything gives the quintile maximum 0.8', () => {
    // L = 0, 0, 0, 0, 1: G = 1 − 0.2 · (0 + 0 + 0 + 0 + 1) = 0.8
    expect(giniFromSharesLinear([0, 0, 0, 0, 1])).toBeCloseTo(0.8, 15);
  });

  it('accepts general cumulative points', () => {
    // (0,0)–(0.5,0.2)–(1,1): G = 1 − [0.5 · (0 + 0.2) + 0.5 · (0.2 + 1)] = 1 − 0.7 = 0.3
    expect(giniFromSharesLinear([{ p: 0.5, L: 0.2 }])).toBeCloseTo(0.3, 15);
  });
});

describe('giniOfQuadraticLorenz', () => {
  it('a = 1, b = −1, c = 0 gives 4√3π/27 − 1/3, derived by hand', () => {
    // e = −(1 − 1 + 0 + 1) = −1, m = 1 − 4 = −3, n = 2(−1)(−1) − 0 = 2
    // L(p) = ½[p + 1 − √(1 + 2p − 3p²)], and 1 + 2p − 3p² = 4/3 − 3(p − 1/3)²
    // G = 1 + b/2 + e + ∫₀¹√Q = −1/2 + √3 ∫_{−1/3}^{2/3} √(4/9 − u²) du
    //   = −1/2 + √3 (4π/27 + √3/18) = 4√3π/27 − 1/3 ≈ 0.4727997
    const parameters = { a: 1, b: -1, c: 0 };
    expect(giniOfQuadraticLorenz(parameters)).toBeCloseTo((4 * Math.sqrt(3) * Math.PI) / 27 - 1 / 3, 14);
    expect(quadraticLorenzValue(parameters, 0)).toBeCloseTo(0, 15);
    expect(quadraticLorenzValue(parameters, 1)).toBeCloseTo(1, 15);
    // L(1/3) = ½[4/3 − √(4/3)] = 2/3 − 1/√3 ≈ 0.0893164
    expect(quadraticLorenzValue(parameters, 1 / 3)).toBeCloseTo(2 / 3 - 1 / Math.sqrt(3), 15);
  });

  it("reproduces the World Bank PIP benchmark Gini for PIP's coefficients", () => {
    expect(giniOfQuadraticLorenz(PIP_PARAMETERS)).toBeCloseTo(PIP_GINI, 14);
  });

  it("equals Datt's Table 1 formula on valid curves (m < 0 and m > 0)", () => {
    expect(giniOfQuadraticLorenz(VALID_ELLIPSE)).toBeCloseTo(dattGini(VALID_ELLIPSE), 14);
    expect(giniOfQuadraticLorenz(VALID_HYPERBOLA)).toBeCloseTo(dattGini(VALID_HYPERBOLA), 14);
  });

  it('equals 1 − 2∫L computed numerically', () => {
    for (const parameters of [VALID_ELLIPSE, VALID_HYPERBOLA, PIP_PARAMETERS]) {
      expect(giniOfQuadraticLorenz(parameters)).toBeCloseTo(numericalGini(parameters), 10);
    }
  });

  it('handles m = 0 (b² = 4a) by the elementary integral', () => {
    // a = 1, b = 2: m = 0. c = 0.5: e = −4.5, n = 2·2·(−4.5) − 2 = −20; √Q = √(20.25 − 20p)
    const parameters = { a: 1, b: 2, c: 0.5 };
    expect(giniOfQuadraticLorenz(parameters)).toBeCloseTo(numericalGini(parameters), 10);
  });
});

describe('quadraticLorenzValidity (Datt 1998, Table 2, plus a numerical grid)', () => {
  it('accepts valid curves', () => {
    expect(quadraticLorenzValidity(VALID_ELLIPSE)).toEqual({ valid: true, reasons: [] });
    expect(quadraticLorenzValidity(VALID_HYPERBOLA)).toEqual({ valid: true, reasons: [] });
  });

  it('rejects a + c < 1 (L(1) ≠ 1): PIP’s own example has a + c = 0.943', () => {
    // PIP relaxes this condition to a + c ≥ 0.9; Datt's is a + c ≥ 1 and is applied as written.
    expect(quadraticLorenzValidity(PIP_PARAMETERS)).toEqual({ valid: false, reasons: ['A_PLUS_C_BELOW_ONE'] });
  });

  it("rejects e ≥ 0 and c < 0 (PIP's own invalid-fit example)", () => {
    const result = quadraticLorenzValidity({ a: 0.78554131924835879, b: -1.9856022109519547, c: -0.30597079435662672 });
    expect(result.valid).toBe(false);
    // e = −(0.7855 − 1.9856 − 0.3060 + 1) = 0.5060 > 0; c < 0; a + c = 0.4796 < 1
    expect(result.reasons).toEqual(expect.arrayContaining(['E_NOT_NEGATIVE', 'C_NEGATIVE', 'A_PLUS_C_BELOW_ONE']));
  });

  it('rejects a curve failing the convexity condition on m, n, e, and the grid confirms', () => {
    // a = −1, b = −1, c = 2: e = −1, a + c = 1, c ≥ 0, but m = 1 + 4 = 5, n = 2(−1)(−1) − 8 = −6:
    // n < 0 and m = 5 is not < −n/2 = 3, so no branch of the L'' condition holds.
    // Q = 5p² − 6p + 1 = (5p − 1)(p − 1) < 0 on (0.2, 1): the curve is not even defined there.
    expect(quadraticLorenzValidity({ a: -1, b: -1, c: 2 })).toEqual({
      valid: false,
      reasons: ['NOT_CONVEX', 'UNDEFINED_ON_GRID', 'NOT_CONVEX_ON_GRID'],
    });
  });
});

describe('fitLorenzQuadratic', () => {
  it('recovers the parameters of a GQ curve from its own decile points', () => {
    const points = Array.from({ length: 10 }, (_, k) => ({
      p: (k + 1) / 10,
      L: quadraticLorenzValue(VALID_ELLIPSE, (k + 1) / 10),
    }));
    const fit = fitLorenzQuadratic(points);
    expect(fit.a).toBeCloseTo(1, 10);
    expect(fit.b).toBeCloseTo(-1, 10);
    expect(fit.c).toBeCloseTo(0.6, 10);
    // e = −(1 − 1 + 0.6 + 1) = −1.6; m = 1 − 4 = −3; n = 2(−1)(−1.6) − 2.4 = 0.8
    expect(fit.e).toBeCloseTo(-1.6, 10);
    expect(fit.m).toBeCloseTo(-3, 10);
    expect(fit.n).toBeCloseTo(0.8, 10);
    expect(fit.residualSumOfSquares).toBeLessThan(1e-20);
    expect(fit.valid).toBe(true);
    expect(fit.gini).toBeCloseTo(giniOfQuadraticLorenz(VALID_ELLIPSE), 10);
  });

  it("estimates PIP's coefficients and residuals from PIP's reference points", () => {
    const fit = fitLorenzQuadratic(PIP_POINTS);
    expect(fit.a).toBeCloseTo(PIP_PARAMETERS.a, 10);
    expect(fit.b).toBeCloseTo(PIP_PARAMETERS.b, 10);
    expect(fit.c).toBeCloseTo(PIP_PARAMETERS.c, 10);
    expect(fit.residualSumOfSquares).toBeCloseTo(PIP_SUM_OF_SQUARED_RESIDUALS, 15);
    expect(fit.valid).toBe(false);
    expect(fit.reasons).toEqual(['A_PLUS_C_BELOW_ONE']);
    expect(fit.gini).toBeNull();
  });

  it('refuses data that cannot identify three parameters', () => {
    // Perfect equality: L = p makes p² − L = L(p − 1) and p − L = 0.
    expect(() => fitLorenzQuadratic([0.2, 0.2, 0.2, 0.2, 0.2])).toThrow(refusal('LORENZ_NOT_ESTIMABLE'));
    // Two interior points for three parameters.
    expect(() =>
      fitLorenzQuadratic([
        { p: 0.3, L: 0.1 },
        { p: 0.7, L: 0.4 },
      ]),
    ).toThrow(refusal('LORENZ_NOT_ESTIMABLE'));
  });
});

describe('giniFromShares (quadratic fit, linear fallback)', () => {
  it('uses the quadratic curve on log-normal quintiles and gets much closer to the truth', () => {
    // Quintile shares of a log-normal income distribution with σ = 0.7, from L(p) = Φ(Φ⁻¹(p) − σ);
    // its true Gini is erf(σ/2) = 0.3793821.
    const shares = [0.061582831302120944, 0.1086242852621474, 0.15735573163033834, 0.2287475547968243, 0.443689597008569];
    const trueGini = 0.3793820535623103;
    const result = giniFromShares(shares);
    expect(result.method).toBe('LORENZ_QUADRATIC');
    expect(result.fallbackReasons).toEqual([]);
    expect(result.fit?.valid).toBe(true);
    expect(Math.abs(result.gini - trueGini)).toBeLessThan(0.001);
    // The trapezoids miss by 0.026: the lower bound the World Bank method corrects.
    const linear = giniFromSharesLinear(shares);
    expect(linear).toBeCloseTo(0.3537347203790292, 12);
    expect(trueGini - linear).toBeGreaterThan(0.025);
  });

  it('falls back to linear interpolation, saying why, when the fit is not a valid Lorenz curve', () => {
    const result = giniFromShares([5, 10, 15, 20, 50]);
    expect(result.method).toBe('LINEAR_INTERPOLATION');
    expect(result.gini).toBeCloseTo(0.4, 14); // hand-checked above
    expect(result.fallbackReasons).toEqual(['A_PLUS_C_BELOW_ONE']);
    expect(result.fit?.valid).toBe(false);
  });

  it('perfectly equal shares give 0 by the fallback (the regression is singular)', () => {
    const result = giniFromShares([20, 20, 20, 20, 20]);
    expect(result).toEqual({ gini: 0, method: 'LINEAR_INTERPOLATION', fallbackReasons: ['SINGULAR_REGRESSION'] });
  });

  it('L(p) = p² lies outside the GQ family (p² − L ≡ 0): the fallback gives the lower bound 0.32', () => {
    const quintiles = [1, 2, 3, 4, 5].map((k) => (k * k - (k - 1) * (k - 1)) / 25);
    const result = giniFromShares(quintiles);
    expect(result.method).toBe('LINEAR_INTERPOLATION');
    expect(result.fallbackReasons).toEqual(['SINGULAR_REGRESSION']);
    expect(result.gini).toBeCloseTo(0.32, 14);
  });

  it("falls back on PIP's reference points under Datt's strict a + c ≥ 1", () => {
    const result = giniFromShares(PIP_POINTS);
    expect(result.method).toBe('LINEAR_INTERPOLATION');
    expect(result.fallbackReasons).toEqual(['A_PLUS_C_BELOW_ONE']);
    expect(result.gini).toBeCloseTo(giniFromSharesLinear(PIP_POINTS), 15);
  });

  it('fits general cumulative points with unequal population steps', () => {
    // The grouped-data example of wbpip's documentation (13 unequal population groups).
    const L = [0.00208, 0.01013, 0.03122, 0.07083, 0.12808, 0.23498, 0.34887, 0.51994, 0.6427, 0.79201, 0.86966, 0.91277, 1];
    const p = [0.0092, 0.0339, 0.085, 0.164, 0.2609, 0.4133, 0.5497, 0.7196, 0.8196, 0.9174, 0.957, 0.9751, 1];
    const points = p.map((value, i) => ({ p: value, L: L[i] }));
    const result = giniFromShares(points);
    expect(result.method).toBe('LORENZ_QUADRATIC');
    expect(result.fit).toBeDefined();
    const fit = result.fit as NonNullable<typeof result.fit>;
    expect(result.gini).toBeCloseTo(numericalGini(fit), 9);
    // The smooth curve adds the within-group inequality the trapezoids ignore.
    expect(result.gini).toBeGreaterThan(giniFromSharesLinear(points));
    expect(result.gini).toBeCloseTo(0.289017, 6);
  });

  it('applies the same input validation as the other estimators', () => {
    expect(() => giniFromShares([])).toThrow(refusal('EMPTY_INPUT'));
    expect(() => giniFromShares([0.3, 0.2, 0.2, 0.2, 0.1])).toThrow(refusal('INVALID_SHARES'));
  });
});
