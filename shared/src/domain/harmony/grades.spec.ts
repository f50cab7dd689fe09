import { describe, it, expect } from 'vitest';
import type { HarmonyMathErrorCode } from './errors';
import { DEFAULT_GRADE_BANDS, GRADE_NAMES, gradeFor, validateGradeBands, type GradeBand } from './grades';

const refusal = (code: HarmonyMathErrorCode) => expect.objectContaining({ name: 'HarmonyMathError', code });

describe('gradeFor with the default bands', () => {
  it('grades ≥ 85 harmonious, ≥ 70 basically harmonious, ≥ 60 attention, below warning', () => {
    expect(gradeFor(100)).toBe('HARMONIOUS');
    expect(gradeFor(85)).toBe('HARMONIOUS');
    expect(gradeFor(84.94)).toBe('BASICALLY_HARMONIOUS');
    expect(gradeFor(70)).toBe('BASICALLY_HARMONIOUS');
    expect(gradeFor(69.9)).toBe('ATTENTION');
    expect(gradeFor(60)).toBe('ATTENTION');
    expect(gradeFor(59.94)).toBe('WARNING');
    expect(gradeFor(0)).toBe('WARNING');
  });

  it('does not let floating-point rounding drop an index off its band', () => {
    // an index of 85 computed as a sum of products can land a hair below it
    expect(gradeFor(85 - 1e-12)).toBe('HARMONIOUS');
  });

  it('grades the index as shown: 84.99 and 84.95 read 85.0 and are harmonious, 59.95 reads 60.0', () => {
    expect(gradeFor(84.99)).toBe('HARMONIOUS');
    expect(gradeFor(84.95)).toBe('HARMONIOUS');
    expect(gradeFor(84.949)).toBe('BASICALLY_HARMONIOUS');
    expect(gradeFor(59.95)).toBe('ATTENTION');
    expect(gradeFor(59.949)).toBe('WARNING');
  });

  it('gives no grade to a missing index', () => {
    expect(gradeFor(null)).toBeNull();
  });

  it('refuses an index outside 0–100 or non-finite', () => {
    expect(() => gradeFor(100.5)).toThrow(refusal('INDEX_OUT_OF_RANGE'));
    expect(() => gradeFor(-1)).toThrow(refusal('INDEX_OUT_OF_RANGE'));
    expect(() => gradeFor(Number.NaN)).toThrow(refusal('NON_FINITE_VALUE'));
  });

  it('has Chinese and English names for every grade', () => {
    expect(DEFAULT_GRADE_BANDS.map(({ code }) => GRADE_NAMES[code].zhCN)).toEqual(['和谐', '基本和谐', '关注', '预警']);
  });
});

describe('custom bands', () => {
  it('grades with an organization’s own thresholds', () => {
    const stricter: GradeBand[] = [
      { code: 'HARMONIOUS', minimum: 90 },
      { code: 'BASICALLY_HARMONIOUS', minimum: 75 },
      { code: 'ATTENTION', minimum: 65 },
      { code: 'WARNING', minimum: 0 },
    ];
    expect(gradeFor(88, stricter)).toBe('BASICALLY_HARMONIOUS');
    expect(gradeFor(64, stricter)).toBe('WARNING');
  });

  it('accepts other band codes and fewer bands', () => {
    const bands = [
      { code: 'GOOD', minimum: 50 },
      { code: 'BAD', minimum: 0 },
    ] as const;
    expect(gradeFor(50, bands)).toBe('GOOD');
    expect(gradeFor(49, bands)).toBe('BAD');
  });

  it('refuses bands that are not strictly descending, outside 0–100, duplicated or not reaching 0', () => {
    expect(() => validateGradeBands([])).toThrow(refusal('INVALID_GRADE_BANDS'));
    expect(() =>
      validateGradeBands([
        { code: 'ATTENTION', minimum: 60 },
        { code: 'HARMONIOUS', minimum: 85 },
        { code: 'WARNING', minimum: 0 },
      ]),
    ).toThrow(refusal('INVALID_GRADE_BANDS'));
    expect(() =>
      validateGradeBands([
        { code: 'HARMONIOUS', minimum: 70 },
        { code: 'BASICALLY_HARMONIOUS', minimum: 70 },
        { code: 'WARNING', minimum: 0 },
      ]),
    ).toThrow(refusal('INVALID_GRADE_BANDS'));
    expect(() =>
      validateGradeBands([
        { code: 'HARMONIOUS', minimum: 120 },
        { code: 'WARNING', minimum: 0 },
      ]),
    ).toThrow(refusal('INVALID_GRADE_BANDS'));
    expect(() =>
      validateGradeBands([
        { code: 'HARMONIOUS', minimum: 85 },
        { code: 'WARNING', minimum: 10 },
      ]),
    ).toThrow(refusal('INVALID_GRADE_BANDS'));
    expect(() =>
      validateGradeBands([
        { code: 'WARNING', minimum: 50 },
        { code: 'WARNING', minimum: 0 },
      ]),
    ).toThrow(refusal('INVALID_GRADE_BANDS'));
    expect(() => gradeFor(50, [{ code: 'X', minimum: Number.NaN }])).toThrow(refusal('NON_FINITE_VALUE'));
  });
});
