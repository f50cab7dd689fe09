import { DeadlockException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { conflictOnUnique } from './guarded-write';

const taken = () => new AppError('EMAIL_TAKEN', 'taken');
const violation = (constraint: string) => new UniqueConstraintViolationException(Object.assign(new Error('duplicate key'), { constraint }));

describe('guarded writes', () => {
  it.each([
    ['the unique key named', violation('app_user_email_unique'), ['app_user_email_unique'], 'EMAIL_TAKEN'],
    ['any unique key when none is named', violation('whatever_unique'), [], 'EMAIL_TAKEN'],
    ['a deadlock between two writers', new DeadlockException(new Error('deadlock detected')), ['app_user_email_unique'], 'EMAIL_TAKEN'],
  ])('turns %s into the conflict', async (_name, error, constraints, reason) => {
    await expect(Promise.reject(error).catch(conflictOnUnique(taken, constraints))).rejects.toMatchObject({ reason });
  });

  it('leaves other errors, and other keys, as they are', async () => {
    const other = violation('region_code_unique');
    await expect(Promise.reject(other).catch(conflictOnUnique(taken, ['app_user_email_unique']))).rejects.toBe(other);
    const plain = new Error('boom');
    await expect(Promise.reject(plain).catch(conflictOnUnique(taken))).rejects.toBe(plain);
    await expect(Promise.resolve(42).catch(conflictOnUnique(taken))).resolves.toBe(42);
  });
});
