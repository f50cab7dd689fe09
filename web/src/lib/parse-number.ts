import { parseDecimal } from '@massline/shared';

/**
 * A number of a form as the shared rules check it: the platform's one number reader (shared's
 * parseDecimal: decimals only, finite), with empty or bad text as NaN, which the rules refuse as "not a
 * number" (null would mean "not given").
 */
export function numberOrNaN(text: string): number {
  return parseDecimal(text) ?? Number.NaN;
}
