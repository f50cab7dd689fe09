import { describe, expect, it } from 'vitest';
import { flagSentences, type NumberWords } from './verdict-words';

const words: NumberWords = {
  points: (value) => value.toFixed(1),
  percent: (share) => `${(share * 100).toFixed(0)} %`,
  amount: (value) => value.toLocaleString('en'),
};

describe('flagSentences', () => {
  it('says by how much inspection passed mass satisfaction, against the threshold', () => {
    const [sentence] = flagSentences(
      {
        code: 'OFFICIAL_ORIENTED',
        figures: [
          { name: 'inspection', value: 92 },
          { name: 'massSatisfaction', value: 64.5 },
          { name: 'gap', value: 27.5 },
        ],
        thresholds: [{ name: 'gap', value: 20 }],
      },
      words,
    );
    expect(sentence).toEqual({
      key: 'appraisal.flagWhy.OFFICIAL_ORIENTED',
      params: { inspection: '92.0', massSatisfaction: '64.5', gap: '27.5', gapThreshold: '20.0' },
    });
  });

  it('gives debt growth as a percentage, and says "from none" when there was no debt at the start', () => {
    const [grown] = flagSentences(
      {
        code: 'DEBT_FINANCED',
        figures: [
          { name: 'debtAtStart', value: 12000 },
          { name: 'debtAtEnd', value: 30000 },
          { name: 'debtGrowth', value: 1.5 },
        ],
        thresholds: [{ name: 'debtGrowth', value: 0.5 }],
      },
      words,
    );
    expect(grown.params).toEqual({ debtAtStart: '12,000', debtAtEnd: '30,000', debtGrowth: '150 %', debtGrowthThreshold: '50 %' });
    const [fromNone] = flagSentences(
      {
        code: 'DEBT_FINANCED',
        figures: [
          { name: 'debtAtStart', value: 0 },
          { name: 'debtAtEnd', value: 800 },
          { name: 'debtGrowth', value: null },
        ],
        thresholds: [{ name: 'debtGrowth', value: 0.5 }],
      },
      words,
    );
    expect(fromNone).toEqual({ key: 'appraisal.flagWhy.DEBT_FINANCED_FROM_NONE', params: { debtAtEnd: '800' } });
  });

  it('explains individual orientation by each cause that passed its threshold, and only those', () => {
    const flag = {
      code: 'INDIVIDUAL_ORIENTED' as const,
      figures: [
        { name: 'showcaseShare', value: 0.04 },
        { name: 'workStyle', value: 52 },
        { name: 'otherCriteria', value: 74 },
        { name: 'workStyleGap', value: 22 },
      ],
      thresholds: [
        { name: 'showcaseShare', value: 0.1 },
        { name: 'workStyleGap', value: 15 },
      ],
    };
    expect(flagSentences(flag, words).map((sentence) => sentence.key)).toEqual(['appraisal.flagWhy.WORK_STYLE']);
    const both = { ...flag, figures: [...flag.figures.slice(1), { name: 'showcaseShare', value: 0.25 }] };
    expect(flagSentences(both, words).map((sentence) => sentence.key)).toEqual([
      'appraisal.flagWhy.SHOWCASE',
      'appraisal.flagWhy.WORK_STYLE',
    ]);
    expect(flagSentences(both, words)[0].params).toEqual({ showcaseShare: '25 %', showcaseThreshold: '10 %' });
  });

  it('words GDP orientation with growth and livelihood satisfaction against both thresholds', () => {
    const [sentence] = flagSentences(
      {
        code: 'GDP_ORIENTED',
        figures: [
          { name: 'reportedGrowth', value: 9.2 },
          { name: 'livelihoodSatisfaction', value: 61.25 },
        ],
        thresholds: [
          { name: 'growth', value: 7 },
          { name: 'livelihoodFloor', value: 70 },
        ],
      },
      words,
    );
    expect(sentence.params).toEqual({ reportedGrowth: '9.2', growth: '7.0', livelihoodSatisfaction: '61.3', livelihoodFloor: '70.0' });
  });
});
