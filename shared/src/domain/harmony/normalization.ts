/**
 * Normalization of indicator values onto a common 0–100 (or 1–100) scale, direction-aware, so that
 * a higher score is always better (OECD/JRC Handbook on Constructing Composite Indicators, 2008,
 * section 5; COINr `Normalise`).
 *
 * - Goalposts (the default): fixed bounds per indicator, values clamped into them. Scores of
 *   different periods stay comparable because the bounds do not move with the data.
 * - Min-max across the regions of a period: relative position between the worst and best region.
 * - Z-score across the regions of a period: distance from the mean in standard deviations.
 *
 * Missing values (`null`) stay `null`: a missing observation is never a zero (PRODUCT.md).
 */
import { isFiniteNumber, notFiniteMessage, requireFinite } from './errors';
import { problem, throwFirstProblem, type RuleProblem } from './rule-problems';
import type { Goalposts, IndicatorDirection } from './indicators';

/**
 * Target scale of normalized scores. Geometric aggregation takes logarithms, so it needs a scale
 * without zero: 1–100 (OECD/JRC Handbook, section 6.1).
 */
export type NormalizationScale = 'ZERO_TO_HUNDRED' | 'ONE_TO_HUNDRED';

export const SCALE_BOUNDS: Readonly<Record<NormalizationScale, { readonly minimum: number; readonly maximum: number }>> = {
  ZERO_TO_HUNDRED: { minimum: 0, maximum: 100 },
  ONE_TO_HUNDRED: { minimum: 1, maximum: 100 },
};

/** Maps a position t ∈ [0, 1] (0 worst, 1 best) onto the scale. */
function onScale(position: number, scale: NormalizationScale): number {
  const { minimum, maximum } = SCALE_BOUNDS[scale];
  return minimum + position * (maximum - minimum);
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

/** Both goalposts numbers, the lower below the upper. Fields: `lower`, `upper` (the order is the upper's). */
export function goalpostsProblems(goalposts: Goalposts): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isFiniteNumber(goalposts.lower))
    problems.push(problem('lower', 'NON_FINITE_VALUE', notFiniteMessage('lower goalpost', goalposts.lower)));
  if (!isFiniteNumber(goalposts.upper))
    problems.push(problem('upper', 'NON_FINITE_VALUE', notFiniteMessage('upper goalpost', goalposts.upper)));
  if (problems.length === 0 && !(goalposts.lower < goalposts.upper)) {
    problems.push(
      problem(
        'upper',
        'INVALID_GOALPOSTS',
        `the lower goalpost must be below the upper one, got ${goalposts.lower} and ${goalposts.upper}`,
        { lower: goalposts.lower, upper: goalposts.upper },
      ),
    );
  }
  return problems;
}

/** The throwing form of goalpostsProblems. */
export function validateGoalposts(goalposts: Goalposts): void {
  throwFirstProblem(goalpostsProblems(goalposts));
}

/**
 * Goalpost normalization: t = (x − lower)/(upper − lower) for HIGHER_IS_BETTER, (upper − x)/(upper −
 * lower) for LOWER_IS_BETTER, clamped into [0, 1], then put on the scale. A LOWER_IS_BETTER value at
 * the lower bound scores 100. Clamping (COINr `n_goalposts` with truncation) means no credit for
 * going beyond the target and no extra penalty beyond the worst bound, so one extreme indicator
 * cannot swamp the others.
 */
export function normalizeGoalposts(
  value: number | null,
  goalposts: Goalposts,
  direction: IndicatorDirection,
  scale: NormalizationScale = 'ZERO_TO_HUNDRED',
): number | null {
  validateGoalposts(goalposts);
  return goalpostScore(value, goalposts, direction, scale);
}

/** `normalizeGoalposts` with goalposts already validated (the batch path validates a methodology once). */
export function goalpostScore(
  value: number | null,
  goalposts: Goalposts,
  direction: IndicatorDirection,
  scale: NormalizationScale,
): number | null {
  if (value === null) return null;
  requireFinite(value, 'value');
  const span = goalposts.upper - goalposts.lower;
  const position = direction === 'HIGHER_IS_BETTER' ? (value - goalposts.lower) / span : (goalposts.upper - value) / span;
  return onScale(clamp(position, 0, 1), scale);
}

// ---------------------------------------------------------------------------------------------
// Min-max across regions

export interface MinMaxStatistics {
  readonly minimum: number;
  readonly maximum: number;
  /** Number of non-missing values the bounds were taken from. */
  readonly count: number;
}

/** Bounds of the non-missing values, or null when every value is missing. */
export function minMaxStatistics(values: readonly (number | null)[]): MinMaxStatistics | null {
  let minimum = Infinity;
  let maximum = -Infinity;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    requireFinite(value, 'value');
    if (value < minimum) minimum = value;
    if (value > maximum) maximum = value;
    count++;
  }
  return count === 0 ? null : { minimum, maximum, count };
}

/**
 * Min-max score of one value against the bounds of its period.
 *
 * When every region has the same value (or there is only one region) the range is zero and
 * min-max carries no information: each region is at once the worst and the best. The score is
 * then the middle of the scale (50, or 50.5 on 1–100), not 100: a lone or undifferentiated region
 * must neither be rewarded with a perfect score it did not earn (which would inflate the index of
 * every region in a single-region period) nor punished; the midpoint is also the only choice that
 * does not depend on the indicator's direction. COINr leaves this case undefined (division by zero).
 *
 * A value outside the bounds (not one of the period's values) is clamped.
 */
export function minMaxScore(
  value: number | null,
  statistics: MinMaxStatistics | null,
  direction: IndicatorDirection,
  scale: NormalizationScale = 'ZERO_TO_HUNDRED',
): number | null {
  if (value === null || statistics === null) return null;
  requireFinite(value, 'value');
  const range = statistics.maximum - statistics.minimum;
  if (range === 0) return onScale(0.5, scale);
  const position = direction === 'HIGHER_IS_BETTER' ? (value - statistics.minimum) / range : (statistics.maximum - value) / range;
  return onScale(clamp(position, 0, 1), scale);
}

/** Min-max normalization of the values of all regions of a period (same order, nulls kept). */
export function normalizeMinMax(
  values: readonly (number | null)[],
  direction: IndicatorDirection,
  scale: NormalizationScale = 'ZERO_TO_HUNDRED',
): (number | null)[] {
  const statistics = minMaxStatistics(values);
  return values.map((value) => minMaxScore(value, statistics, direction, scale));
}

// ---------------------------------------------------------------------------------------------
// Z-scores across regions

export interface ZScoreStatistics {
  readonly mean: number;
  /** Sample standard deviation (n − 1), as R's `sd` used by COINr's `n_zscore`; 0 when n = 1. */
  readonly standardDeviation: number;
  readonly count: number;
}

export function zScoreStatistics(values: readonly (number | null)[]): ZScoreStatistics | null {
  let count = 0;
  let sum = 0;
  for (const value of values) {
    if (value === null) continue;
    requireFinite(value, 'value');
    sum += value;
    count++;
  }
  if (count === 0) return null;
  const mean = sum / count;
  let squares = 0;
  for (const value of values) {
    if (value === null) continue;
    squares += (value - mean) * (value - mean);
  }
  const standardDeviation = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
  return { mean, standardDeviation, count };
}

/**
 * Direction-aware z-score: (x − mean)/sd, negated for LOWER_IS_BETTER so that a positive z is
 * always better. With zero spread (all equal, or a single region) z is 0: every region is at the
 * mean, consistent with the min-max midpoint above.
 */
export function zScore(value: number | null, statistics: ZScoreStatistics | null, direction: IndicatorDirection): number | null {
  if (value === null || statistics === null) return null;
  requireFinite(value, 'value');
  if (statistics.standardDeviation === 0) return 0;
  const z = (value - statistics.mean) / statistics.standardDeviation;
  return direction === 'HIGHER_IS_BETTER' ? z : -z;
}

/**
 * Z-score mapped onto the score scale as 50 + 10·z (the "T-score" convention), clamped into the
 * scale: the mean region scores 50 and each standard deviation is worth 10 points, so ±5 sd spans
 * the whole scale. Raw z-scores are unbounded and centred on 0, which would not mix with goalpost
 * scores on 0–100 nor with the grade bands; this mapping makes them aggregable.
 */
export function zScoreOnScale(
  value: number | null,
  statistics: ZScoreStatistics | null,
  direction: IndicatorDirection,
  scale: NormalizationScale = 'ZERO_TO_HUNDRED',
): number | null {
  const z = zScore(value, statistics, direction);
  if (z === null) return null;
  const { minimum, maximum } = SCALE_BOUNDS[scale];
  return clamp(50 + 10 * z, minimum, maximum);
}

/** Raw direction-aware z-scores of the values of all regions of a period. */
export function zScores(values: readonly (number | null)[], direction: IndicatorDirection): (number | null)[] {
  const statistics = zScoreStatistics(values);
  return values.map((value) => zScore(value, statistics, direction));
}

/** Z-scores of all regions of a period mapped onto the score scale (see `zScoreOnScale`). */
export function normalizeZScore(
  values: readonly (number | null)[],
  direction: IndicatorDirection,
  scale: NormalizationScale = 'ZERO_TO_HUNDRED',
): (number | null)[] {
  const statistics = zScoreStatistics(values);
  return values.map((value) => zScoreOnScale(value, statistics, direction, scale));
}
