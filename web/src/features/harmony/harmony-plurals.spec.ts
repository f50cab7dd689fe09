import { describe, expect, it } from 'vitest';
import { fill } from '../../app/i18n/i18n-provider';
import { plural } from '../../app/i18n/plural';
import { harmonyEn } from './messages/en';
import { harmonyZhCN } from './messages/zh-cn';

const i18nOf = (locale: 'en' | 'zh-CN') => {
  const dictionary: Record<string, string> = locale === 'en' ? harmonyEn : harmonyZhCN;
  return {
    locale,
    tryTranslate: (key: string, params?: Record<string, string | number>) => (key in dictionary ? fill(dictionary[key], params) : null),
  };
};

/** The flashes that count assessments say "1 assessment", "2 assessments" in English, and count in Chinese without plural forms. */
describe('the assessment counts of the harmony flashes', () => {
  it('says how many assessments were published, in the plural rules of each language', () => {
    expect(plural(i18nOf('en'), 'harmony.published', 1)).toBe('1 assessment published.');
    expect(plural(i18nOf('en'), 'harmony.published', 0)).toBe('0 assessments published.');
    expect(plural(i18nOf('en'), 'harmony.published', 12, { count: '12' })).toBe('12 assessments published.');
    expect(plural(i18nOf('zh-CN'), 'harmony.published', 1)).toBe('已发布 1 条评价结果。');
    expect(plural(i18nOf('zh-CN'), 'harmony.published', 3)).toBe('已发布 3 条评价结果。');
  });

  it('says how many were recomputed, the count formatted for the language and the form chosen by the number', () => {
    expect(plural(i18nOf('en'), 'harmony.methodology.recomputedNotice', 1, { version: 3 })).toBe(
      '1 assessment recomputed under version 3.',
    );
    expect(plural(i18nOf('en'), 'harmony.methodology.recomputedNotice', 1200, { count: '1,200', version: 3 })).toBe(
      '1,200 assessments recomputed under version 3.',
    );
    expect(plural(i18nOf('zh-CN'), 'harmony.methodology.recomputedNotice', 1, { version: 3 })).toBe('已按第 3 版重新计算 1 条评价结果。');
  });
});
