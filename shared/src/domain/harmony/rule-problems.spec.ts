import { describe, expect, it } from 'vitest';
import { validateWeights, weightsProblems } from './aggregation';
import { alertRulesProblems, validateAlertRules } from './alerts';
import { methodologySettingsProblems, validateMethodologySettings, type MethodologySettings } from './assessment';
import { HarmonyMathError } from './errors';
import { gradeBandsProblems, validateGradeBands } from './grades';
import { goalpostsProblems, validateGoalposts } from './normalization';
import type { RuleProblem } from './rule-problems';

const fields = (problems: readonly RuleProblem[]) => problems.map((found) => `${found.field}:${found.code}`);

/** The throwing form raises exactly the first listed problem: same code, same message. */
function expectThrowsFirst(validate: () => void, problems: readonly RuleProblem[]) {
  expect(problems.length).toBeGreaterThan(0);
  let thrown: unknown;
  try {
    validate();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(HarmonyMathError);
  expect(thrown).toMatchObject({ code: problems[0].code, message: problems[0].message });
}

describe('gradeBandsProblems', () => {
  it('finds nothing in well-ordered bands ending at 0', () => {
    expect(
      gradeBandsProblems([
        { code: 'A', minimum: 80 },
        { code: 'B', minimum: 0 },
      ]),
    ).toEqual([]);
  });

  it('lists every bad band at its position, and the list-wide rule last', () => {
    const bands = [
      { code: 'A', minimum: 120 },
      { code: 'B', minimum: Number.NaN },
      { code: 'C', minimum: 50 },
      { code: 'D', minimum: 60 },
      { code: 'D', minimum: 10 },
    ];
    const problems = gradeBandsProblems(bands);
    expect(fields(problems)).toEqual([
      'gradeBands.0:INVALID_GRADE_BANDS',
      'gradeBands.1:NON_FINITE_VALUE',
      'gradeBands.3:INVALID_GRADE_BANDS',
      'gradeBands.4:INVALID_GRADE_BANDS',
      'gradeBands:INVALID_GRADE_BANDS',
    ]);
    expect(problems[0].message).toBe('band A: minimum 120 is outside 0–100');
    expect(problems[1].message).toBe('minimum of band B must be a finite number, got NaN');
    expect(problems[4].message).toBe('the lowest band must start at 0 so that every index has a grade; D starts at 10');
    // The numbers and codes each message names, for the console to say in the reader's language.
    expect(problems.map((found) => found.params)).toEqual([
      { band: 'A', minimum: 120, min: 0, max: 100 },
      { band: 'B' },
      { band: 'D', minimum: 60, previous: 'C', previousMinimum: 50 },
      { band: 'D' },
      { band: 'D', minimum: 10, expected: 0 },
    ]);
    expectThrowsFirst(() => validateGradeBands(bands), problems);
  });

  it('refuses an empty list as a whole', () => {
    expect(fields(gradeBandsProblems([]))).toEqual(['gradeBands:INVALID_GRADE_BANDS']);
    expectThrowsFirst(() => validateGradeBands([]), gradeBandsProblems([]));
  });
});

describe('weightsProblems', () => {
  it('points at each bad weight, and checks the sum only when every weight is a number', () => {
    const bad = weightsProblems([0.5, Number.NaN, -0.1]);
    expect(fields(bad)).toEqual(['weights.1:INVALID_WEIGHTS', 'weights.2:INVALID_WEIGHTS']);
    expect(bad.map((found) => found.params)).toEqual([{ position: 2 }, { position: 3, got: -0.1 }]);
    const sum = weightsProblems([0.6, 0.5]);
    expect(sum).toEqual([
      { field: 'weights', code: 'INVALID_WEIGHTS', message: 'weights must sum to 1, got 1.1', params: { sum: 0.6 + 0.5, expected: 1 } },
    ]);
    expectThrowsFirst(() => validateWeights([0.6, 0.5]), sum);
    expect(weightsProblems([1 / 3, 1 / 3, 1 / 3])).toEqual([]);
    expect(fields(weightsProblems([]))).toEqual(['weights:EMPTY_INPUT']);
  });
});

describe('alertRulesProblems', () => {
  it('checks each rule at its kind', () => {
    const rules = [
      { kind: 'INDEX_BELOW' as const, threshold: 0 },
      { kind: 'FALL_SINCE_PREVIOUS' as const, points: Number.NaN },
      { kind: 'RED_LINE' as const },
      { kind: 'RED_LINE' as const },
    ];
    const problems = alertRulesProblems(rules);
    expect(fields(problems)).toEqual([
      'alertRules.INDEX_BELOW:INVALID_THRESHOLD',
      'alertRules.FALL_SINCE_PREVIOUS:NON_FINITE_VALUE',
      'alertRules.RED_LINE:DUPLICATE_CODE',
    ]);
    expect(problems.map((found) => found.params)).toEqual([{ got: 0, min: 0, max: 100 }, {}, { kind: 'RED_LINE' }]);
    expect(alertRulesProblems([{ kind: 'FALL_SINCE_PREVIOUS', points: 100 }])[0].params).toEqual({ got: 100, min: 0, max: 100 });
    expectThrowsFirst(() => validateAlertRules(rules), problems);
    expect(
      alertRulesProblems([
        { kind: 'INDEX_BELOW', threshold: 100 },
        { kind: 'FALL_SINCE_PREVIOUS', points: 99.9 },
      ]),
    ).toEqual([]);
  });
});

describe('goalpostsProblems', () => {
  it('needs two numbers, the lower below the upper (the order is the upper field’s problem)', () => {
    expect(fields(goalpostsProblems({ lower: Number.NaN, upper: Number.POSITIVE_INFINITY }))).toEqual([
      'lower:NON_FINITE_VALUE',
      'upper:NON_FINITE_VALUE',
    ]);
    const order = goalpostsProblems({ lower: 5, upper: 5 });
    expect(order).toEqual([
      {
        field: 'upper',
        code: 'INVALID_GOALPOSTS',
        message: 'the lower goalpost must be below the upper one, got 5 and 5',
        params: { lower: 5, upper: 5 },
      },
    ]);
    expectThrowsFirst(() => validateGoalposts({ lower: 5, upper: 5 }), order);
  });
});

describe('methodologySettingsProblems', () => {
  const settings: MethodologySettings = {
    aggregation: 'ARITHMETIC',
    indicators: [
      { code: 'A', direction: 'HIGHER_IS_BETTER', weight: 0.5, normalization: { kind: 'GOALPOSTS', lower: 10, upper: 0 } },
      { code: 'B', direction: 'HIGHER_IS_BETTER', weight: 0.5, normalization: { kind: 'MIN_MAX' }, redLine: Number.NaN },
      { code: 'B', direction: 'HIGHER_IS_BETTER', weight: 0, normalization: { kind: 'Z_SCORE' } },
    ],
    gradeBands: [{ code: 'HARMONIOUS', minimum: 5 }],
    coverageThreshold: 1.5,
  };

  it('nests the goalpost and band problems under their indicator and list, in the order the server refuses them', () => {
    const problems = methodologySettingsProblems(settings);
    expect(fields(problems)).toEqual([
      'indicators.B:DUPLICATE_CODE',
      'indicators.A.upper:INVALID_GOALPOSTS',
      'indicators.B.redLine:NON_FINITE_VALUE',
      'gradeBands:INVALID_GRADE_BANDS',
      'coverageThreshold:INVALID_THRESHOLD',
    ]);
    expect(problems[0].message).toBe('methodology indicators: code B appears more than once');
    expect(problems[4].message).toBe('coverage threshold must lie in [0, 1], got 1.5');
    expect(problems.map((found) => found.params)).toEqual([
      { indicator: 'B' },
      { lower: 10, upper: 0 },
      { indicator: 'B' },
      { band: 'HARMONIOUS', minimum: 5, expected: 0 },
      { got: 1.5, min: 0, max: 1 },
    ]);
    expectThrowsFirst(() => validateMethodologySettings(settings), problems);
  });

  it('finds nothing wrong with the defaults', () => {
    expect(
      methodologySettingsProblems({
        ...settings,
        indicators: [settings.indicators[1]].map((i) => ({ ...i, redLine: 3 })),
        gradeBands: undefined,
        coverageThreshold: undefined,
      }),
    ).toEqual([]);
    expect(fields(methodologySettingsProblems({ aggregation: 'ARITHMETIC', indicators: [] }))).toEqual(['indicators:EMPTY_INPUT']);
  });
});
