import { harmony } from '@massline/shared';
import { AppError } from '../../common/app-error';

/** A refusal of the shared maths, as the API's coded error (BAD_USER_INPUT), blaming `field` if given. */
export function harmonyInputError(
  error: unknown,
  field?: string,
  reason: 'INVALID_OBSERVATION' | 'INVALID_METHODOLOGY' | 'INVALID_GINI_INPUT' = 'INVALID_OBSERVATION',
): never {
  if (harmony.isHarmonyMathError(error))
    throw new AppError(reason, error.message, field ? { [field]: error.problem ?? error.message } : undefined);
  throw error;
}
