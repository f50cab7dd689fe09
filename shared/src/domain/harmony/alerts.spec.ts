import { describe, expect, it } from 'vitest';
import { alertValue, DEFAULT_ALERT_RULES, evaluateAlertRules, validateAlertRules } from './alerts';
import { HarmonyMathError } from './errors';

const base = { index: 72, grade: 'BASICALLY_HARMONIOUS' as const, previousIndex: 74, indicators: [] };

describe('alert rules', () => {
  it('raises nothing for a steady, healthy assessment', () => {
    expect(evaluateAlertRules(DEFAULT_ALERT_RULES, base)).toEqual([]);
  });

  it('warns below the threshold, strictly', () => {
    expect(evaluateAlertRules([{ kind: 'INDEX_BELOW', threshold: 60 }], { ...base, index: 59.9 })).toEqual([
      { kind: 'INDEX_BELOW', indicatorCode: null, details: { index: 59.9, threshold: 60, grade: 'BASICALLY_HARMONIOUS' } },
    ]);
    expect(evaluateAlertRules([{ kind: 'INDEX_BELOW', threshold: 60 }], { ...base, index: 60 })).toEqual([]);
  });

  it('warns on a fall of more than N points, not on a rise or an equal fall', () => {
    // 80 − 74.5 = 5.5 > 5
    expect(
      evaluateAlertRules([{ kind: 'FALL_SINCE_PREVIOUS', points: 5 }], { ...base, index: 74.5, previousIndex: 80 })[0].details.fall,
    ).toBeCloseTo(5.5);
    expect(evaluateAlertRules([{ kind: 'FALL_SINCE_PREVIOUS', points: 5 }], { ...base, index: 75, previousIndex: 80 })).toEqual([]);
    expect(evaluateAlertRules([{ kind: 'FALL_SINCE_PREVIOUS', points: 5 }], { ...base, index: 90, previousIndex: 80 })).toEqual([]);
    expect(evaluateAlertRules([{ kind: 'FALL_SINCE_PREVIOUS', points: 5 }], { ...base, previousIndex: null })).toEqual([]);
  });

  it('raises one red-line alert per indicator past its line', () => {
    const indicators = [
      { code: 'MASS_INCIDENTS', rawValue: 3.1, pastRedLine: true },
      { code: 'GINI', rawValue: 0.39, pastRedLine: false },
      { code: 'PETITIONS', rawValue: 41, pastRedLine: true },
    ];
    expect(evaluateAlertRules([{ kind: 'RED_LINE' }], { ...base, indicators }).map((a) => a.indicatorCode)).toEqual([
      'MASS_INCIDENTS',
      'PETITIONS',
    ]);
  });

  it('says nothing about a region without an index', () => {
    expect(evaluateAlertRules(DEFAULT_ALERT_RULES, { ...base, index: null, grade: null })).toEqual([]);
  });

  it('refuses rules that cannot be meant', () => {
    expect(() => validateAlertRules([{ kind: 'INDEX_BELOW', threshold: 0 }])).toThrow(HarmonyMathError);
    expect(() => validateAlertRules([{ kind: 'INDEX_BELOW', threshold: 101 }])).toThrow(HarmonyMathError);
    expect(() => validateAlertRules([{ kind: 'FALL_SINCE_PREVIOUS', points: -1 }])).toThrow(HarmonyMathError);
    expect(() => validateAlertRules([{ kind: 'RED_LINE' }, { kind: 'RED_LINE' }])).toThrow(/twice/);
    expect(() => validateAlertRules(DEFAULT_ALERT_RULES)).not.toThrow();
  });
});

describe('the figure an alert follows', () => {
  it('is the index for the index rules and the value for a red line, null when missing', () => {
    expect(alertValue('INDEX_BELOW', { index: 55.2, threshold: 60, grade: 'WARNING' })).toBe(55.2);
    expect(alertValue('FALL_SINCE_PREVIOUS', { index: 61, previousIndex: 70, fall: 9, points: 5 })).toBe(61);
    expect(alertValue('RED_LINE', { value: 12.5 })).toBe(12.5);
    expect(alertValue('RED_LINE', { value: null })).toBeNull();
    expect(alertValue('INDEX_BELOW', {})).toBeNull();
  });
});
