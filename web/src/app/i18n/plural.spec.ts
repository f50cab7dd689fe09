import { describe, expect, it } from 'vitest';
import { fill } from './i18n-provider';
import { plural, pluralCategory } from './plural';

const dictionaries: Record<string, Record<string, string>> = {
  en: { 'rows.one': '{count} row', 'rows.other': '{count} rows' },
  'zh-CN': { 'rows.other': '{count} 行' },
};
const i18nOf = (locale: 'en' | 'zh-CN') => ({
  locale,
  tryTranslate: (key: string, params?: Record<string, string | number>) =>
    key in dictionaries[locale] ? fill(dictionaries[locale][key], params) : null,
});

describe('plural', () => {
  it('picks the form of the count by the language’s plural rules', () => {
    expect(plural(i18nOf('en'), 'rows', 1)).toBe('1 row');
    expect(plural(i18nOf('en'), 'rows', 0)).toBe('0 rows');
    expect(plural(i18nOf('en'), 'rows', 2)).toBe('2 rows');
    expect(plural(i18nOf('zh-CN'), 'rows', 1)).toBe('1 行');
    expect(pluralCategory('zh-CN', 1)).toBe('other');
  });

  it('says when a message has no form at all', () => {
    expect(plural(i18nOf('en'), 'missing', 1)).toBeNull();
  });
});
