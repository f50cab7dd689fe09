import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { hasErrorCode, toApiError } from './api-error';

describe('toApiError', () => {
  it('takes the code, reason and message of the first error, and the fields of all', () => {
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'Some fields need correcting',
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'INVALID_INPUT',
            fields: { name: 'Too short', bad: 3, value: 'CADRE_TRUST must be between 0 and 100, got 150' },
            problems: {
              value: { reason: 'OUT_OF_RANGE', params: { indicator: 'CADRE_TRUST', min: 0, max: 100, got: 150, odd: { x: 1 } } },
              broken: 'not a problem',
            },
          },
        },
        { message: 'Another', extensions: { code: 'BAD_USER_INPUT', fields: { email: 'Taken' } } },
      ],
    });
    expect(toApiError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      message: 'Some fields need correcting',
      fields: { name: 'Too short', value: 'CADRE_TRUST must be between 0 and 100, got 150', email: 'Taken' },
      problems: { value: { reason: 'OUT_OF_RANGE', params: { indicator: 'CADRE_TRUST', min: 0, max: 100, got: 150 } } },
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
