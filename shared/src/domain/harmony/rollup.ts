/**
 * A parent region's index from its children, ranks among siblings, and change against the
 * previous period (PRODUCT.md, "Assessment").
 */
import { HarmonyMathError, requireFinite, requireThreshold, requireUniqueCodes } from './errors';
import { DEFAULT_COVERAGE_THRESHOLD } from './aggregation';
import { roundIndex } from './precision';

/** An assessment from a region's own observations, or rolled up from its children by population. */
export const ASSESSMENT_METHODS = ['DIRECT', 'ROLLED_UP'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

export interface ChildIndex {
  readonly code: string;
  /** The child's index for the period, or null when it has none. */
  readonly index: number | null;
  /** Residents of the child in the period. */
  readonly population: number;
}

export interface RollUpResult {
  /** Population-weighted mean of the children's indices; null when no child has an index. */
  readonly index: number | null;
  /** Share of the children's population whose index is known. */
  readonly coverage: number;
  readonly complete: boolean;
  readonly included: readonly string[];
  readonly excluded: readonly string[];
  readonly totalPopulation: number;
}

/**
 * Population-weighted roll-up: I = Σ Pᵢ Iᵢ / Σ Pᵢ over children with an index. Population weighting
 * makes the parent's index the index of its average resident, so a township of 5,000 does not
 * count as much as a district of 500,000. Children without an index are excluded, not counted
 * as zero, and coverage (their population share) says how much of the parent the figure speaks
 * for; complete when coverage ≥ threshold (default 0.65, as for indicators).
 */
export function rollUpByPopulation(children: readonly ChildIndex[], options: { readonly coverageThreshold?: number } = {}): RollUpResult {
  if (children.length === 0) throw new HarmonyMathError('EMPTY_INPUT', 'no child regions given');
  requireUniqueCodes(
    children.map(({ code }) => code),
    'child regions',
  );
  const threshold = requireThreshold(options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD, 'coverage threshold');
  let totalPopulation = 0;
  let coveredPopulation = 0;
  let weightedSum = 0;
  const included: string[] = [];
  const excluded: string[] = [];
  for (const { code, index, population } of children) {
    requireFinite(population, `population of ${code}`);
    if (population < 0) throw new HarmonyMathError('INVALID_POPULATION', `population of ${code} is negative`);
    totalPopulation += population;
    if (index === null) {
      excluded.push(code);
      continue;
    }
    requireFinite(index, `index of ${code}`);
    included.push(code);
    coveredPopulation += population;
    weightedSum += population * index;
  }
  if (totalPopulation === 0) {
    throw new HarmonyMathError('INVALID_POPULATION', 'the child regions have no population to weight by');
  }
  const coverage = coveredPopulation / totalPopulation;
  // As shown (precision.ts), like a directly assessed index: the parent's grade and alerts judge that figure.
  const index = coveredPopulation > 0 ? roundIndex(weightedSum / coveredPopulation) : null;
  return {
    index,
    coverage,
    complete: index !== null && coverage >= threshold,
    included,
    excluded,
    totalPopulation,
  };
}

/**
 * Standard competition ranking ("1224"): a higher index is a better (smaller) rank, equal indices
 * share a rank and the next rank skips. Missing indices are unranked (null) and do not take a
 * rank. Ties are exact: round to the displayed precision first if displayed ties should tie.
 */
export function rankAmongSiblings(values: readonly (number | null)[]): (number | null)[] {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) continue;
    requireFinite(value, `value ${i + 1}`);
    present.push(value);
  }
  present.sort((left, right) => right - left);
  return values.map((value) => {
    if (value === null) return null;
    // 1 + number of strictly better values: binary search for the first position holding `value`.
    let low = 0;
    let high = present.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (present[middle] > value) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  });
}

export type ChangeDirection = 'UP' | 'DOWN' | 'UNCHANGED';

export interface PeriodChange {
  /** current − previous, in index points; null when either is missing. */
  readonly absolute: number | null;
  /** (current − previous) / previous, as a fraction; null when either is missing or previous is 0. */
  readonly relative: number | null;
  readonly direction: ChangeDirection | null;
}

/** Below this, a change is rounding noise, not a movement. */
const CHANGE_TOLERANCE = 1e-9;

/** Change of an index (or any indicator value) against the previous period, exact: round it for an index's change. */
export function changeAgainstPrevious(current: number | null, previous: number | null): PeriodChange {
  if (current === null || previous === null) return { absolute: null, relative: null, direction: null };
  requireFinite(current, 'current value');
  requireFinite(previous, 'previous value');
  const absolute = current - previous;
  const direction: ChangeDirection = Math.abs(absolute) <= CHANGE_TOLERANCE ? 'UNCHANGED' : absolute > 0 ? 'UP' : 'DOWN';
  // Divide by |previous| so that the sign of `relative` always follows `direction`.
  return { absolute, relative: previous === 0 ? null : absolute / Math.abs(previous), direction };
}
