import { describe, expect, it } from 'vitest';
import { HarmonyMathError } from './errors';
import { observationValue, valueRange } from './observation-rules';

const PETITIONS = { code: 'PETITIONS', rateBasis: 'PER_10K_RESIDENTS' as const };
const HOT_ISSUES = { code: 'HOT_ISSUES', rateBasis: 'PERCENT' as const };
const GINI = { code: 'GINI', rateBasis: 'NONE' as const };

describe('observation rules', () => {
  it('takes a value as it is, in range', () => {
    expect(observationValue(GINI, { value: 0.41 }, {})).toEqual({ value: 0.41, method: 'DIRECT' });
    expect(observationValue(HOT_ISSUES, { value: 87.5 }, {})).toEqual({ value: 87.5, method: 'DIRECT' });
  });

  it('turns a count into a rate with the period’s population', () => {
    // 57 petitions in 190,000 residents: 57 / 190000 × 10000 = 3
    const petitions = observationValue(PETITIONS, { rawCount: 57 }, { population: 190_000 });
    expect(petitions.method).toBe('FROM_COUNT');
    expect(petitions.value).toBeCloseTo(3, 12);
    // 45 of 60 hot issues resolved to satisfaction: 75 %
    expect(observationValue(HOT_ISSUES, { rawCount: 45, rawTotal: 60 }, {})).toEqual({ value: 75, method: 'FROM_COUNT' });
  });

  it('refuses both or neither, counts that are not whole, missing denominators, out-of-range values', () => {
    const refusals: [
      Parameters<typeof observationValue>[0],
      Parameters<typeof observationValue>[1],
      Parameters<typeof observationValue>[2],
      string,
    ][] = [
      [PETITIONS, { value: 3, rawCount: 57 }, { population: 1 }, 'INVALID_OPTION'],
      [PETITIONS, {}, {}, 'INVALID_OPTION'],
      [PETITIONS, { rawCount: 5.5 }, { population: 1000 }, 'NON_FINITE_VALUE'],
      [PETITIONS, { rawCount: 5 }, {}, 'MISSING_DENOMINATOR'],
      [PETITIONS, { rawCount: -1 }, { population: 1000 }, 'NEGATIVE_VALUE'],
      [GINI, { value: 1.2 }, {}, 'INVALID_OPTION'],
      [GINI, { rawCount: 3 }, {}, 'INVALID_OPTION'],
      [HOT_ISSUES, { value: 101 }, {}, 'INVALID_OPTION'],
      [HOT_ISSUES, { rawCount: 61, rawTotal: 60 }, {}, 'COUNT_EXCEEDS_TOTAL'],
      [PETITIONS, { value: Number.NaN }, {}, 'NON_FINITE_VALUE'],
    ];
    for (const [indicator, input, denominators, code] of refusals) {
      let caught: unknown;
      try {
        observationValue(indicator, input, denominators);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(input)).toBeInstanceOf(HarmonyMathError);
      expect((caught as HarmonyMathError).code, JSON.stringify(input)).toBe(code);
    }
  });

  it('says what is wrong as a problem code with its parameters, worded in English in one place', () => {
    const refusal = (indicator: Parameters<typeof observationValue>[0], input: Parameters<typeof observationValue>[1]) => {
      try {
        observationValue(indicator, input, { population: 1000 });
      } catch (error) {
        return { problem: (error as HarmonyMathError).problem, message: (error as Error).message };
      }
      throw new Error('accepted');
    };
    expect(refusal({ code: 'CADRE_TRUST', rateBasis: 'PERCENT' }, { value: 150 })).toEqual({
      problem: { reason: 'OUT_OF_RANGE', params: { indicator: 'CADRE_TRUST', min: 0, max: 100, got: 150 } },
      message: 'CADRE_TRUST must be between 0 and 100, got 150',
    });
    expect(refusal(PETITIONS, { value: -2 }).problem).toEqual({
      reason: 'BELOW_MINIMUM',
      params: { indicator: 'PETITIONS', min: 0, got: -2 },
    });
    expect(refusal(HOT_ISSUES, { rawCount: 61, rawTotal: 60 }).problem).toEqual({
      reason: 'COUNT_EXCEEDS_TOTAL',
      params: { count: 61, total: 60 },
    });
    expect(refusal(GINI, { rawCount: 3 }).problem).toEqual({ reason: 'NOT_A_COUNT_INDICATOR', params: { indicator: 'GINI' } });
    expect(refusal(PETITIONS, { rawCount: 5.5 }).problem?.reason).toBe('COUNT_NOT_WHOLE');
    expect(refusal(PETITIONS, {}).problem?.reason).toBe('VALUE_OR_COUNT');
  });

  it('knows the ranges', () => {
    expect(valueRange(GINI)).toEqual({ min: 0, max: 1 });
    expect(valueRange(HOT_ISSUES)).toEqual({ min: 0, max: 100 });
    expect(valueRange(PETITIONS).max).toBe(Number.POSITIVE_INFINITY);
  });
});
