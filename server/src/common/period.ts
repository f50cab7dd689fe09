import { InvalidPeriodError, isFuturePeriod, isoDate, parsePeriod, problemMessage, problemOf } from '@massline/shared';
import { AppError } from './app-error';

/**
 * The canonical code of a period given by a caller, or the coded refusal INVALID_PERIOD on `field`: the one
 * way the server reads a period (shared's `parsePeriod`), whatever the module and whether it arrives as an
 * argument or as a CSV cell.
 */
export function periodCode(input: string, field = 'period'): string {
  try {
    return parsePeriod(input).code;
  } catch (error) {
    if (error instanceof InvalidPeriodError)
      throw new AppError('INVALID_PERIOD', error.message, { [field]: problemOf('INVALID_PERIOD', { got: error.input }) });
    throw error;
  }
}

/**
 * The canonical code of a period that data describes as already observed (an observation, a Gini
 * coefficient): as `periodCode`, and refused with FUTURE_PERIOD when the period has not begun today.
 */
export function observedPeriodCode(input: string, field = 'period', today: string = isoDate()): string {
  const code = periodCode(input, field);
  if (isFuturePeriod(code, today)) {
    const problem = problemOf('FUTURE_PERIOD', { period: code });
    throw new AppError('FUTURE_PERIOD', problemMessage(problem), { [field]: problem });
  }
  return code;
}
