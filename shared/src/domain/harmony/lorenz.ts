/**
 * Gini coefficient from grouped data: income shares of equal population groups (quintiles,
 * deciles) or, more generally, points (p, L) of the empirical Lorenz curve.
 *
 * Two estimators, as in World Bank PovcalNet/PIP and Datt (1998), "Computational tools for poverty
 * measurement and analysis", FCND Discussion Paper 50:
 *
 * - Linear interpolation between the Lorenz points (trapezoids). It assumes every member of a group
 *   has the group's mean income, i.e. it ignores inequality within groups, so it is a LOWER BOUND
 *   of the true Gini.
 * - The General Quadratic (GQ) Lorenz curve of Villaseñor & Arnold (1989), fitted by OLS as Datt
 *   describes, then checked to be a valid Lorenz curve (Datt 1998, Table 2). A smooth convex curve
 *   restores the within-group inequality the trapezoids lose.
 *
 * `giniFromShares` uses the GQ curve when its fit is valid and falls back to linear interpolation,
 * saying why, otherwise — the platform must always say which method produced a figure.
 */
import { HarmonyMathError, requireFinite } from './errors';

/** A point of a Lorenz curve: the poorest share `p` of the population holds share `L` of income. */
export interface LorenzPoint {
  readonly p: number;
  readonly L: number;
}

/** Shares of equal population groups, poorest first, or cumulative Lorenz points sorted by p. */
export type GroupedIncome = readonly number[] | readonly LorenzPoint[];

export interface GroupedIncomeOptions {
  /**
   * Number of equal population groups the shares must have. Without it, shares must be quintiles
   * (5) or deciles (10), the forms published by statistical offices.
   */
  readonly groups?: number;
}

export type GroupedGiniMethod = 'LORENZ_QUADRATIC' | 'LINEAR_INTERPOLATION';

/** Why a quadratic Lorenz fit was not used. */
export type QuadraticLorenzInvalidReason =
  | 'TOO_FEW_POINTS'
  | 'SINGULAR_REGRESSION'
  | 'E_NOT_NEGATIVE'
  | 'A_PLUS_C_BELOW_ONE'
  | 'C_NEGATIVE'
  | 'NOT_CONVEX'
  | 'UNDEFINED_ON_GRID'
  | 'NOT_MONOTONE_ON_GRID'
  | 'NOT_CONVEX_ON_GRID'
  | 'GINI_OUT_OF_RANGE';

export const QUADRATIC_LORENZ_REASON_TEXT: Readonly<Record<QuadraticLorenzInvalidReason, string>> = {
  TOO_FEW_POINTS: 'fewer than three Lorenz points strictly inside (0, 1): three parameters cannot be estimated',
  SINGULAR_REGRESSION: 'the regression is singular (e.g. perfect equality): the curve is not identified',
  E_NOT_NEGATIVE: 'e ≥ 0: the fitted curve does not pass through (0, 0) (Datt 1998, Table 2)',
  A_PLUS_C_BELOW_ONE: 'a + c < 1: the fitted curve does not pass through (1, 1) (Datt 1998, Table 2)',
  C_NEGATIVE: "c < 0: the fitted curve's slope at 0 is negative (Datt 1998, Table 2)",
  NOT_CONVEX: "the condition on m, n, e for L''(p) ≥ 0 on (0, 1) fails (Datt 1998, Table 2)",
  UNDEFINED_ON_GRID: 'the square root of the fitted curve is negative somewhere in [0, 1]',
  NOT_MONOTONE_ON_GRID: 'the fitted curve decreases somewhere in (0, 1)',
  NOT_CONVEX_ON_GRID: 'the fitted curve is concave somewhere in (0, 1)',
  GINI_OUT_OF_RANGE: 'the Gini of the fitted curve is not within [0, 1)',
};

export interface QuadraticLorenzParameters {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export interface QuadraticLorenzFit extends QuadraticLorenzParameters {
  /** Derived quantities of Datt (1998): e = −(a+b+c+1), m = b²−4a, n = 2be−4c, r = √(n²−4me²). */
  readonly e: number;
  readonly m: number;
  readonly n: number;
  readonly r: number;
  readonly valid: boolean;
  readonly reasons: readonly QuadraticLorenzInvalidReason[];
  /** Gini of the fitted curve, when the fit is valid. */
  readonly gini: number | null;
  /** Σ (Lᵢ − L̂(pᵢ))² over the input points: how well the curve follows the data. */
  readonly residualSumOfSquares: number;
}

export interface GroupedGiniResult {
  readonly gini: number;
  readonly method: GroupedGiniMethod;
  /** The quadratic fit, when the regression could be estimated (even if it was then rejected). */
  readonly fit?: QuadraticLorenzFit;
  /** Why the quadratic curve was not used; empty when `method` is LORENZ_QUADRATIC. */
  readonly fallbackReasons: readonly QuadraticLorenzInvalidReason[];
}

/** Published shares are rounded (often to 0.1 %): five or ten of them miss 100 % by a little. */
const SHARE_SUM_TOLERANCE = 0.01;
const POINT_TOLERANCE = 1e-9;
/** Grid on which the fitted curve is checked numerically, in addition to Datt's conditions. */
const VALIDITY_GRID_STEPS = 1000;
const GRID_TOLERANCE = 1e-12;

// ---------------------------------------------------------------------------------------------
// Input validation

/**
 * Cumulative Lorenz points of income shares of equal population groups, poorest group first.
 * Shares may be fractions (summing to 1) or percentages (summing to 100); they are normalized to
 * sum exactly to 1. Returns the points (k/K, L_k) for k = 1..K, the last being (1, 1).
 */
export function lorenzPointsFromShares(shares: readonly number[], options: GroupedIncomeOptions = {}): LorenzPoint[] {
  const count = shares.length;
  if (count === 0) throw new HarmonyMathError('EMPTY_INPUT', 'no income shares given');
  if (options.groups !== undefined) {
    if (!Number.isInteger(options.groups) || options.groups < 2) {
      throw new HarmonyMathError('INVALID_OPTION', `groups must be an integer ≥ 2, got ${options.groups}`);
    }
    if (count !== options.groups) {
      throw new HarmonyMathError('INVALID_SHARES', `expected ${options.groups} shares, got ${count}`);
    }
  } else if (count !== 5 && count !== 10) {
    throw new HarmonyMathError('INVALID_SHARES', `expected quintile (5) or decile (10) shares, got ${count}`);
  }

  let sum = 0;
  for (let k = 0; k < count; k++) {
    const share = requireFinite(shares[k], `share ${k + 1}`);
    if (share < 0) throw new HarmonyMathError('INVALID_SHARES', `share ${k + 1} is negative (${share})`);
    // Groups ranked by income have non-decreasing shares; a decrease means the order is wrong
    // (richest first?) or the data are not income shares of equal groups.
    if (k > 0 && share < shares[k - 1]) {
      throw new HarmonyMathError(
        'INVALID_SHARES',
        `shares must be non-decreasing, poorest group first: share ${k + 1} (${share}) < share ${k} (${shares[k - 1]})`,
      );
    }
    sum += share;
  }
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE && Math.abs(sum - 100) > 100 * SHARE_SUM_TOLERANCE) {
    throw new HarmonyMathError('INVALID_SHARES', `shares must sum to 1 or to 100, got ${sum}`);
  }

  const points: LorenzPoint[] = [];
  let cumulative = 0;
  for (let k = 0; k < count; k++) {
    cumulative += shares[k];
    points.push({ p: (k + 1) / count, L: k === count - 1 ? 1 : cumulative / sum });
  }
  return points;
}

/**
 * Validates cumulative Lorenz points and returns them without (0, 0) and ending with (1, 1)
 * (appended when absent). A Lorenz curve is non-decreasing and convex between (0, 0) and (1, 1);
 * points that are not cannot come from data sorted by income.
 */
export function normalizeLorenzPoints(points: readonly LorenzPoint[]): LorenzPoint[] {
  if (points.length === 0) throw new HarmonyMathError('EMPTY_INPUT', 'no Lorenz points given');
  const result: LorenzPoint[] = [];
  let previous: LorenzPoint = { p: 0, L: 0 };
  let previousSlope = 0;
  const all = [...points];
  const last = all[all.length - 1];
  if (!(last.p === 1)) all.push({ p: 1, L: 1 });

  for (let i = 0; i < all.length; i++) {
    const point = all[i];
    const p = requireFinite(point.p, `p of Lorenz point ${i + 1}`);
    const L = requireFinite(point.L, `L of Lorenz point ${i + 1}`);
    if (p === 0 && i === 0) {
      if (L !== 0) throw new HarmonyMathError('INVALID_LORENZ_POINTS', `a Lorenz curve starts at (0, 0), got L(0) = ${L}`);
      continue;
    }
    if (!(p > previous.p) || p > 1) {
      throw new HarmonyMathError('INVALID_LORENZ_POINTS', `p must increase strictly within (0, 1]: point ${i + 1} has p = ${p}`);
    }
    if (L < 0 || L > 1) {
      throw new HarmonyMathError('INVALID_LORENZ_POINTS', `L must lie in [0, 1]: point ${i + 1} has L = ${L}`);
    }
    if (p === 1 && Math.abs(L - 1) > POINT_TOLERANCE) {
      throw new HarmonyMathError('INVALID_LORENZ_POINTS', `a Lorenz curve ends at (1, 1), got L(1) = ${L}`);
    }
    const slope = (L - previous.L) / (p - previous.p);
    if (slope < previousSlope - POINT_TOLERANCE) {
      throw new HarmonyMathError(
        'INVALID_LORENZ_POINTS',
        `the Lorenz curve must be non-decreasing and convex: its slope falls at point ${i + 1}`,
      );
    }
    previousSlope = slope;
    previous = { p, L: p === 1 ? 1 : L };
    result.push(previous);
  }
  return result;
}

function isShareList(input: GroupedIncome): input is readonly number[] {
  return input.length > 0 && typeof input[0] === 'number';
}

function toLorenzPoints(input: GroupedIncome, options: GroupedIncomeOptions): LorenzPoint[] {
  if (input.length === 0) throw new HarmonyMathError('EMPTY_INPUT', 'no grouped income data given');
  return isShareList(input) ? lorenzPointsFromShares(input, options) : normalizeLorenzPoints(input as readonly LorenzPoint[]);
}

// ---------------------------------------------------------------------------------------------
// Linear interpolation

/**
 * Gini of the piecewise-linear Lorenz curve through the points:
 * G = 1 − Σₖ (pₖ − pₖ₋₁)(Lₖ + Lₖ₋₁), from (0, 0) to (1, 1).
 * A lower bound of the true Gini (inequality within each group is taken as zero).
 */
export function giniFromSharesLinear(input: GroupedIncome, options: GroupedIncomeOptions = {}): number {
  return linearGini(toLorenzPoints(input, options));
}

function linearGini(points: readonly LorenzPoint[]): number {
  let area = 0;
  let previousP = 0;
  let previousL = 0;
  for (const { p, L } of points) {
    area += (p - previousP) * (L + previousL);
    previousP = p;
    previousL = L;
  }
  // Clamp the rounding residue of perfectly equal shares (1 − 0.9999999999999999) to zero.
  return Math.max(0, 1 - area);
}

// ---------------------------------------------------------------------------------------------
// General Quadratic Lorenz curve

function derivedParameters({ a, b, c }: QuadraticLorenzParameters): { e: number; m: number; n: number; r: number } {
  const e = -(a + b + c + 1);
  const m = b * b - 4 * a;
  const n = 2 * b * e - 4 * c;
  const r = Math.sqrt(Math.max(0, n * n - 4 * m * e * e));
  return { e, m, n, r };
}

/**
 * The GQ Lorenz curve at p: L(p) = −½ [b·p + e + √(m p² + n p + e²)] (Villaseñor & Arnold 1989;
 * Datt 1998, Table 1). The radicand is clamped at 0, as PovcalNet does, against rounding.
 */
export function quadraticLorenzValue(parameters: QuadraticLorenzParameters, p: number): number {
  const { e, m, n } = derivedParameters(parameters);
  return -0.5 * (parameters.b * p + e + Math.sqrt(Math.max(0, m * p * p + n * p + e * e)));
}

/**
 * Gini of the GQ curve. G = 1 − 2∫₀¹L(p)dp = 1 + b/2 + e + ∫₀¹√Q(p)dp with Q = m p² + n p + e²,
 * and the integral of the square root of a quadratic is elementary. Written with √Q(0) = |e| and
 * √Q(1) = |a+c−1| (as the World Bank's PIP code, wbpip `gd_compute_gini_lq`, does), it is the
 * area under the curve as actually drawn for any parameters; for a valid curve (e < 0, a + c ≥ 1)
 * it is exactly Datt's (1998, Table 1) formula:
 *   m < 0: G = e/2 − n(b+2)/(4m) + r²/(8m√−m) · [asin((2m+n)/r) − asin(n/r)]
 *   m > 0: G = e/2 − n(b+2)/(4m) − r²/(8m√m) · ln|(2m + n + 2√m(a+c−1)) / (n − 2e√m)|
 * m = 0 is excluded by Datt's conditions but handled for completeness (∫√(np+e²) is a power).
 */
export function giniOfQuadraticLorenz(parameters: QuadraticLorenzParameters): number {
  const { a, b, c } = parameters;
  const { e, m, n, r } = derivedParameters(parameters);
  const rootAtZero = Math.abs(e);
  const rootAtOne = Math.abs(a + c - 1);
  let integral: number;
  if (m === 0) {
    integral = n === 0 ? rootAtZero : (2 / (3 * n)) * (rootAtOne ** 3 - rootAtZero ** 3);
  } else {
    // ∫√Q = (2mp+n)√Q/(4m) − r²/(8m) ∫dp/√Q
    const algebraic = ((2 * m + n) * rootAtOne - n * rootAtZero) / (4 * m);
    let inverseRootIntegral: number;
    if (m > 0) {
      const rootM = Math.sqrt(m);
      inverseRootIntegral = Math.log(Math.abs((2 * m + n + 2 * rootM * rootAtOne) / (n + 2 * rootM * rootAtZero))) / rootM;
    } else {
      // Clamp the asin arguments into [−1, 1] against rounding, as PovcalNet does.
      const upper = Math.min(1, Math.max(-1, (2 * m + n) / r));
      const lower = Math.min(1, Math.max(-1, n / r));
      inverseRootIntegral = -(Math.asin(upper) - Math.asin(lower)) / Math.sqrt(-m);
    }
    integral = algebraic - ((r * r) / (8 * m)) * inverseRootIntegral;
  }
  return 1 + b / 2 + e + integral;
}

/**
 * Validity of a GQ curve as a Lorenz curve. First Datt's (1998, Table 2) conditions, exactly:
 *   L(0) = 0        ⇔ e < 0
 *   L(1) = 1        ⇔ a + c ≥ 1
 *   L'(0+) ≥ 0      ⇔ c ≥ 0
 *   L''(p) ≥ 0 on (0, 1) ⇔ m < 0; or 0 < m < n²/(4e²) and n ≥ 0; or 0 < m < −n/2 and m < n²/(4e²)
 * then, as a numerical safeguard, the curve on a grid of 1,000 steps over [0, 1]: radicand
 * non-negative, L non-decreasing, second differences non-negative.
 */
export function quadraticLorenzValidity(parameters: QuadraticLorenzParameters): {
  valid: boolean;
  reasons: QuadraticLorenzInvalidReason[];
} {
  const { a, b, c } = parameters;
  const { e, m, n } = derivedParameters(parameters);
  const reasons: QuadraticLorenzInvalidReason[] = [];
  if (!(e < 0)) reasons.push('E_NOT_NEGATIVE');
  if (!(a + c >= 1)) reasons.push('A_PLUS_C_BELOW_ONE');
  if (!(c >= 0)) reasons.push('C_NEGATIVE');
  const convexityBound = (n * n) / (4 * e * e);
  const convex = m < 0 || (m > 0 && m < convexityBound && n >= 0) || (m > 0 && m < -n / 2 && m < convexityBound);
  if (!convex) reasons.push('NOT_CONVEX');

  let undefinedSomewhere = false;
  let decreasing = false;
  let concave = false;
  let beforePrevious = Number.NaN;
  let previous = Number.NaN;
  for (let step = 0; step <= VALIDITY_GRID_STEPS; step++) {
    const p = step / VALIDITY_GRID_STEPS;
    const radicand = m * p * p + n * p + e * e;
    if (radicand < -GRID_TOLERANCE) undefinedSomewhere = true;
    const value = -0.5 * (b * p + e + Math.sqrt(Math.max(0, radicand)));
    if (step >= 1 && value < previous - GRID_TOLERANCE) decreasing = true;
    if (step >= 2 && value - 2 * previous + beforePrevious < -GRID_TOLERANCE) concave = true;
    beforePrevious = previous;
    previous = value;
  }
  if (undefinedSomewhere) reasons.push('UNDEFINED_ON_GRID');
  if (decreasing) reasons.push('NOT_MONOTONE_ON_GRID');
  if (concave) reasons.push('NOT_CONVEX_ON_GRID');
  return { valid: reasons.length === 0, reasons };
}

/**
 * Ordinary least squares without intercept by Householder QR (better conditioned than the normal
 * equations: the three regressors are strongly collinear on smooth data). Returns null when the
 * design matrix is rank-deficient.
 */
function leastSquares(design: readonly (readonly number[])[], response: readonly number[]): number[] | null {
  const rows = design.length;
  const columns = design[0].length;
  const matrix = design.map((row) => [...row]);
  const rhs = [...response];
  let largestNorm = 0;
  for (let j = 0; j < columns; j++) {
    let norm = 0;
    for (let i = 0; i < rows; i++) norm += matrix[i][j] * matrix[i][j];
    largestNorm = Math.max(largestNorm, Math.sqrt(norm));
  }
  if (largestNorm === 0) return null;

  for (let j = 0; j < columns; j++) {
    let norm = 0;
    for (let i = j; i < rows; i++) norm += matrix[i][j] * matrix[i][j];
    norm = Math.sqrt(norm);
    if (norm <= 1e-10 * largestNorm) return null;
    const alpha = matrix[j][j] > 0 ? -norm : norm;
    const householder: number[] = [];
    for (let i = j; i < rows; i++) householder.push(matrix[i][j]);
    householder[0] -= alpha;
    let householderNorm = 0;
    for (const v of householder) householderNorm += v * v;
    if (householderNorm === 0) continue;
    for (let k = j; k < columns; k++) {
      let dot = 0;
      for (let i = j; i < rows; i++) dot += householder[i - j] * matrix[i][k];
      const factor = (2 * dot) / householderNorm;
      for (let i = j; i < rows; i++) matrix[i][k] -= factor * householder[i - j];
    }
    let dot = 0;
    for (let i = j; i < rows; i++) dot += householder[i - j] * rhs[i];
    const factor = (2 * dot) / householderNorm;
    for (let i = j; i < rows; i++) rhs[i] -= factor * householder[i - j];
  }

  const solution = new Array<number>(columns).fill(0);
  for (let j = columns - 1; j >= 0; j--) {
    let value = rhs[j];
    for (let k = j + 1; k < columns; k++) value -= matrix[j][k] * solution[k];
    if (Math.abs(matrix[j][j]) <= 1e-10 * largestNorm) return null;
    solution[j] = value / matrix[j][j];
  }
  return solution;
}

function estimateQuadraticLorenz(points: readonly LorenzPoint[]): QuadraticLorenzFit | QuadraticLorenzInvalidReason {
  // (0, 0) and (1, 1) give all-zero rows (every regressor and the response vanish), so only
  // interior points inform the fit; PovcalNet drops the last point for that reason.
  const interior = points.filter(({ p }) => p > 0 && p < 1);
  if (interior.length < 3) return 'TOO_FEW_POINTS';
  // Datt (1998), eq. for the GQ curve: L(1−L) = a(p²−L) + b·L(p−1) + c(p−L).
  const design = interior.map(({ p, L }) => [p * p - L, L * (p - 1), p - L]);
  const response = interior.map(({ L }) => L * (1 - L));
  const solution = leastSquares(design, response);
  if (solution === null) return 'SINGULAR_REGRESSION';
  const parameters = { a: solution[0], b: solution[1], c: solution[2] };
  const derived = derivedParameters(parameters);
  const { reasons } = quadraticLorenzValidity(parameters);
  let gini: number | null = null;
  if (reasons.length === 0) {
    const candidate = giniOfQuadraticLorenz(parameters);
    if (Number.isFinite(candidate) && candidate >= 0 && candidate < 1) gini = candidate;
    else reasons.push('GINI_OUT_OF_RANGE');
  }
  let residualSumOfSquares = 0;
  for (const { p, L } of interior) residualSumOfSquares += (L - quadraticLorenzValue(parameters, p)) ** 2;
  return { ...parameters, ...derived, valid: reasons.length === 0, reasons, gini, residualSumOfSquares };
}

/**
 * Fits the GQ Lorenz curve to grouped data (Datt 1998): OLS of L(1−L) on (p²−L), L(p−1), (p−L)
 * without intercept, then the validity checks. Throws LORENZ_NOT_ESTIMABLE when the regression
 * cannot be estimated (fewer than three interior points, or a singular design such as perfect
 * equality, where L = p makes two regressors identical and the third zero).
 */
export function fitLorenzQuadratic(input: GroupedIncome, options: GroupedIncomeOptions = {}): QuadraticLorenzFit {
  const estimate = estimateQuadraticLorenz(toLorenzPoints(input, options));
  if (typeof estimate === 'string') {
    throw new HarmonyMathError('LORENZ_NOT_ESTIMABLE', QUADRATIC_LORENZ_REASON_TEXT[estimate]);
  }
  return estimate;
}

/**
 * Gini from grouped data, the World Bank way: the GQ Lorenz curve when its fit is valid, else
 * linear interpolation of the Lorenz curve, with the reasons for falling back.
 */
export function giniFromShares(input: GroupedIncome, options: GroupedIncomeOptions = {}): GroupedGiniResult {
  const points = toLorenzPoints(input, options);
  const estimate = estimateQuadraticLorenz(points);
  if (typeof estimate === 'string') {
    return { gini: linearGini(points), method: 'LINEAR_INTERPOLATION', fallbackReasons: [estimate] };
  }
  if (estimate.valid && estimate.gini !== null) {
    return { gini: estimate.gini, method: 'LORENZ_QUADRATIC', fit: estimate, fallbackReasons: [] };
  }
  return {
    gini: linearGini(points),
    method: 'LINEAR_INTERPOLATION',
    fit: estimate,
    fallbackReasons: estimate.reasons,
  };
}
