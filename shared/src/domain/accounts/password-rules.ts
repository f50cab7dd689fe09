import { problemOf, type Problem } from '../../errors/problems';

/** The shortest password an account may have (the registration and account forms say so in their hints). */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest: argon2 hashes any length, but an unbounded one is a cheap way to make the server work. */
export const MAX_PASSWORD_LENGTH = 200;

/** What is wrong with a new password, alone: too short or too long. Undefined when nothing is. */
export function passwordProblem(password: string): Problem | undefined {
  if (password.length === 0) return problemOf('REQUIRED');
  if (password.length < MIN_PASSWORD_LENGTH) return problemOf('PASSWORD_TOO_SHORT', { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) return problemOf('TOO_LONG', { max: MAX_PASSWORD_LENGTH });
  return undefined;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * The problems of a password change, by field, before the current password is verified (the server does
 * that, against the stored hash): the current one is required, the new one follows the password rules and
 * differs from the current one (a "change" to the same password would end the other sessions and change nothing).
 */
export function passwordChangeProblems(change: PasswordChange): Partial<Record<keyof PasswordChange, Problem>> {
  const problems: Partial<Record<keyof PasswordChange, Problem>> = {};
  if (change.currentPassword.length === 0) problems.currentPassword = problemOf('REQUIRED');
  else if (change.currentPassword.length > MAX_PASSWORD_LENGTH)
    problems.currentPassword = problemOf('TOO_LONG', { max: MAX_PASSWORD_LENGTH });
  const newProblem = passwordProblem(change.newPassword);
  if (newProblem) problems.newPassword = newProblem;
  else if (change.newPassword === change.currentPassword) problems.newPassword = problemOf('PASSWORD_UNCHANGED');
  return problems;
}
