/**
 * The rules of one observation, whichever way it arrives (form, GraphQL, CSV import): either a value in
 * the indicator's unit, or a raw count that the region's denominators turn into that value. One place,
 * so that the console's form and the server's import refuse the same things with the same words.
 */
import { problemOf } from '../../errors/problems';
import { problemError } from './errors';
import { rateFromCount, type RateBasis, type RateDenominators } from './indicators';

/**
 * How a value was obtained: entered, from a raw count and the population, or computed (Gini; CAMPAIGN:
 * the mass satisfaction of the region's published evaluation campaigns of the period, written by the
 * server on publication and never accepted from a caller).
 */
export const OBSERVATION_METHODS = [
  'DIRECT',
  'FROM_COUNT',
  'GINI_MICRODATA',
  'GINI_LORENZ_QUADRATIC',
  'GINI_LINEAR_INTERPOLATION',
  'CAMPAIGN',
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
  if (hasValue === hasCount) throw problemError('INVALID_OPTION', problemOf('VALUE_OR_COUNT'));
  const hasTotal = input.rawTotal !== null && input.rawTotal !== undefined;
  if (hasTotal && !hasCount) throw problemError('INVALID_OPTION', problemOf('TOTAL_WITHOUT_COUNT'));
  if (hasTotal && (!Number.isInteger(input.rawTotal) || (input.rawTotal as number) <= 0)) {
    throw problemError('INVALID_DENOMINATOR', problemOf('INVALID_TOTAL', { got: input.rawTotal as number }));
  }
  let value: number;
  let method: 'DIRECT' | 'FROM_COUNT';
  if (hasValue) {
    value = input.value as number;
    method = 'DIRECT';
  } else {
    if (indicator.rateBasis === 'NONE')
      throw problemError('INVALID_OPTION', problemOf('NOT_A_COUNT_INDICATOR', { indicator: indicator.code }));
    const count = input.rawCount as number;
    if (!Number.isFinite(count) || !Number.isInteger(count)) throw problemError('NON_FINITE_VALUE', problemOf('COUNT_NOT_WHOLE'));
    if (count < 0) throw problemError('NEGATIVE_VALUE', problemOf('NEGATIVE_COUNT', { got: count }));
    if (indicator.rateBasis === 'PERCENT' && hasTotal && count > (input.rawTotal as number))
      throw problemError('COUNT_EXCEEDS_TOTAL', problemOf('COUNT_EXCEEDS_TOTAL', { count, total: input.rawTotal as number }));
    value = rateFromCount(count, indicator.rateBasis, { ...denominators, total: input.rawTotal ?? null });
    method = 'FROM_COUNT';
  }
  if (!Number.isFinite(value)) throw problemError('NON_FINITE_VALUE', problemOf('NOT_FINITE'));
  const { min, max } = valueRange(indicator);
  if (value < min || value > max) {
    throw problemError(
      'INVALID_OPTION',
      max === Number.POSITIVE_INFINITY
        ? problemOf('BELOW_MINIMUM', { indicator: indicator.code, min, got: value })
        : problemOf('OUT_OF_RANGE', { indicator: indicator.code, min, max, got: value }),
    );
  }
  return { value, method };
}
