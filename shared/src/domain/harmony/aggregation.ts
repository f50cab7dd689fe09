/**
 * Aggregation of normalized indicator scores into the harmony index (OECD/JRC Handbook on
 * Constructing Composite Indicators, 2008, section 6; COINr `Aggregate`).
 *
 * - Weighted arithmetic mean (default): fully compensatory — a point lost on one indicator is
 *   bought back by a point on another, in proportion to the weights.
 * - Weighted geometric mean (on request): partially compensatory — a poor score drags the index
 *   down more than a good score lifts it, so a region cannot hide, say, mass incidents behind
 *   high newspaper subscriptions. Needs scores ≥ 1 (logarithms), hence the 1–100 scale.
 *
 * Missing indicators are not zeros (PRODUCT.md). The index is computed over the indicators
 * present with their weights re-normalized to sum to 1 — the "available-case" treatment COINr
 * applies by default — and the result reports how much of the methodology it stands on.
 */
import { nullIfMissing } from './columns';
import { HarmonyMathError, isFiniteNumber, requireFinite, requireThreshold, requireUniqueCodes } from './errors';
import { problem, throwFirstProblem, type RuleProblem } from './rule-problems';

export const AGGREGATION_METHODS = ['ARITHMETIC', 'GEOMETRIC'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

/** PRODUCT.md: "coverage below 65 %" is flagged; an assessment below it is incomplete. */
export const DEFAULT_COVERAGE_THRESHOLD = 0.65;
/** Weights must sum to 1; this tolerance absorbs decimal input such as 7 × 0.142857142857. */
export const WEIGHT_SUM_TOLERANCE = 1e-9;
/** The smallest score geometric aggregation accepts (the bottom of the 1–100 scale). */
export const GEOMETRIC_MINIMUM_SCORE = 1;

export interface WeightedScore {
  readonly code: string;
  /** Normalized score, or null when the indicator is missing for this region and period. */
  readonly score: number | null;
  readonly weight: number;
}

export interface IndicatorContribution {
  readonly code: string;
  readonly score: number | null;
  /** Weight in the methodology. */
  readonly weight: number;
  /** Weight actually applied: weight / Σ weights present; null when missing. */
  readonly effectiveWeight: number | null;
  /** Points of the index owed to this indicator; contributions sum to the index. */
  readonly contribution: number | null;
}

export interface AggregationResult {
  /** Null when no indicator with a positive weight is present. */
  readonly index: number | null;
  readonly contributions: readonly IndicatorContribution[];
  /** Share of the methodology's weight that is present: Σ weights of present indicators. */
  readonly coverage: number;
  /** coverage ≥ threshold (and an index exists). */
  readonly complete: boolean;
  /** Codes of the missing indicators, in input order. */
  readonly missing: readonly string[];
}

export interface AggregationOptions {
  /** Minimum coverage for a complete assessment; default 0.65. */
  readonly coverageThreshold?: number;
}

/**
 * Negative or non-finite weights, and weights that do not sum to 1 (± 1e-9). Fields: `weights.<position>`
 * for one weight, `weights` for the list (empty, or its sum; the sum only when every weight is a number).
 */
export function weightsProblems(weights: readonly number[]): RuleProblem[] {
  if (weights.length === 0) return [problem('weights', 'EMPTY_INPUT', 'no weights given')];
  const problems: RuleProblem[] = [];
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i];
    if (!isFiniteNumber(weight))
      problems.push(problem(`weights.${i}`, 'INVALID_WEIGHTS', `weight ${i + 1} is not a finite number`, { position: i + 1 }));
    else if (weight < 0)
      problems.push(
        problem(`weights.${i}`, 'INVALID_WEIGHTS', `weight ${i + 1} is negative (${weight})`, { position: i + 1, got: weight }),
      );
    else sum += weight;
  }
  if (problems.length === 0 && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    problems.push(problem('weights', 'INVALID_WEIGHTS', `weights must sum to 1, got ${sum}`, { sum, expected: 1 }));
  }
  return problems;
}

/** The throwing form of weightsProblems (the aggregation's). */
export function validateWeights(weights: readonly number[]): void {
  throwFirstProblem(weightsProblems(weights));
}

function validateScores(scores: readonly WeightedScore[], method: AggregationMethod): void {
  if (scores.length === 0) throw new HarmonyMathError('EMPTY_INPUT', 'no indicator scores given');
  requireUniqueCodes(
    scores.map(({ code }) => code),
    'indicator scores',
  );
  validateWeights(scores.map(({ weight }) => weight));
  for (const { code, score } of scores) {
    if (score === null) continue;
    requireFinite(score, `score of ${code}`);
    if (method === 'GEOMETRIC' && score < GEOMETRIC_MINIMUM_SCORE) {
      throw new HarmonyMathError(
        'SCORE_BELOW_GEOMETRIC_MINIMUM',
        `geometric aggregation needs scores ≥ ${GEOMETRIC_MINIMUM_SCORE} (normalize onto 1–100): ${code} scores ${score}`,
      );
    }
  }
}

/**
 * Weighted arithmetic mean over the indicators present: I = Σ wᵢsᵢ / Σ wᵢ (i present).
 * Contribution of i: wᵢsᵢ / Σ w_present, so contributions sum to the index.
 */
export function aggregateArithmetic(scores: readonly WeightedScore[], options: AggregationOptions = {}): AggregationResult {
  return aggregate('ARITHMETIC', scores, options);
}

/**
 * Weighted geometric mean over the indicators present: I = Π sᵢ^(wᵢ/Σw_present) = exp(Σ ŵᵢ ln sᵢ).
 *
 * Contributions: the index's logarithm is additive, ln I = Σ ŵᵢ ln sᵢ, so each indicator's share of
 * ln I is ŵᵢ ln sᵢ / ln I; its contribution is that share of the index, I · ŵᵢ ln sᵢ / ln I. Shares
 * are non-negative because scores are ≥ 1, and contributions sum to the index. When every score is
 * 1 (ln I = 0) the index is 1 and is split by effective weight.
 */
export function aggregateGeometric(scores: readonly WeightedScore[], options: AggregationOptions = {}): AggregationResult {
  return aggregate('GEOMETRIC', scores, options);
}

export function aggregate(
  method: AggregationMethod,
  scores: readonly WeightedScore[],
  options: AggregationOptions = {},
): AggregationResult {
  validateScores(scores, method);
  const threshold = requireThreshold(options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD, 'coverage threshold');
  const count = scores.length;
  const weights = new Float64Array(count);
  const values = new Float64Array(count);
  const missing: string[] = [];
  for (let i = 0; i < count; i++) {
    const { code, score, weight } = scores[i];
    weights[i] = weight;
    values[i] = score === null ? Number.NaN : score;
    if (score === null) missing.push(code);
  }
  const effectiveWeights = new Float64Array(count);
  const contributions = new Float64Array(count);
  const { index, presentWeight } = aggregateRow(method, weights, values, 0, effectiveWeights, contributions);
  // Weights sum to 1 (± 1e-9), so the weight present is the share of the methodology present.
  const coverage = Math.min(1, presentWeight);
  return {
    index: nullIfMissing(index),
    contributions: scores.map(({ code, score, weight }, i) => ({
      code,
      score,
      weight,
      effectiveWeight: nullIfMissing(effectiveWeights[i]),
      contribution: nullIfMissing(contributions[i]),
    })),
    coverage,
    // No index, nothing to call complete, whatever the threshold.
    complete: !Number.isNaN(index) && coverage >= threshold,
    missing,
  };
}

/**
 * The index of one row of scores (NaN = missing) under the weights, re-normalized over the scores
 * present; NaN when no weight is present. The one formula behind `aggregate`, the batch assessment
 * and the sensitivity runs, so it does no validation: its callers validate the weights and scores once.
 * `offset` is where the row starts in `scores` (a table of rows × weights.length).
 */
export function aggregateIndex(method: AggregationMethod, weights: ArrayLike<number>, scores: ArrayLike<number>, offset = 0): number {
  let presentWeight = 0;
  let accumulator = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < weights.length; i++) {
    const score = scores[offset + i];
    const weight = weights[i];
    if (Number.isNaN(score) || weight === 0) continue;
    presentWeight += weight;
    accumulator += weight * (method === 'ARITHMETIC' ? score : Math.log(score));
    if (score < lowest) lowest = score;
    if (score > highest) highest = score;
  }
  if (presentWeight === 0) return Number.NaN;
  const index = method === 'ARITHMETIC' ? accumulator / presentWeight : Math.exp(accumulator / presentWeight);
  // A mean lies between the smallest and largest score averaged; rounding can push it a hair
  // outside (seven weights of 1/7 on scores of 100 give 99.99999999999997). Pin it back.
  return Math.min(highest, Math.max(lowest, index));
}

/**
 * `aggregateIndex` with each indicator's effective weight (weight / Σ weights present) and
 * contribution written at `offset` of the two output arrays (NaN where the score is missing; 0 for
 * present scores when no weight is present at all). Returns the index (NaN when none) and the weight present.
 */
export function aggregateRow(
  method: AggregationMethod,
  weights: ArrayLike<number>,
  scores: ArrayLike<number>,
  offset: number,
  effectiveWeights: Float64Array,
  contributions: Float64Array,
): { index: number; presentWeight: number } {
  const count = weights.length;
  let presentWeight = 0;
  for (let i = 0; i < count; i++) if (!Number.isNaN(scores[offset + i])) presentWeight += weights[i];
  if (presentWeight === 0) {
    for (let i = 0; i < count; i++) {
      const missing = Number.isNaN(scores[offset + i]);
      effectiveWeights[offset + i] = missing ? Number.NaN : 0;
      contributions[offset + i] = missing ? Number.NaN : 0;
    }
    return { index: Number.NaN, presentWeight };
  }
  const index = aggregateIndex(method, weights, scores, offset);
  // Contributions sum to the index. Arithmetic: ŵᵢsᵢ. Geometric: ln I = Σ ŵᵢ ln sᵢ is additive, so
  // each indicator's share of ln I is ŵᵢ ln sᵢ / ln I and its contribution that share of I; when
  // every score is 1 (ln I = 0) the index is 1 and is split by effective weight.
  let logIndex = 0;
  if (method === 'GEOMETRIC') {
    for (let i = 0; i < count; i++) {
      const score = scores[offset + i];
      if (!Number.isNaN(score)) logIndex += (weights[i] / presentWeight) * Math.log(score);
    }
  }
  const geometricIndex = Math.exp(logIndex);
  for (let i = 0; i < count; i++) {
    const score = scores[offset + i];
    if (Number.isNaN(score)) {
      effectiveWeights[offset + i] = Number.NaN;
      contributions[offset + i] = Number.NaN;
      continue;
    }
    const effective = weights[i] / presentWeight;
    effectiveWeights[offset + i] = effective;
    contributions[offset + i] =
      method === 'ARITHMETIC'
        ? effective * score
        : logIndex === 0
          ? geometricIndex * effective
          : (geometricIndex * effective * Math.log(score)) / logIndex;
  }
  return { index, presentWeight };
}
