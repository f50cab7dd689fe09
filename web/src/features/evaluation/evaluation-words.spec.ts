import { evaluation } from '@massline/shared';
import { describe, expect, it } from 'vitest';
import { bilingual, campaignTitle, criterionName, scaleName, scaleSteps } from './evaluation-words';

describe('the evaluation pages’ words from bilingual data', () => {
  it('shows the Chinese in zh-CN and the English otherwise, either when the other is missing', () => {
    expect(bilingual('zh-CN', 'Housing', '住房')).toBe('住房');
    expect(bilingual('en', 'Housing', '住房')).toBe('Housing');
    expect(bilingual('zh-CN', 'Housing', '')).toBe('Housing');
    expect(bilingual('en', '', '住房')).toBe('住房');
    expect(campaignTitle('zh-CN', { title: 'County 2026', titleZh: '县2026' })).toBe('县2026');
    expect(criterionName('en', { en: 'Education', zhCN: '教育' })).toBe('Education');
  });

  it('names scales and their steps from shared, best first and "don’t know" last, unscored', () => {
    expect(scaleName('zh-CN', 'NATIONAL_FIVE_STEP')).toBe(evaluation.ANSWER_SCALES.NATIONAL_FIVE_STEP.names.zhCN);
    const steps = scaleSteps('en', 'PROVINCIAL_FOUR_STEP');
    expect(steps.map((step) => step.code)).toEqual(['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'DONT_KNOW']);
    expect(steps.at(-1)).toEqual({ code: 'DONT_KNOW', name: "Don't know", scored: false });
    expect(scaleSteps('zh-CN', 'NATIONAL_FIVE_STEP')[0]).toEqual({ code: 'VERY_SATISFIED', name: '非常满意', scored: true });
  });
});
