import { describe, it, expect } from 'vitest';
import {
  HarmonyMathError,
  isHarmonyMathError,
  requireFinite,
  requireNonNegative,
  requireThreshold,
  requireUniqueCodes,
  type HarmonyMathErrorCode,
} from './errors';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });

describe('HarmonyMathError', () => {
  it('carries its code, message and name, and is an Error', () => {
    const error = new HarmonyMathError('INVALID_WEIGHTS', 'weights must sum to 1');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('INVALID_WEIGHTS');
    expect(error.message).toBe('weights must sum to 1');
    expect(error.name).toBe('HarmonyMathError');
  });

  it('is recognized by isHarmonyMathError, a plain Error is not', () => {
    expect(isHarmonyMathError(new HarmonyMathError('EMPTY_INPUT', 'x'))).toBe(true);
    expect(isHarmonyMathError(new Error('x'))).toBe(false);
    expect(isHarmonyMathError('EMPTY_INPUT')).toBe(false);
  });
});

describe('guards', () => {
  it('requireFinite returns finite numbers and refuses NaN and infinities', () => {
    expect(requireFinite(-2.5, 'x')).toBe(-2.5);
    expect(() => requireFinite(Number.NaN, 'x')).toThrow(refusal('NON_FINITE_VALUE'));
    expect(() => requireFinite(Infinity, 'x')).toThrow(refusal('NON_FINITE_VALUE'));
    expect(() => requireFinite(-Infinity, 'x')).toThrow(refusal('NON_FINITE_VALUE'));
  });

  it('requireNonNegative accepts 0 and refuses negatives', () => {
    expect(requireNonNegative(0, 'x')).toBe(0);
    expect(() => requireNonNegative(-0.001, 'x')).toThrow(refusal('NEGATIVE_VALUE'));
  });

  it('requireThreshold accepts [0, 1] only', () => {
    expect(requireThreshold(0, 't')).toBe(0);
    expect(requireThreshold(1, 't')).toBe(1);
    expect(() => requireThreshold(1.01, 't')).toThrow(refusal('INVALID_THRESHOLD'));
    expect(() => requireThreshold(-0.01, 't')).toThrow(refusal('INVALID_THRESHOLD'));
  });

  it('requireUniqueCodes refuses a repeated code', () => {
    expect(() => requireUniqueCodes(['GINI', 'PETITIONS'], 'x')).not.toThrow();
    expect(() => requireUniqueCodes(['GINI', 'PETITIONS', 'GINI'], 'x')).toThrow(refusal('DUPLICATE_CODE'));
  });
});
