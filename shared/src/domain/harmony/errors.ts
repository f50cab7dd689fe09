/**
 * Errors of the harmony-index maths.
 *
 * Every refusal carries a machine-readable code so that the server can map it to the API's
 * `BAD_USER_INPUT` (CONVENTIONS.md, rule 5) and the console can translate it; a bare `Error`
 * would surface as an internal error and hide a data problem from the person who entered it.
 */
import { problemMessage, type Problem } from '../../errors/problems';

export type HarmonyMathErrorCode =
  | 'EMPTY_INPUT'
  | 'NON_FINITE_VALUE'
  | 'NEGATIVE_VALUE'
  | 'LENGTH_MISMATCH'
  | 'ZERO_MEAN'
  | 'INVALID_WEIGHTS'
  | 'INVALID_SHARES'
  | 'INVALID_LORENZ_POINTS'
  | 'LORENZ_NOT_ESTIMABLE'
  | 'INVALID_GOALPOSTS'
  | 'INVALID_GRADE_BANDS'
  | 'INVALID_THRESHOLD'
  | 'INVALID_OPTION'
  | 'MISSING_DENOMINATOR'
  | 'INVALID_DENOMINATOR'
  | 'COUNT_EXCEEDS_TOTAL'
  | 'SCORE_BELOW_GEOMETRIC_MINIMUM'
  | 'INDEX_OUT_OF_RANGE'
  | 'DUPLICATE_CODE'
  | 'UNKNOWN_INDICATOR'
  | 'MISSING_PEER_VALUES'
  | 'INVALID_POPULATION';

export class HarmonyMathError extends Error {
  override readonly name = 'HarmonyMathError';

  constructor(
    readonly code: HarmonyMathErrorCode,
    message: string,
    /** The refusal as a problem code and parameters, where a person's input broke the rule (the console words it). */
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

/** A HarmonyMathError whose message is its problem's English words (one wording, shared/src/errors/problems.ts). */
export function problemError(code: HarmonyMathErrorCode, problem: Problem): HarmonyMathError {
  return new HarmonyMathError(code, problemMessage(problem), problem);
}

export function isHarmonyMathError(error: unknown): error is HarmonyMathError {
  return error instanceof HarmonyMathError;
}

/**
 * Guards shared by the modules of this folder (not re-exported from the index: they are
 * implementation detail, the public contract is the error codes they raise).
 */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The words of a NON_FINITE_VALUE refusal (thrown here, listed by the *Problems() functions). */
export function notFiniteMessage(what: string, value: unknown): string {
  return `${what} must be a finite number, got ${String(value)}`;
}

/** The words of an INVALID_THRESHOLD refusal for a share on [0, 1]. */
export function thresholdMessage(what: string, value: number): string {
  return `${what} must lie in [0, 1], got ${value}`;
}

/** The words of a DUPLICATE_CODE refusal. */
export function duplicateCodeMessage(what: string, code: string): string {
  return `${what}: code ${code} appears more than once`;
}

export function requireFinite(value: number, what: string): number {
  if (!isFiniteNumber(value)) throw new HarmonyMathError('NON_FINITE_VALUE', notFiniteMessage(what, value));
  return value;
}

export function requireNonNegative(value: number, what: string): number {
  requireFinite(value, what);
  if (value < 0) {
    throw new HarmonyMathError('NEGATIVE_VALUE', `${what} must not be negative, got ${value}`);
  }
  return value;
}

export function requireThreshold(value: number, what: string): number {
  requireFinite(value, what);
  if (value < 0 || value > 1) {
    throw new HarmonyMathError('INVALID_THRESHOLD', thresholdMessage(what, value));
  }
  return value;
}

export function requireUniqueCodes(codes: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) {
      throw new HarmonyMathError('DUPLICATE_CODE', duplicateCodeMessage(what, code));
    }
    seen.add(code);
  }
}
