import { describe, expect, it } from 'vitest';
import { indicatorProblems, INDICATOR_TEXT_LENGTHS, type NewIndicator } from './indicator-rules';

const GRAIN: NewIndicator = {
  code: 'GRAIN_OUTPUT',
  nameEn: 'Grain output',
  nameZh: '粮食产量',
  unitEn: 't/ha',
  unitZh: '吨/公顷',
  goalpostLower: 0,
  goalpostUpper: 10,
  redLine: 2,
};

describe('indicatorProblems', () => {
  it('accepts a well-formed indicator, with or without a red line', () => {
    expect(indicatorProblems(GRAIN)).toEqual({});
    expect(indicatorProblems({ ...GRAIN, redLine: null })).toEqual({});
  });

  it('refuses a code that is not upper case letters, digits and _ from a letter, or of the wrong length', () => {
    expect(indicatorProblems({ ...GRAIN, code: 'grain' })).toEqual({ code: 'CODE_PATTERN' });
    expect(indicatorProblems({ ...GRAIN, code: '1GRAIN' })).toEqual({ code: 'CODE_PATTERN' });
    expect(indicatorProblems({ ...GRAIN, code: 'G' })).toEqual({ code: 'LENGTH' });
    expect(indicatorProblems({ ...GRAIN, code: 'G'.repeat(INDICATOR_TEXT_LENGTHS.code.max + 1) })).toEqual({ code: 'LENGTH' });
  });

  it('refuses empty or over-long names and units, trimmed', () => {
    expect(indicatorProblems({ ...GRAIN, nameEn: '  ', unitZh: '' })).toEqual({ nameEn: 'REQUIRED', unitZh: 'REQUIRED' });
    expect(indicatorProblems({ ...GRAIN, nameEn: 'G', unitEn: 'x'.repeat(61) })).toEqual({ nameEn: 'LENGTH', unitEn: 'LENGTH' });
  });

  it('refuses goalposts that are not numbers or not in order, and a red line that is not a number', () => {
    expect(indicatorProblems({ ...GRAIN, goalpostLower: null, goalpostUpper: Number.NaN })).toEqual({
      goalpostLower: 'NOT_A_NUMBER',
      goalpostUpper: 'NOT_A_NUMBER',
    });
    expect(indicatorProblems({ ...GRAIN, goalpostLower: 10, goalpostUpper: 10 })).toEqual({ goalpostUpper: 'GOALPOSTS_ORDER' });
    expect(indicatorProblems({ ...GRAIN, goalpostLower: 10, goalpostUpper: 0 })).toEqual({ goalpostUpper: 'GOALPOSTS_ORDER' });
    expect(indicatorProblems({ ...GRAIN, redLine: Number.NaN })).toEqual({ redLine: 'RED_LINE' });
  });
});
