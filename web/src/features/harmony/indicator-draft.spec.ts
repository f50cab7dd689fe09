import { describe, expect, it } from 'vitest';
import { keyT } from '../../test-support';
import { EMPTY_INDICATOR_DRAFT, indicatorProblems, maxLength, toIndicatorInput, type IndicatorDraft } from './indicator-draft';

const grain: IndicatorDraft = {
  ...EMPTY_INDICATOR_DRAFT,
  code: ' GRAIN_OUTPUT ',
  nameEn: 'Grain output',
  nameZh: '粮食产量',
  unitEn: 't',
  unitZh: '吨',
  goalpostLower: '0',
  goalpostUpper: '1000',
};

describe('indicatorProblems (shared indicatorProblems, in words)', () => {
  it('finds nothing in a complete indicator', () => {
    expect(indicatorProblems(grain, keyT)).toEqual({});
  });

  it('asks for every required field of an empty draft', () => {
    expect(indicatorProblems(EMPTY_INDICATOR_DRAFT, keyT)).toEqual({
      code: 'form.required',
      nameEn: 'form.required',
      nameZh: 'form.required',
      unitEn: 'form.required',
      unitZh: 'form.required',
      goalpostLower: 'harmony.form.number',
      goalpostUpper: 'harmony.form.number',
    });
  });

  it('explains the code pattern, the lengths with their limits, the goalpost order and a bad red line', () => {
    expect(indicatorProblems({ ...grain, code: 'grain', nameEn: 'G', goalpostUpper: '0', redLine: 'high' }, keyT)).toEqual({
      code: 'harmony.indicators.problem.code',
      nameEn: 'harmony.indicators.problem.length {"min":2,"max":200}',
      goalpostUpper: 'harmony.indicators.problem.goalposts',
      redLine: 'harmony.indicators.problem.redLine',
    });
    expect(maxLength('code')).toBe(32);
  });
});

describe('toIndicatorInput', () => {
  it('trims the texts and sends numbers, an empty red line as none', () => {
    expect(toIndicatorInput({ ...grain, redLine: ' ' })).toMatchObject({
      code: 'GRAIN_OUTPUT',
      goalpostLower: 0,
      goalpostUpper: 1000,
      redLine: null,
    });
    expect(toIndicatorInput({ ...grain, redLine: '12.5' }).redLine).toBe(12.5);
  });
});
