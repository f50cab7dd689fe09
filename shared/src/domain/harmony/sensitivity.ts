/**
 * Uncertainty analysis of the ranking with respect to the weights (OECD/JRC Handbook on
 * Constructing Composite Indicators, 2008, section 7; COINr `get_sensitivity`): Monte Carlo runs
 * each perturb every weight uniformly by ±x %, renormalize, recompute every region's index and
 * rank the regions. A region whose 5th–95th percentile rank interval is narrow owes its place to
 * its data, not to the particular weights chosen.
 *
 * Pure and reproducible: the random numbers come from a seeded generator, so the same input and
 * seed give the same intervals on the server, in a test and in an audit months later.
 */
import { HarmonyMathError, requireFinite, requireUniqueCodes } from './errors';
import { aggregateIndex, GEOMETRIC_MINIMUM_SCORE, validateWeights, type AggregationMethod } from './aggregation';
import { rankAmongSiblings } from './rollup';

/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * mulberry32 (Tommy Ettinger, public domain): a tiny 32-bit-state generator, ample for a thousand
 * runs over a handful of weights, and trivially portable, so that the same seed can be replayed
 * anywhere. The seed is reduced to an unsigned 32-bit integer.
 */
export function createRng(seed: number): RandomSource {
  requireFinite(seed, 'seed');
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WeightSensitivityInput {
  /** Region codes, one per row of `scores`. */
  readonly regions: readonly string[];
  /** Nominal weights of the indicators, one per column of `scores`; they must sum to 1. */
  readonly weights: readonly number[];
  /** Normalized scores, scores[region][indicator]; null for a missing value. */
  readonly scores: readonly (readonly (number | null)[])[];
}

export interface WeightSensitivityOptions {
  /** Number of Monte Carlo runs (default 1000). */
  readonly runs?: number;
  /** Half-width of the uniform perturbation, as a fraction of each weight (default 0.25, i.e. ±25 %). */
  readonly perturbation?: number;
  readonly seed?: number;
  readonly aggregation?: AggregationMethod;
  /** Call `onProgress` every this many runs (default 100), and after the last. */
  readonly progressEvery?: number;
  readonly onProgress?: (doneRuns: number, totalRuns: number) => void;
}

export interface RegionRankInterval {
  readonly region: string;
  /** Index with the nominal weights; null when the region has no index. */
  readonly nominalIndex: number | null;
  /** Ranks are competition ranks (1 best); null when the region has no index. */
  readonly nominalRank: number | null;
  readonly medianRank: number | null;
  readonly percentile5Rank: number | null;
  readonly percentile95Rank: number | null;
}

export interface WeightSensitivityResult {
  readonly runs: number;
  readonly perturbation: number;
  readonly seed: number;
  readonly aggregation: AggregationMethod;
  readonly regions: readonly RegionRankInterval[];
}

export const DEFAULT_SENSITIVITY_RUNS = 1000;
export const DEFAULT_WEIGHT_PERTURBATION = 0.25;
export const DEFAULT_SENSITIVITY_SEED = 1;

/**
 * Quantile of sorted values by linear interpolation between order statistics — R's default
 * `quantile(type = 7)`, so the figures match what an analyst gets in R or COINr.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, probability: number): number {
  const n = sorted.length;
  if (n === 0) throw new HarmonyMathError('EMPTY_INPUT', 'no values to take a quantile of');
  if (!(probability >= 0 && probability <= 1)) {
    throw new HarmonyMathError('INVALID_OPTION', `a quantile probability must lie in [0, 1], got ${probability}`);
  }
  const h = (n - 1) * probability;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, n - 1);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}

function requirePositiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new HarmonyMathError('INVALID_OPTION', `${what} must be a positive integer, got ${value}`);
  }
  return value;
}

/** Index of every region under the given weights: `aggregateIndex`, the rule of every assessment. */
function indicesFor(
  table: Float64Array,
  regionCount: number,
  weights: ArrayLike<number>,
  aggregation: AggregationMethod,
): (number | null)[] {
  const indices: (number | null)[] = new Array<number | null>(regionCount);
  for (let i = 0; i < regionCount; i++) {
    const index = aggregateIndex(aggregation, weights, table, i * weights.length);
    indices[i] = Number.isNaN(index) ? null : index;
  }
  return indices;
}

export function weightSensitivity(input: WeightSensitivityInput, options: WeightSensitivityOptions = {}): WeightSensitivityResult {
  const { regions, weights, scores } = input;
  if (regions.length === 0) throw new HarmonyMathError('EMPTY_INPUT', 'no regions given');
  requireUniqueCodes(regions, 'regions');
  validateWeights(weights);
  const aggregation = options.aggregation ?? 'ARITHMETIC';
  if (scores.length !== regions.length) {
    throw new HarmonyMathError('LENGTH_MISMATCH', `${scores.length} score rows for ${regions.length} regions`);
  }
  scores.forEach((row, i) => {
    if (row.length !== weights.length) {
      throw new HarmonyMathError('LENGTH_MISMATCH', `region ${regions[i]} has ${row.length} scores for ${weights.length} weights`);
    }
    for (const score of row) {
      if (score === null) continue;
      requireFinite(score, `score of region ${regions[i]}`);
      if (aggregation === 'GEOMETRIC' && score < GEOMETRIC_MINIMUM_SCORE) {
        throw new HarmonyMathError('SCORE_BELOW_GEOMETRIC_MINIMUM', `region ${regions[i]} has a score below 1`);
      }
    }
  });
  const runs = requirePositiveInteger(options.runs ?? DEFAULT_SENSITIVITY_RUNS, 'runs');
  const progressEvery = requirePositiveInteger(options.progressEvery ?? 100, 'progressEvery');
  const perturbation = requireFinite(options.perturbation ?? DEFAULT_WEIGHT_PERTURBATION, 'perturbation');
  // Below 1 so that no weight can be perturbed to zero or below.
  if (perturbation < 0 || perturbation >= 1) {
    throw new HarmonyMathError('INVALID_OPTION', `perturbation must lie in [0, 1), got ${perturbation}`);
  }
  const seed = requireFinite(options.seed ?? DEFAULT_SENSITIVITY_SEED, 'seed');

  // Scores as one table (regions × indicators, NaN = missing), read runs × regions times.
  const table = new Float64Array(regions.length * weights.length);
  scores.forEach((row, i) => row.forEach((score, j) => (table[i * weights.length + j] = score ?? Number.NaN)));
  const nominalIndices = indicesFor(table, regions.length, weights, aggregation);
  const nominalRanks = rankAmongSiblings(nominalIndices);

  const random = createRng(seed);
  const ranksByRegion = regions.map(() => new Float64Array(runs));
  const perturbed = new Float64Array(weights.length);
  for (let run = 0; run < runs; run++) {
    let sum = 0;
    for (let j = 0; j < weights.length; j++) {
      perturbed[j] = weights[j] * (1 + perturbation * (2 * random() - 1));
      sum += perturbed[j];
    }
    for (let j = 0; j < weights.length; j++) perturbed[j] /= sum;
    const ranks = rankAmongSiblings(indicesFor(table, regions.length, perturbed, aggregation));
    for (let i = 0; i < regions.length; i++) ranksByRegion[i][run] = ranks[i] ?? Number.NaN;
    const done = run + 1;
    if (options.onProgress !== undefined && (done % progressEvery === 0 || done === runs)) {
      options.onProgress(done, runs);
    }
  }

  return {
    runs,
    perturbation,
    seed,
    aggregation,
    regions: regions.map((region, i) => {
      if (nominalRanks[i] === null) {
        return {
          region,
          nominalIndex: null,
          nominalRank: null,
          medianRank: null,
          percentile5Rank: null,
          percentile95Rank: null,
        };
      }
      // Whether a region has an index depends on which scores are present, never on the weights
      // (perturbation never changes a weight's sign), so a region ranked nominally is ranked in
      // every run.
      const sorted = ranksByRegion[i].sort();
      return {
        region,
        nominalIndex: nominalIndices[i],
        nominalRank: nominalRanks[i],
        medianRank: quantileOfSorted(sorted, 0.5),
        percentile5Rank: quantileOfSorted(sorted, 0.05),
        percentile95Rank: quantileOfSorted(sorted, 0.95),
      };
    }),
  };
}
