import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { hasErrorCode, toApiError } from './api-error';

describe('toApiError', () => {
  it('takes the code, reason and message of the first error, and the fields of all', () => {
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'Some fields need correcting',
          extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields: { name: 'Too short', bad: 3 } },
        },
        { message: 'Another', extensions: { code: 'BAD_USER_INPUT', fields: { email: 'Taken' } } },
      ],
    });
    expect(toApiError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      message: 'Some fields need correcting',
      fields: { name: 'Too short', email: 'Taken' },
      network: false,
    });
    expect(hasErrorCode(error, 'BAD_USER_INPUT')).toBe(true);
    expect(hasErrorCode(error, 'FORBIDDEN')).toBe(false);
    expect(hasErrorCode(undefined, 'FORBIDDEN')).toBe(false);
  });

  it('says when the server could not be reached', () => {
    const apiError = toApiError(new CombinedError({ networkError: new Error('Failed to fetch') }));
    expect(apiError).toMatchObject({ code: null, reason: null, fields: {}, network: true });
  });
});
