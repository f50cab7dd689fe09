import { describe, expect, it } from 'vitest';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordChangeProblems, passwordProblem } from './password-rules';

describe('password rules', () => {
  it('accepts a password of the minimum and of the maximum length', () => {
    expect(passwordProblem('x'.repeat(MIN_PASSWORD_LENGTH))).toBeUndefined();
    expect(passwordProblem('x'.repeat(MAX_PASSWORD_LENGTH))).toBeUndefined();
  });

  it('refuses an empty, a short and a long password, with the limit as a parameter', () => {
    expect(passwordProblem('')).toEqual({ reason: 'REQUIRED', params: {} });
    expect(passwordProblem('x'.repeat(MIN_PASSWORD_LENGTH - 1))).toEqual({
      reason: 'PASSWORD_TOO_SHORT',
      params: { min: MIN_PASSWORD_LENGTH },
    });
    expect(passwordProblem('x'.repeat(MAX_PASSWORD_LENGTH + 1))).toEqual({ reason: 'TOO_LONG', params: { max: MAX_PASSWORD_LENGTH } });
  });
});

describe('password change', () => {
  it('has no problem when the current password is given and the new one differs and follows the rules', () => {
    expect(passwordChangeProblems({ currentPassword: 'old-password', newPassword: 'a-new-password' })).toEqual({});
  });

  it('requires the current password', () => {
    expect(passwordChangeProblems({ currentPassword: '', newPassword: 'a-new-password' })).toEqual({
      currentPassword: { reason: 'REQUIRED', params: {} },
    });
  });

  it('refuses a new password equal to the current one', () => {
    expect(passwordChangeProblems({ currentPassword: 'same-password', newPassword: 'same-password' })).toEqual({
      newPassword: { reason: 'PASSWORD_UNCHANGED', params: {} },
    });
  });

  it('says the length rule first when the new password is both short and unchanged, and reports both fields at once', () => {
    expect(passwordChangeProblems({ currentPassword: '', newPassword: 'short' })).toEqual({
      currentPassword: { reason: 'REQUIRED', params: {} },
      newPassword: { reason: 'PASSWORD_TOO_SHORT', params: { min: MIN_PASSWORD_LENGTH } },
    });
    expect(passwordChangeProblems({ currentPassword: 'short', newPassword: 'short' }).newPassword?.reason).toBe('PASSWORD_TOO_SHORT');
  });

  it('refuses an overlong current password before it reaches the hash', () => {
    expect(
      passwordChangeProblems({ currentPassword: 'x'.repeat(MAX_PASSWORD_LENGTH + 1), newPassword: 'a-new-password' }).currentPassword,
    ).toEqual({
      reason: 'TOO_LONG',
      params: { max: MAX_PASSWORD_LENGTH },
    });
  });
});
