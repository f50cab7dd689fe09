import { harmony } from '@massline/shared';
import { describe, expect, it } from 'vitest';
import { keyT } from '../../test-support';
import { harmonyEn } from './messages/en';
import { harmonyZhCN } from './messages/zh-cn';
import {
  draftFrom,
  draftProblems,
  equalized,
  type DraftProblemI18n,
  fourDecimalWeights,
  scaledToOne,
  toInput,
  weightSum,
  weightsTotalOne,
  type MethodologyDraft,
} from './methodology-draft';

const catalogue = [
  { code: 'A', goalpostLower: 0, goalpostUpper: 100, redLine: null },
  { code: 'B', goalpostLower: 10, goalpostUpper: 0, redLine: 5 },
  { code: 'C', goalpostLower: 1, goalpostUpper: 2, redLine: null },
];

/** The problems' words as keys and parameters; numbers as they are, grades by code. */
const words: DraftProblemI18n = { t: keyT, formatNumber: String, gradeName: (code) => `grade:${code}` };

/** The problems' words in a language of the console: its dictionary, parameters filled in. */
function wordsIn(
  dictionary: Record<string, string>,
  formatNumber: (value: number) => string,
  grades: Record<string, string>,
): DraftProblemI18n {
  return {
    t: (key, params = {}) => dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name])),
    formatNumber,
    gradeName: (code) => grades[code] ?? code,
  };
}

/** A fresh draft with A and B ticked at half weight each, and a name. */
function valid(): MethodologyDraft {
  const draft = draftFrom(undefined, catalogue);
  return {
    ...draft,
    name: 'Spring review',
    nameZh: '春季复核',
    indicators: draft.indicators.map((indicator) =>
      indicator.code === 'C' ? indicator : { ...indicator, included: true, weight: '0.5', lower: '0', upper: '10' },
    ),
  };
}

describe('draftFrom', () => {
  it('starts a first version from the shared defaults, every catalogue indicator listed and none ticked', () => {
    const draft = draftFrom(undefined, catalogue);
    expect(draft.indicators.map((indicator) => [indicator.code, indicator.included])).toEqual([
      ['A', false],
      ['B', false],
      ['C', false],
    ]);
    expect(draft.bands.map((band) => [band.code, Number(band.minimum)])).toEqual(
      harmony.DEFAULT_GRADE_BANDS.map((band) => [band.code, band.minimum]),
    );
    expect(draft.coverage).toBe('65');
    expect(draft.indexBelow).toEqual({ enabled: true, threshold: '60' });
    expect(draft.indicators[1]).toMatchObject({ lower: '10', upper: '0', redLine: '5' });
  });
});

describe('draftProblems (the shared rules, at the form fields)', () => {
  it('finds nothing in a valid draft', () => {
    expect(draftProblems(valid(), words)).toEqual({});
  });

  it('points each broken rule at its field', () => {
    const draft = valid();
    const broken: MethodologyDraft = {
      ...draft,
      name: 'x',
      nameZh: ' ',
      indicators: draft.indicators.map((indicator) =>
        indicator.code === 'A'
          ? { ...indicator, weight: '-0.5', upper: '-1', redLine: 'soon' }
          : indicator.code === 'B'
            ? { ...indicator, weight: 'lots' }
            : indicator,
      ),
      bands: draft.bands.map((band, index) => (index === 1 ? { ...band, minimum: '99' } : band)),
      coverage: '120',
      indexBelow: { enabled: true, threshold: '0' },
      fall: { enabled: true, points: '100' },
    };
    // Each with the numbers it is about: the goalposts given, the negative weight, the band out of order and
    // the one above it, the coverage in percent as typed, the bounds a threshold lies within.
    expect(draftProblems(broken, words)).toEqual({
      name: 'harmony.methodology.problem.name',
      nameZh: 'harmony.methodology.problem.nameZh',
      'goalposts.A': keyT('harmony.methodology.problem.goalpostsOrder', { lower: '0', upper: '-1' }),
      'redLine.A': 'harmony.methodology.problem.number',
      'weight.A': keyT('harmony.methodology.problem.weightNegative', { got: '-0.5' }),
      'weight.B': 'harmony.methodology.problem.weight',
      gradeBands: keyT('harmony.methodology.problem.bandOrder', {
        band: 'grade:BASICALLY_HARMONIOUS',
        minimum: '99',
        previous: 'grade:HARMONIOUS',
        previousMinimum: '85',
      }),
      coverageThreshold: keyT('harmony.methodology.problem.coverageRange', { got: '120', min: '0', max: '100' }),
      indexBelow: keyT('harmony.methodology.problem.thresholdRange', { got: '0', min: '0', max: '100' }),
      fall: keyT('harmony.methodology.problem.pointsRange', { got: '100', min: '0', max: '100' }),
    });
  });

  it('wants at least one indicator, weights that total exactly 1, and ignores unticked indicators and disabled rules', () => {
    const none = { ...valid(), indicators: valid().indicators.map((indicator) => ({ ...indicator, included: false })) };
    expect(draftProblems(none, words)).toEqual({ indicators: 'harmony.methodology.problem.noIndicator' });
    const heavy = { ...valid(), indicators: valid().indicators.map((indicator) => ({ ...indicator, weight: '0.6' })) };
    expect(draftProblems(heavy, words)).toEqual({
      weights: keyT('harmony.methodology.problem.weightSumIs', { sum: '1.2', expected: '1' }),
    });
    const disabled = { ...valid(), indexBelow: { enabled: false, threshold: 'x' }, fall: { enabled: false, points: '-3' } };
    expect(draftProblems(disabled, words)).toEqual({});
  });

  it('words the problems with their numbers in English and in Chinese', () => {
    const draft = valid();
    const broken: MethodologyDraft = {
      ...draft,
      indicators: draft.indicators.map((indicator) => (indicator.code === 'A' ? { ...indicator, weight: '0.65' } : indicator)),
      bands: draft.bands.map((band, index) => (index === draft.bands.length - 1 ? { ...band, minimum: '5' } : band)),
      indexBelow: { enabled: true, threshold: '150' },
    };
    const english = draftProblems(
      broken,
      wordsIn(harmonyEn, (value) => new Intl.NumberFormat('en').format(value), { WARNING: 'Warning' }),
    );
    expect(english).toMatchObject({
      weights: 'The weights total 1.15; they must total exactly 1',
      gradeBands: 'The last band, “Warning”, starts at 5: it must start at 0 so that every index has a grade',
      indexBelow: 'A threshold above 0, at most 100, not 150',
    });
    const chinese = draftProblems(
      broken,
      wordsIn(harmonyZhCN, (value) => new Intl.NumberFormat('zh-CN').format(value), { WARNING: '预警' }),
    );
    expect(chinese).toMatchObject({
      weights: '权重合计为 1.15，必须正好等于 1',
      gradeBands: '最后一档“预警”的下限为 5：必须为 0，每个指数才都有等级',
      indexBelow: '阈值须大于 0、不超过 100，而不是 150',
    });
  });

  it('checks goalposts only for goalpost normalization', () => {
    const draft = valid();
    const minMax = {
      ...draft,
      indicators: draft.indicators.map((indicator) => ({ ...indicator, normalization: 'MIN_MAX' as const, upper: '' })),
    };
    expect(draftProblems(minMax, words)).toEqual({});
  });
});

describe('weights', () => {
  it('equalizes and scales the ticked weights only, so that they total 1 as the server checks it', () => {
    const draft = {
      ...valid(),
      indicators: valid().indicators.map((indicator, index) => ({ ...indicator, included: index < 3, weight: String(index + 1) })),
    };
    expect(weightSum(draft)).toBe(6);
    expect(weightsTotalOne(weightSum(equalized(draft)))).toBe(true);
    const scaled = scaledToOne(draft);
    expect(scaled.indicators.map((indicator) => indicator.weight)).toEqual(['0.1667', '0.3333', '0.5000']);
    expect(weightsTotalOne(weightSum(scaled))).toBe(true);
    expect(weightsTotalOne(1 + 1e-6)).toBe(false);
  });
});

describe('toInput', () => {
  it('sends the ticked indicators, coverage as a share, the enabled rules, and no goalposts without goalpost normalization', () => {
    const draft = valid();
    const input = toInput({
      ...draft,
      indicators: draft.indicators.map((indicator) => (indicator.code === 'B' ? { ...indicator, normalization: 'Z_SCORE' } : indicator)),
    });
    expect(input.indicators).toEqual([
      { code: 'A', weight: 0.5, normalization: 'GOALPOSTS', lower: 0, upper: 10, redLine: null },
      { code: 'B', weight: 0.5, normalization: 'Z_SCORE', lower: null, upper: null, redLine: 5 },
    ]);
    expect(input.coverageThreshold).toBe(0.65);
    expect(input).toMatchObject({ name: 'Spring review', nameZh: '春季复核', description: null, descriptionZh: null });
    expect(input.alertRules).toEqual([
      { kind: 'INDEX_BELOW', threshold: 60 },
      { kind: 'FALL_SINCE_PREVIOUS', points: 5 },
      { kind: 'RED_LINE' },
    ]);
  });
});

describe('fourDecimalWeights', () => {
  it('shows 4 decimals and keeps a total of 1 exact: the last weight takes the remainder', () => {
    const sevenths = fourDecimalWeights(Array.from({ length: 7 }, () => 1 / 7));
    expect(sevenths).toEqual(['0.1429', '0.1429', '0.1429', '0.1429', '0.1429', '0.1429', '0.1426']);
    expect(weightsTotalOne(sevenths.reduce((sum, weight) => sum + Number(weight), 0))).toBe(true);
    expect(harmony.weightsProblems(sevenths.map(Number))).toEqual([]);
    expect(fourDecimalWeights([1 / 3, 1 / 3, 1 / 3])).toEqual(['0.3333', '0.3333', '0.3334']);
  });

  it('rounds weights that do not total 1 without inventing a remainder', () => {
    expect(fourDecimalWeights([0.123456, 0.2])).toEqual(['0.1235', '0.2000']);
    expect(fourDecimalWeights([])).toEqual([]);
  });

  it('equalizes three ticked indicators as 0.3333, 0.3333, 0.3334', () => {
    const version = draftFrom(undefined, catalogue);
    expect(
      equalized({ ...version, indicators: version.indicators.map((indicator) => ({ ...indicator, included: true })) }).indicators.map(
        (i) => i.weight,
      ),
    ).toEqual(['0.3333', '0.3333', '0.3334']);
  });
});
