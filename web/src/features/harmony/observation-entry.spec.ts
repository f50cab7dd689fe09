import { describe, expect, it } from 'vitest';
import { keyT } from '../../test-support';
import { checkObservationEntry, effectiveMode, needsTotal, type ObservationEntry } from './observation-entry';

const gini = { code: 'GINI', rateBasis: 'NONE' as const };
const satisfaction = { code: 'SATISFACTION', rateBasis: 'PERCENT' as const };
const petitions = { code: 'PETITIONS', rateBasis: 'PER_10K_RESIDENTS' as const };
const entry = (fields: Partial<ObservationEntry>): ObservationEntry => ({
  mode: 'value',
  value: '',
  rawCount: '',
  rawTotal: '',
  ...fields,
});

describe('the observation form’s modes', () => {
  it('takes a count only for an indicator with a rate basis, and a total only for a percentage', () => {
    expect(effectiveMode(gini, 'count')).toBe('value');
    expect(effectiveMode(petitions, 'count')).toBe('count');
    expect(effectiveMode(undefined, 'count')).toBe('value');
    expect(needsTotal(satisfaction, 'count')).toBe(true);
    expect(needsTotal(satisfaction, 'value')).toBe(false);
    expect(needsTotal(petitions, 'count')).toBe(false);
  });
});

describe('checkObservationEntry (shared observationValue)', () => {
  it('sends a value in range as it is', () => {
    expect(checkObservationEntry(gini, entry({ value: '0.36' }), keyT)).toEqual({
      problems: {},
      value: 0.36,
      rawCount: null,
      rawTotal: null,
    });
  });

  it('refuses a value that is not a number, or outside the indicator’s range', () => {
    expect(checkObservationEntry(gini, entry({ value: 'abc' }), keyT).problems).toEqual({ value: 'harmony.form.number' });
    expect(checkObservationEntry(gini, entry({ value: '' }), keyT).problems).toEqual({ value: 'harmony.form.number' });
    expect(checkObservationEntry(gini, entry({ value: '1.2' }), keyT).problems).toEqual({ value: 'harmony.form.range {"min":0,"max":1}' });
    expect(checkObservationEntry(satisfaction, entry({ value: '101' }), keyT).problems).toEqual({
      value: 'harmony.form.range {"min":0,"max":100}',
    });
    expect(checkObservationEntry(petitions, entry({ value: '-1' }), keyT).problems).toEqual({ value: 'harmony.form.atLeast {"min":0}' });
  });

  it('wants a whole count, and for a percentage a positive total not below the count', () => {
    expect(checkObservationEntry(petitions, entry({ mode: 'count', rawCount: '2.5' }), keyT).problems).toEqual({
      rawCount: 'harmony.form.wholeNumber',
    });
    expect(checkObservationEntry(petitions, entry({ mode: 'count', rawCount: '-2' }), keyT).problems).toEqual({
      rawCount: 'harmony.form.wholeNumber',
    });
    expect(checkObservationEntry(satisfaction, entry({ mode: 'count', rawCount: '45', rawTotal: '' }), keyT).problems).toEqual({
      rawTotal: 'harmony.form.positiveNumber',
    });
    expect(checkObservationEntry(satisfaction, entry({ mode: 'count', rawCount: '45', rawTotal: '0' }), keyT).problems).toEqual({
      rawTotal: 'harmony.form.positiveNumber',
    });
    expect(checkObservationEntry(satisfaction, entry({ mode: 'count', rawCount: '51', rawTotal: '50' }), keyT).problems).toEqual({
      rawCount: 'harmony.form.countAboveTotal',
    });
  });

  it('sends a count (and its total) without a value; the population is the server’s to apply', () => {
    expect(checkObservationEntry(satisfaction, entry({ mode: 'count', value: '9', rawCount: '45', rawTotal: '50' }), keyT)).toEqual({
      problems: {},
      value: null,
      rawCount: 45,
      rawTotal: 50,
    });
    expect(checkObservationEntry(petitions, entry({ mode: 'count', rawCount: '12', rawTotal: '99' }), keyT)).toEqual({
      problems: {},
      value: null,
      rawCount: 12,
      rawTotal: null,
    });
  });
});
