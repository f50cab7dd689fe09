import { evaluation } from '@massline/shared';
import type { Locale } from '../../app/i18n/i18n-provider';

/**
 * What the evaluation pages say in the reader's language from data that carries both: a campaign's
 * title, a criterion's name, a post's title, a scale and its steps (shared's names, never repeated here).
 */

/** Text kept in both languages: the Chinese in zh-CN, the English otherwise (either, when the other is empty). */
export function bilingual(locale: Locale, english: string, chinese: string): string {
  return locale === 'zh-CN' ? chinese || english : english || chinese;
}

export const campaignTitle = (locale: Locale, campaign: { title: string; titleZh: string }) =>
  bilingual(locale, campaign.title, campaign.titleZh);

export const criterionName = (locale: Locale, criterion: { en: string; zhCN: string }) => bilingual(locale, criterion.en, criterion.zhCN);

export const postTitle = (locale: Locale, post: { title: string; titleZh: string }) => bilingual(locale, post.title, post.titleZh);

export const scaleName = (locale: Locale, scale: evaluation.AnswerScaleCode) =>
  locale === 'zh-CN' ? evaluation.ANSWER_SCALES[scale].names.zhCN : evaluation.ANSWER_SCALES[scale].names.en;

/** The steps of a scale, best first, "don't know" last, named in the reader's language. */
export function scaleSteps(locale: Locale, scale: evaluation.AnswerScaleCode): { code: string; name: string; scored: boolean }[] {
  return evaluation.ANSWER_SCALES[scale].steps.map((step) => ({
    code: step.code,
    name: locale === 'zh-CN' ? step.names.zhCN : step.names.en,
    scored: step.score !== null,
  }));
}
