/**
 * The rules of one observation, whichever way it arrives (form, GraphQL, CSV import): either a value in
 * the indicator's unit, or a raw count that the region's denominators turn into that value. One place,
 * so that the console's form and the server's import refuse the same things with the same words.
 */
import { HarmonyMathError } from './errors';
import { rateFromCount, type RateBasis, type RateDenominators } from './indicators';

/** How a value was obtained: entered, from a raw count and the population, or computed (Gini, campaigns). */
export const OBSERVATION_METHODS = [
  'DIRECT',
  'FROM_COUNT',
  'GINI_MICRODATA',
  'GINI_LORENZ_QUADRATIC',
  'GINI_LINEAR_INTERPOLATION',
  'FROM_CAMPAIGNS',
] as const;
export type ObservationMethod = (typeof OBSERVATION_METHODS)[number];

export interface ObservationInput {
  readonly value?: number | null;
  readonly rawCount?: number | null;
  readonly rawTotal?: number | null;
}

export interface IndicatorShape {
  readonly code: string;
  readonly rateBasis: RateBasis;
}

/** The range an indicator's value must lie in, by its basis (and for GINI, 0–1). */
export function valueRange(indicator: IndicatorShape): { min: number; max: number } {
  if (indicator.code === 'GINI') return { min: 0, max: 1 };
  if (indicator.rateBasis === 'PERCENT') return { min: 0, max: 100 };
  return { min: 0, max: Number.POSITIVE_INFINITY };
}

/**
 * The value to store and how it was obtained. Throws HarmonyMathError (INVALID_OPTION for a bad shape,
 * NON_FINITE_VALUE / INVALID_OPTION for out-of-range values, MISSING_DENOMINATOR when the population or
 * households of the period are unknown, COUNT_EXCEEDS_TOTAL…).
 */
export function observationValue(
  indicator: IndicatorShape,
  input: ObservationInput,
  denominators: RateDenominators,
): { value: number; method: 'DIRECT' | 'FROM_COUNT' } {
  const hasValue = input.value !== null && input.value !== undefined;
  const hasCount = input.rawCount !== null && input.rawCount !== undefined;
  if (hasValue === hasCount) throw new HarmonyMathError('INVALID_OPTION', 'give either a value or a raw count, not both and not neither');
  const hasTotal = input.rawTotal !== null && input.rawTotal !== undefined;
  if (hasTotal && !hasCount) throw new HarmonyMathError('INVALID_OPTION', 'a raw total goes with a raw count');
  if (hasTotal && (!Number.isInteger(input.rawTotal) || (input.rawTotal as number) <= 0)) {
    throw new HarmonyMathError('INVALID_DENOMINATOR', `a raw total is a whole number above 0, got ${input.rawTotal}`);
  }
  let value: number;
  let method: 'DIRECT' | 'FROM_COUNT';
  if (hasValue) {
    value = input.value as number;
    method = 'DIRECT';
  } else {
    if (indicator.rateBasis === 'NONE') throw new HarmonyMathError('INVALID_OPTION', `${indicator.code} is not entered as a count`);
    const count = input.rawCount as number;
    if (!Number.isFinite(count) || !Number.isInteger(count))
      throw new HarmonyMathError('NON_FINITE_VALUE', 'a raw count is a whole number');
    value = rateFromCount(count, indicator.rateBasis, { ...denominators, total: input.rawTotal ?? null });
    method = 'FROM_COUNT';
  }
  if (!Number.isFinite(value)) throw new HarmonyMathError('NON_FINITE_VALUE', 'the value must be a number');
  const { min, max } = valueRange(indicator);
  if (value < min || value > max) {
    throw new HarmonyMathError(
      'INVALID_OPTION',
      `${indicator.code} must be between ${min} and ${max === Number.POSITIVE_INFINITY ? '∞' : max}, got ${value}`,
    );
  }
  return { value, method };
}
