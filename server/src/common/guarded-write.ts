import { DeadlockException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AppError } from './app-error';

/**
 * Guarded writes: how a race between two requests ends in one winner and a coded CONFLICT for the other,
 * never a silent overwrite nor an internal error.
 *
 * - A state change is `UPDATE … WHERE id = ? AND <state> = <the state it starts from>` (in the aggregate's
 *   repository, answering null when no row changed): the service turns null into the conflict.
 * - A create under a unique key is checked first for a friendly answer, but the key itself decides: the
 *   loser's INSERT violates it (`conflictOnUnique`).
 */

/** The constraint a unique violation names (PostgreSQL reports it; MikroORM copies it onto its exception). */
function violatedConstraint(error: unknown): string | null {
  if (!(error instanceof UniqueConstraintViolationException)) return null;
  return (error as UniqueConstraintViolationException & { constraint?: string }).constraint ?? '';
}

/**
 * The catch handler of a write (`.catch(conflictOnUnique(…))`): if a concurrent request took one of the
 * unique keys meanwhile (or the two deadlocked), the given conflict is thrown instead of the database's
 * error. `constraints` names the keys meant (any unique key when empty); every other error is rethrown.
 */
export function conflictOnUnique(conflict: () => AppError, constraints: readonly string[] = []): (error: unknown) => never {
  return (error) => {
    const constraint = violatedConstraint(error);
    if (constraint !== null && (constraints.length === 0 || constraints.includes(constraint))) throw conflict();
    if (error instanceof DeadlockException) throw conflict();
    throw error;
  };
}
